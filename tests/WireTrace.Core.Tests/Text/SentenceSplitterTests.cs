using WireTrace.Core.Text;

namespace WireTrace.Core.Tests.Text;

public sealed class SentenceSplitterTests
{
    private static readonly TextAnalyzer Analyzer = new(new StripSStemmer());

    private static string[] Sentences(string text)
    {
        var model = Analyzer.Analyze(text);
        return model.Sentences.Select(s => s.Span.Substring(text)).ToArray();
    }

    [Theory]
    // Plain ends.
    [InlineData("The talks ended. Both sides left.", new[] { "The talks ended.", "Both sides left." })]
    [InlineData("Will he go? Nobody knows! We wait.", new[] { "Will he go?", "Nobody knows!", "We wait." })]
    [InlineData("Really?! Yes.", new[] { "Really?!", "Yes." })]
    // Titles never end a sentence.
    [InlineData("Mr. Smith met Mrs. Jones and Dr. Brown.", new[] { "Mr. Smith met Mrs. Jones and Dr. Brown." })]
    [InlineData("Gov. Newsom and Sen. Warren spoke with Rep. Cole.", new[] { "Gov. Newsom and Sen. Warren spoke with Rep. Cole." })]
    [InlineData("Gen. Milley, Lt. Col. Vindman and Capt. Hook attended.", new[] { "Gen. Milley, Lt. Col. Vindman and Capt. Hook attended." })]
    [InlineData("It was Smith vs. Jones in court. Jones won.", new[] { "It was Smith vs. Jones in court.", "Jones won." })]
    [InlineData("Some fruit, e.g. Apples, is cheap. Other fruit, i.e. Mangoes, is not.", new[] { "Some fruit, e.g. Apples, is cheap.", "Other fruit, i.e. Mangoes, is not." })]
    // Months and streets.
    [InlineData("The vote is on Jan. 5 in Helsinki. Results follow.", new[] { "The vote is on Jan. 5 in Helsinki.", "Results follow." })]
    [InlineData("He was born in Sept. 1961 and died in Dec. 2001.", new[] { "He was born in Sept. 1961 and died in Dec. 2001." })]
    [InlineData("They met on Feb. 14. The deal was signed.", new[] { "They met on Feb. 14.", "The deal was signed." })]
    [InlineData("A diner at 900 Bourbon St. in the French Quarter is open.", new[] { "A diner at 900 Bourbon St. in the French Quarter is open." })]
    [InlineData("He lives on Main St. The house is old.", new[] { "He lives on Main St.", "The house is old." })]
    // Companies.
    [InlineData("Apple Inc. said profits rose. Shares fell.", new[] { "Apple Inc. said profits rose.", "Shares fell." })]
    [InlineData("He sued Acme Corp. The case is open.", new[] { "He sued Acme Corp.", "The case is open." })]
    [InlineData("Shares of Smith & Co. Holdings rose.", new[] { "Shares of Smith & Co. Holdings rose." })]
    [InlineData("It bought Foo Ltd. It then sold Bar Ltd. But investors cheered.", new[] { "It bought Foo Ltd.", "It then sold Bar Ltd.", "But investors cheered." })]
    // Countries and dotted forms.
    [InlineData("The U.S. and the U.N. agreed.", new[] { "The U.S. and the U.N. agreed." })]
    [InlineData("Troops left the U.S. The talks resumed.", new[] { "Troops left the U.S.", "The talks resumed." })]
    [InlineData("He works for U.S. Steel in Pittsburgh.", new[] { "He works for U.S. Steel in Pittsburgh." })]
    [InlineData("The U.K. and the E.U. disagree. Talks go on.", new[] { "The U.K. and the E.U. disagree.", "Talks go on." })]
    [InlineData("We met at 9 a.m. and left at 5 p.m. It was long.", new[] { "We met at 9 a.m. and left at 5 p.m.", "It was long." })]
    [InlineData("He was in the U.S. \"We are ready,\" he said.", new[] { "He was in the U.S.", "\"We are ready,\" he said." })]
    [InlineData("He cited apples, pears, etc. But nobody listened.", new[] { "He cited apples, pears, etc.", "But nobody listened." })]
    [InlineData("Apples, pears, etc. are cheap.", new[] { "Apples, pears, etc. are cheap." })]
    // Numbers.
    [InlineData("Growth was 3.5 percent. Inflation was 2.1 percent.", new[] { "Growth was 3.5 percent.", "Inflation was 2.1 percent." })]
    [InlineData("He scored in 2004. He retired in 2010.", new[] { "He scored in 2004.", "He retired in 2010." })]
    [InlineData("He lives at No. 10 Downing Street. No one knew.", new[] { "He lives at No. 10 Downing Street.", "No one knew." })]
    [InlineData("1. The first point is cost.", new[] { "1. The first point is cost." })]
    [InlineData("Sales rose 5%. Costs fell.", new[] { "Sales rose 5%.", "Costs fell." })]
    // Initials.
    [InlineData("John F. Kennedy was shot in Dallas.", new[] { "John F. Kennedy was shot in Dallas." })]
    [InlineData("J.K. Rowling wrote it. She is rich.", new[] { "J.K. Rowling wrote it.", "She is rich." })]
    [InlineData("George W. Bush met J. R. R. Tolkien fans.", new[] { "George W. Bush met J. R. R. Tolkien fans." })]
    [InlineData("The winner was Plan B. The loser was Plan A.", new[] { "The winner was Plan B.", "The loser was Plan A." })]
    // Ellipses.
    [InlineData("He paused... then went on.", new[] { "He paused... then went on." })]
    [InlineData("He paused... Then he left.", new[] { "He paused...", "Then he left." })]
    [InlineData("He paused\u2026 Then he left.", new[] { "He paused\u2026", "Then he left." })]
    [InlineData("He paused\u2026 and went on.", new[] { "He paused\u2026 and went on." })]
    [InlineData("Wait...What?", new[] { "Wait...What?" })]
    // Quotes closing a sentence.
    [InlineData("\"We won,\" he said. \"It was hard.\" Then he left.", new[] { "\"We won,\" he said.", "\"It was hard.\"", "Then he left." })]
    [InlineData("He said: \u201CWe will help the families.\u201D Ukrainian forces advanced.", new[] { "He said: \u201CWe will help the families.\u201D", "Ukrainian forces advanced." })]
    [InlineData("\"Why?\" he asked.", new[] { "\"Why?\" he asked." })]
    [InlineData("\u201CHelp!\u201D she cried. Nobody came.", new[] { "\u201CHelp!\u201D she cried.", "Nobody came." })]
    [InlineData("They were told \u2018go home.\u2019 They stayed.", new[] { "They were told \u2018go home.\u2019", "They stayed." })]
    // Brackets.
    [InlineData("He left early. (He was tired.) Then it rained.", new[] { "He left early.", "(He was tired.)", "Then it rained." })]
    [InlineData("The firm (Acme Ltd.) grew.", new[] { "The firm (Acme Ltd.) grew." })]
    // Scraped text with no space after the end.
    [InlineData("We will help the families.\u201DUkrainian forces advanced.", new[] { "We will help the families.\u201D", "Ukrainian forces advanced." })]
    [InlineData("That is what he said.The talks failed.", new[] { "That is what he said.", "The talks failed." })]
    [InlineData("It started in 2004.The end came later.", new[] { "It started in 2004.", "The end came later." })]
    [InlineData("Sales rose to $10.9bn.For the full year profit grew.", new[] { "Sales rose to $10.9bn.", "For the full year profit grew." })]
    [InlineData("\"It is over,\" he said.\"We lost.\"", new[] { "\"It is over,\" he said.", "\"We lost.\"" })]
    [InlineData("\"It is over.\"The crowd left.", new[] { "\"It is over.\"", "The crowd left." })]
    [InlineData("He asked why?Nobody answered!Then silence.", new[] { "He asked why?", "Nobody answered!", "Then silence." })]
    [InlineData("Troops left the U.S.The talks resumed.", new[] { "Troops left the U.S.", "The talks resumed." })]
    [InlineData("Mr.Smith arrived.", new[] { "Mr.Smith arrived." })]
    [InlineData("Watch it on BBC.co.uk or Amazon.com today.", new[] { "Watch it on BBC.co.uk or Amazon.com today." })]
    [InlineData("Mail john.Smith@Example.com now.", new[] { "Mail john.Smith@Example.com now." })]
    [InlineData("See www.Reuters.com for more.", new[] { "See www.Reuters.com for more." })]
    [InlineData("Growth was 3.5% in 2004.Analysts expected 3.2.", new[] { "Growth was 3.5% in 2004.", "Analysts expected 3.2." })]
    [InlineData("A U.S.-led force arrived.", new[] { "A U.S.-led force arrived." })]
    // Glued straight quotes: the quote goes to the side that reads like quoted speech, else to the side it balances.
    [InlineData("He said: \"We are happy.\"The talks ended.", new[] { "He said: \"We are happy.\"", "The talks ended." })]
    [InlineData("The talks ended.\"We are happy,\" he said.", new[] { "The talks ended.", "\"We are happy,\" he said." })]
    [InlineData("\"I hope he will stay.\"I think he will,\" Parry said.", new[] { "\"I hope he will stay.", "\"I think he will,\" Parry said." })]
    [InlineData("The deal, he said, was \"historic.\"The talks ended.", new[] { "The deal, he said, was \"historic.\"", "The talks ended." })]
    [InlineData("It was a \"difficult year\".\"2005 will be better,\" he said.", new[] { "It was a \"difficult year\".", "\"2005 will be better,\" he said." })]
    [InlineData("He won on penalties.\"\"It was hard.", new[] { "He won on penalties.\"", "\"It was hard." })]
    // Glued ends after numbers, ampersand names and abbreviations.
    [InlineData("It was a great year for the band.1Xtra played them often.", new[] { "It was a great year for the band.", "1Xtra played them often." })]
    [InlineData("It is the biggest rival of AT&T.SBC said so.", new[] { "It is the biggest rival of AT&T.", "SBC said so." })]
    [InlineData("He is an analyst at Edwards & Co.Zurich declined to comment.", new[] { "He is an analyst at Edwards & Co.", "Zurich declined to comment." })]
    [InlineData("Version 2.1 of the software is out.", new[] { "Version 2.1 of the software is out." })]
    public void Segments(string text, string[] expected)
    {
        Assert.Equal(expected, Sentences(text));
    }

    [Fact]
    public void A_heading_line_without_punctuation_is_its_own_sentence()
    {
        var text = "Ad sales boost Time Warner profit\nQuarterly profits at US media giant TimeWarner jumped 76%.";
        Assert.Equal(["Ad sales boost Time Warner profit", "Quarterly profits at US media giant TimeWarner jumped 76%."], Sentences(text));
    }

    [Fact]
    public void Sentences_never_cross_a_paragraph_break()
    {
        var text = "The talks ended with Mr.\n\nSmith left.";
        var model = Analyzer.Analyze(text);
        Assert.Equal(["The talks ended with Mr.", "Smith left."], model.Sentences.Select(s => s.Span.Substring(text)));
        Assert.Equal([0, 1], model.Sentences.Select(s => s.Paragraph));
    }

    [Fact]
    public void Helsinki_separators_split_paragraphs_and_sentences()
    {
        var text = "DONALD AND VLADIMIR ### Putin held several meetings. He left. ### By Reuters";
        var model = Analyzer.Analyze(text);
        Assert.Equal(["DONALD AND VLADIMIR", "Putin held several meetings.", "He left.", "By Reuters"], model.Sentences.Select(s => s.Span.Substring(text)));
        Assert.Equal([0, 1, 1, 2], model.Sentences.Select(s => s.Paragraph));
    }

    [Fact]
    public void Sentence_spans_point_into_the_original_text_of_the_body()
    {
        var text = "HEADLINE\n\n  First one.  Second one.  ";
        var body = TextSpan.FromBounds(10, text.Length);
        var model = Analyzer.Analyze(text, body);
        Assert.Equal([TextSpan.FromBounds(12, 22), TextSpan.FromBounds(24, 35)], model.Sentences.Select(s => s.Span));
    }
}
