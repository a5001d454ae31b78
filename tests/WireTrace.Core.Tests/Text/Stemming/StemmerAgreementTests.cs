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
    public void Managed_and_native_agree_on_edge_cases()
    {
        var native = fixture.Stemmer;
        var managed = Porter2Stemmer.Instance;
        string[] words =
        [
            "'", "''", "'''", "''s'", "'s'", "y", "yy", "yyy", "ayyay", "sayys", "Yes", "Yesterday", "eyed", "lyed",
            "dyings", "herring's", "skis'", "ied", "ies", "aied", "𝒳ied", "ba𝒳ed", "𝒳y", "a𝒳y", "𝒳𝒳y", "𝒳yed", "𝒳ying", "bled", "sized",
            "tt", "ttt", "ing", "eed", "eedly", "ingly", "edly", "fully", "ogi", "logi", "biology", "zoologically", "\u2019s",
            "can\u2019t", "o\u2019neill", "-", "--", "---s", "123ing", "1st", "é", "éée", "naïveté", "ÿes",
        ];
        var differences = words.Where(w => native.Stem(w) != managed.Stem(w))
            .Select(w => $"{w}: native {native.Stem(w)}, managed {managed.Stem(w)}").ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void Managed_and_native_agree_on_random_words_built_from_suffix_fragments()
    {
        var native = fixture.Stemmer;
        var managed = Porter2Stemmer.Instance;
        // Fragments that trigger the rules (suffixes, prefixes with special R1, y, apostrophes, doubles) plus
        // single letters, a digit, a hyphen and a supplementary character; glued at random with a fixed seed.
        string[] fragments =
        [
            "a", "e", "i", "o", "u", "y", "b", "c", "d", "g", "h", "l", "n", "r", "s", "t", "w", "x", "z", "'", "-", "7",
            "\U0001D4B3", "é", "ss", "ies", "ied", "us", "eed", "ed", "ing", "ly", "ingly", "edly", "at", "bl", "iz", "tt",
            "ational", "tion", "enci", "anci", "abli", "entli", "izer", "ization", "ator", "alism", "aliti", "alli",
            "fulness", "ousli", "ousness", "iveness", "iviti", "biliti", "bli", "ogi", "fulli", "lessli", "li", "alize",
            "icate", "iciti", "ical", "ful", "ness", "ative", "al", "ance", "ence", "er", "ic", "able", "ible", "ant",
            "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "ll", "gener", "commun", "arsen",
            "'s", "'s'", "sky", "inn", "proc",
        ];
        var random = new Random(20261122);
        var differences = new List<string>();
        for (var n = 0; n < 200_000 && differences.Count < 20; n++)
        {
            var count = random.Next(1, 5);
            var word = string.Concat(Enumerable.Range(0, count).Select(_ => fragments[random.Next(fragments.Length)]));
            var expected = native.Stem(word);
            var actual = managed.Stem(word);
            if (expected != actual) differences.Add($"{word}: native {expected}, managed {actual}");
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }
}
