using WireTrace.Core.Text;

namespace WireTrace.Core.Tests.Text;

public sealed class ParagraphTests
{
    private static readonly TextAnalyzer Analyzer = new(new StripSStemmer());

    private static string[] Paragraphs(string text)
    {
        var model = Analyzer.Analyze(text);
        return model.Paragraphs.Select(p => p.Substring(text)).ToArray();
    }

    [Fact]
    public void Blank_lines_separate_paragraphs()
    {
        Assert.Equal(["One. Two.", "Three."], Paragraphs("One. Two.\n\n  \nThree.\n"));
        Assert.Equal(["One.", "Two."], Paragraphs("One.\r\n\r\nTwo."));
    }

    [Fact]
    public void Hard_wrapped_reuters_text_joins_lines_and_splits_at_indented_lines()
    {
        var text =
            "National Westminster Bank Plc said it has\n" +
            "cut its base lending rate  0.5 percentage points to 10.5 pct\n" +
            "today.\n" +
            "    National Westminster said that it was responding to general\n" +
            "easing in money market rates.\n" +
            "    Its move followed a signal from the Bank of England earlier\n" +
            "this afternoon that it would endorse a half point cut in the\n" +
            "base rate, a surprise move following its strong signals last\n" +
            "week that such a move would be premature.\n";
        var paragraphs = Paragraphs(text);
        Assert.Equal(3, paragraphs.Length);
        Assert.StartsWith("National Westminster Bank Plc said it has\ncut", paragraphs[0]);
        Assert.EndsWith("10.5 pct\ntoday.", paragraphs[0]);
        Assert.StartsWith("Its move followed", paragraphs[2]);
        var model = Analyzer.Analyze(text);
        Assert.Equal(3, model.Sentences.Count);
    }

    [Fact]
    public void Wrapped_text_does_not_split_at_a_line_that_happens_to_end_a_sentence()
    {
        var text =
            "The company said profits rose sharply in the first quarter. It\n" +
            "expects a further rise in the second quarter as demand for its\n" +
            "products grows. Analysts said the outlook was good and that the\n" +
            "shares were cheap.\n";
        Assert.Single(Paragraphs(text));
        Assert.Equal(3, Analyzer.Analyze(text).Sentences.Count);
    }

    [Fact]
    public void Single_newlines_split_after_a_sentence_end_or_a_heading_in_unwrapped_text()
    {
        var text = "Ad sales boost Time Warner profit\nQuarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months to December, from $639m year-earlier.\nThe firm, which is now one of the biggest investors in Google, benefited from sales of high-speed internet connections.";
        Assert.Equal(3, Paragraphs(text).Length);
    }

    [Fact]
    public void A_line_ending_mid_sentence_continues_the_paragraph()
    {
        Assert.Single(Paragraphs("The minister said that the talks,\nwhich began on Monday, would go on."));
        Assert.Single(Paragraphs("He arrived on\nMonday."));
    }

    [Fact]
    public void Hash_separators_split_paragraphs_and_belong_to_none()
    {
        Assert.Equal(["By Reuters", "July 15, 2018", "TURNBERRY, Scotland \u2014 Trump played golf."],
            Paragraphs("By Reuters ### July 15, 2018 ### TURNBERRY, Scotland \u2014 Trump played golf."));
        Assert.Equal(["Issue #3 and C### stay"], Paragraphs("Issue #3 and C### stay"));
    }

    [Fact]
    public void Paragraphs_stay_inside_the_body()
    {
        var text = "Title line\n\nFirst paragraph.\n\nSecond paragraph.";
        var body = TextSpan.FromBounds(12, text.Length);
        var model = Analyzer.Analyze(text, body);
        Assert.Equal([TextSpan.FromBounds(12, 28), TextSpan.FromBounds(30, 47)], model.Paragraphs);
        Assert.Throws<ArgumentOutOfRangeException>(() => Analyzer.Analyze(text, new TextSpan(5, text.Length)));
    }
}
