using WireTrace.Core.Text;

namespace WireTrace.Core.Tests.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Don\u2019t", "don't")]
    [InlineData("don\u02BCt", "don't")]
    [InlineData("5\u2032", "5'")]
    [InlineData("\u2018quoted\u2019", "'quoted'")]
    [InlineData("\u201CQuoted\u201D", "\"quoted\"")]
    [InlineData("\u00ABguillemets\u00BB", "\"guillemets\"")]
    [InlineData("1990\u20131995", "1990-1995")]
    [InlineData("a\u2014b", "a-b")]
    [InlineData("non\u2011breaking", "non-breaking")]
    [InlineData("\u22125", "-5")]
    [InlineData("U.S.", "u.s.")]
    [InlineData("\uFB01nance", "finance")]
    [InlineData("\uFF21\uFF22\uFF23", "abc")]
    [InlineData("\u00C9COLE", "\u00E9cole")]
    [InlineData("e\u0301cole", "\u00E9cole")]
    [InlineData("\u2026", "...")]
    [InlineData("ALREADY plain", "already plain")]
    public void Folds_to_the_comparison_form(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Fact]
    public void Empty_stays_empty()
    {
        Assert.Equal("", TextNormalizer.Normalize(ReadOnlySpan<char>.Empty));
    }
}
