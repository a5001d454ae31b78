using WireTrace.Core.Fingerprints;
using WireTrace.Core.Hashing;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;

namespace WireTrace.Core.Tests.Fingerprints;

/// <summary>Content-term hashes of a text model (cached per token text) against the terms hashed directly.</summary>
public sealed class ContentTermsTests
{
    private const string Text = """
        Floods killed 12 people on Monday, officials said, and 300,000 were without power.

        The flood defences failed; the floods spread. "It was the worst flood," said Anna Berg of the 12th district.
        """;

    [Theory]
    [InlineData(0UL)]
    [InlineData(0x9E3779B97F4A7C15UL)]
    [InlineData(HashSeeds.Fingerprints)] // the default, whose hashes each token text holds inline
    [InlineData(HashSeeds.Fingerprints ^ 1)]
    public void Hashes_equal_the_stems_and_numbers_hashed_directly(ulong seed)
    {
        var analyzer = new TextAnalyzer(EnglishStemmer.Default);
        var model = analyzer.Analyze(Text);
        // Another seed first, so the tokens' cached hashes must be recomputed for this one.
        ContentTerms.From(analyzer.Analyze(Text), seed ^ 1);

        var terms = model.Sentences
            .Select(s => (IReadOnlyList<string>)model.Tokens.Skip(s.FirstToken).Take(s.TokenCount)
                .Where(t => t.IsNumber || (t.IsWord && !t.IsStopword))
                .Select(t => t.IsNumber ? t.Norm : t.Stem)
                .ToList())
            .ToList();
        var expected = ContentTerms.From(terms, seed);
        var actual = ContentTerms.From(model, seed);

        Assert.Equal(expected.Hashes, actual.Hashes);
        Assert.Equal(expected.SentenceStarts, actual.SentenceStarts);
        Assert.Contains("flood", terms.SelectMany(t => t));
        Assert.Contains("300,000", terms.SelectMany(t => t));
    }

    [Fact]
    public void The_default_seed_is_the_fingerprints_default() =>
        Assert.Equal(FingerprintOptions.Default.Seed, HashSeeds.Fingerprints);
}
