using WireTrace.Core.Text;

namespace WireTrace.Core.Tests.Text;

public sealed class QuotationsTests
{
    private static List<string> Quoted(string text, params TextSpan[] paragraphs)
    {
        var spans = Quotations.Find(text, paragraphs.Length == 0 ? [new TextSpan(0, text.Length)] : paragraphs);
        return spans.Select(s => s.Substring(text)).ToList();
    }

    [Fact]
    public void Curly_straight_and_guillemet_quotes_are_found_with_their_marks()
    {
        Assert.Equal(["“We will rebuild,”", "\"Never again.\"", "«Non»"],
            Quoted("“We will rebuild,” she said. He added: \"Never again.\" The reply was «Non» today."));
    }

    [Fact]
    public void A_quote_runs_across_sentences_until_its_closing_mark()
    {
        const string text = "\"I don't think you'll have any, 'Gee, I did it. You got me.' There won't be a Perry Mason here,\" Trump said.";
        var quoted = Assert.Single(Quoted(text));
        Assert.EndsWith("Perry Mason here,\"", quoted);
        Assert.Contains("You got me.", quoted);
    }

    [Fact]
    public void Mixed_curly_and_straight_marks_pair_up()
    {
        Assert.Equal(["“It was a mistake,\""], Quoted("“It was a mistake,\" he said."));
    }

    [Fact]
    public void An_unclosed_quote_ends_with_its_paragraph_and_a_stray_closing_mark_starts_one_at_the_paragraph()
    {
        const string text = "He said: “We are ready. We will go on\nthe rest,” said the minister. Then nothing.";
        int nl = text.IndexOf('\n');
        var quoted = Quoted(text, TextSpan.FromBounds(0, nl), TextSpan.FromBounds(nl + 1, text.Length));
        Assert.Equal(["“We are ready. We will go on", "the rest,”"], quoted);
    }

    [Fact]
    public void Apostrophes_and_single_quotes_do_not_open_quotations()
    {
        Assert.Empty(Quoted("Russia's leader met the 'foe' at Helsinki's palace."));
    }

    [Fact]
    public void Quoted_length_counts_only_the_overlap()
    {
        const string text = "He said “one two three” and “four”.";
        var spans = Quotations.Find(text, [new TextSpan(0, text.Length)]);
        int start = text.IndexOf("two", StringComparison.Ordinal);
        Assert.Equal("two three”".Length, Quotations.QuotedLength(spans, TextSpan.FromBounds(start, text.IndexOf(" and", StringComparison.Ordinal))));
        Assert.Equal(0, Quotations.QuotedLength(spans, new TextSpan(0, 7)));
        Assert.Equal("“one two three”".Length + "“four”".Length, Quotations.QuotedLength(spans, new TextSpan(0, text.Length)));
    }
}
