using WireTrace.Core.Text;

namespace WireTrace.Core.Tests.Text;

public sealed class TokenizerTests
{
    private static readonly TextAnalyzer Analyzer = new(new StripSStemmer());

    private static (string Text, TokenKind Kind)[] Tokens(string text)
    {
        var model = Analyzer.Analyze(text);
        return model.Tokens.Select(t => (t.Span.Substring(text), t.Kind)).ToArray();
    }

    private static string[] Surfaces(string text) => Tokens(text).Select(t => t.Text).ToArray();

    [Fact]
    public void Words_keep_inner_apostrophes_and_hyphens()
    {
        Assert.Equal(["Don't", "O'Neill", "well-known", "F-16", "jets", "."], Surfaces("Don't O'Neill well-known F-16 jets."));
        Assert.Equal(["don\u2019t", "stop"], Surfaces("don\u2019t stop"));
    }

    [Fact]
    public void A_possessive_stays_in_the_word_and_a_trailing_apostrophe_is_a_quote_mark()
    {
        Assert.Equal([("Clinton's", TokenKind.Word), ("campaign", TokenKind.Word)], Tokens("Clinton's campaign"));
        Assert.Equal([("the", TokenKind.Word), ("players", TokenKind.Word), ("'", TokenKind.QuoteMark), ("union", TokenKind.Word)], Tokens("the players' union"));
    }

    [Theory]
    [InlineData("12", "12")]
    [InlineData("300,000", "300,000")]
    [InlineData("1.5", "1.5")]
    [InlineData("2024-01-06", "2024-01-06")]
    [InlineData("10:30", "10:30")]
    [InlineData("1980s", "1980s")]
    [InlineData("$1.13bn", "1.13bn")]
    public void Numbers_are_one_token_with_inner_separators(string text, string number)
    {
        var tokens = Tokens(text);
        Assert.Contains((number, TokenKind.Number), tokens);
        Assert.Single(tokens, t => t.Kind == TokenKind.Number);
    }

    [Fact]
    public void Percent_and_trailing_full_stop_are_separate_punctuation()
    {
        Assert.Equal([("rose", TokenKind.Word), ("5", TokenKind.Number), ("%", TokenKind.Punctuation), (".", TokenKind.Punctuation)], Tokens("rose 5%."));
        Assert.Equal([("in", TokenKind.Word), ("2004", TokenKind.Number), (",", TokenKind.Punctuation)], Tokens("in 2004,"));
    }

    [Fact]
    public void Quote_marks_of_every_style_are_quote_marks()
    {
        var tokens = Tokens("\u201CYes,\u201D he said. \"No.\" \u00ABOui\u00BB");
        Assert.Equal(6, tokens.Count(t => t.Kind == TokenKind.QuoteMark));
    }

    [Fact]
    public void Dotted_initials_and_domains_are_single_words()
    {
        Assert.Equal(["The", "U.S.", "and", "J.K.", "Rowling", "visited", "bbc.co.uk", "at", "9", "a.m."], Surfaces("The U.S. and J.K. Rowling visited bbc.co.uk at 9 a.m."));
        Assert.Equal(["Mr", ".", "Smith"], Surfaces("Mr. Smith"));
    }

    [Fact]
    public void Ellipsis_is_one_punctuation_token()
    {
        Assert.Equal([("Well", TokenKind.Word), ("...", TokenKind.Punctuation), ("no", TokenKind.Word)], Tokens("Well... no"));
    }

    [Fact]
    public void Norm_folds_apostrophes_quotes_dashes_and_case()
    {
        var curly = Analyzer.Analyze("Don\u2019t").Tokens.Single();
        var straight = Analyzer.Analyze("don't").Tokens.Single();
        Assert.Equal("don't", curly.Norm);
        Assert.Equal(straight.Norm, curly.Norm);
        Assert.Equal("u.s.", Analyzer.Analyze("U.S.").Tokens.Single().Norm);
        Assert.Equal("-", Analyzer.Analyze("a \u2014 b").Tokens[1].Norm);
        Assert.Equal("\"", Analyzer.Analyze("\u201C").Tokens.Single().Norm);
    }

    [Fact]
    public void Stem_comes_from_the_stemmer_for_words_only_and_stopwords_are_marked()
    {
        var model = Analyzer.Analyze("The talks lasted 3 hours.");
        var t = model.Tokens;
        Assert.Equal(["the", "talk", "lasted", "3", "hour", "."], t.Select(x => x.Stem));
        Assert.True(t[0].IsStopword);
        Assert.False(t[1].IsStopword);
        Assert.Equal(TokenKind.Number, t[3].Kind);
        Assert.False(t[3].IsStopword);
        // A number that ends in s is not stemmed.
        Assert.Equal("1980s", Analyzer.Analyze("1980s").Tokens.Single().Stem);
    }

    [Fact]
    public void Token_ranges_of_sentences_partition_the_tokens()
    {
        var model = Analyzer.Analyze("One two. Three four five! Six?");
        Assert.Equal([(0, 3), (3, 4), (7, 2)], model.Sentences.Select(s => (s.FirstToken, s.TokenCount)));
        Assert.Equal(["Three", "four", "five", "!"], model.TokensOf(model.Sentences[1]).Select(t => t.Span.Substring(model.Text)));
    }
}
