using WireTrace.Core.Text.Stemming;

namespace WireTrace.Core.Tests.Text.Stemming;

public sealed class StemmerAgreementTests(NativeStemmerFixture fixture) : IClassFixture<NativeStemmerFixture>
{
    [Fact]
    public void Managed_and_native_agree_on_every_word_of_the_bbc_corpus()
    {
        var native = fixture.Stemmer;
        var managed = Porter2Stemmer.Instance;
        var words = StemmingCorpus.DistinctWords;
        Assert.True(words.Count > 20_000, $"only {words.Count} distinct words read");

        var disagreements = words
            .Select(w => (Word: w, Native: native.Stem(w), Managed: managed.Stem(w)))
            .Where(r => r.Native != r.Managed)
            .ToList();

        Assert.True(disagreements.Count == 0,
            $"{disagreements.Count} of {words.Count} words differ:\n" +
            string.Join("\n", disagreements.Take(50).Select(d => $"{d.Word}: native {d.Native}, managed {d.Managed}")));
    }

    [Fact]
    public void Managed_and_native_agree_on_the_whole_snowball_style_edge_cases()
    {
        var native = fixture.Stemmer;
        var managed = Porter2Stemmer.Instance;
        string[] words =
        [
            "'", "''", "'''", "''s'", "'s'", "y", "yy", "yyy", "ayyay", "sayys", "Yes", "Yesterday", "eyed", "lyed",
            "dyings", "herring's", "skis'", "ied", "ies", "aied", "𝒳ied", "ba𝒳ed", "𝒳y", "a𝒳y", "𝒳𝒳y", "bled", "sized",
            "tt", "ttt", "ing", "eed", "eedly", "ingly", "edly", "fully", "ogi", "logi", "biology", "zoologically", "\u2019s",
            "can\u2019t", "o\u2019neill", "-", "--", "---s", "123ing", "1st", "é", "éée", "naïveté", "ÿes",
        ];
        var differences = words.Where(w => native.Stem(w) != managed.Stem(w))
            .Select(w => $"{w}: native {native.Stem(w)}, managed {managed.Stem(w)}").ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }
}
