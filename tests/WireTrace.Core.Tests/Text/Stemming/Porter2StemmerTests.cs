using WireTrace.Core.Text.Stemming;

namespace WireTrace.Core.Tests.Text.Stemming;

public sealed class Porter2StemmerTests
{
    private readonly Porter2Stemmer _stemmer = Porter2Stemmer.Instance;

    [Fact]
    public void Matches_the_published_snowball_vectors()
    {
        var vectors = SnowballVectors.All;
        Assert.True(vectors.Count >= 200, $"only {vectors.Count} vectors loaded");
        var wrong = vectors
            .Select(v => (v.Word, v.Stem, Actual: _stemmer.Stem(v.Word)))
            .Where(r => r.Actual != r.Stem)
            .Select(r => $"{r.Word}: expected {r.Stem}, got {r.Actual}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    // Exceptional forms and invariants listed in the algorithm's description.
    [InlineData("skis", "ski")]
    [InlineData("skies", "sky")]
    [InlineData("sky", "sky")]
    [InlineData("dying", "die")]
    [InlineData("lying", "lie")]
    [InlineData("tying", "tie")]
    [InlineData("idly", "idl")]
    [InlineData("gently", "gentl")]
    [InlineData("ugly", "ugli")]
    [InlineData("early", "earli")]
    [InlineData("only", "onli")]
    [InlineData("singly", "singl")]
    [InlineData("news", "news")]
    [InlineData("howe", "howe")]
    [InlineData("atlas", "atlas")]
    [InlineData("cosmos", "cosmos")]
    [InlineData("bias", "bias")]
    [InlineData("andes", "andes")]
    // Invariant after step 1a (so their plurals keep the rest of the word).
    [InlineData("inning", "inning")]
    [InlineData("outings", "outing")]
    [InlineData("herrings", "herring")]
    [InlineData("earring", "earring")]
    [InlineData("succeed", "succeed")]
    [InlineData("proceeds", "proceed")]
    // R1 prefixes gener, commun, arsen.
    [InlineData("generating", "generat")]
    [InlineData("generously", "generous")]
    [InlineData("general", "general")]
    [InlineData("communism", "communism")]
    [InlineData("arsenal", "arsenal")]
    // Rules quoted in the description.
    [InlineData("ties", "tie")]
    [InlineData("cries", "cri")]
    [InlineData("gas", "gas")]
    [InlineData("this", "this")]
    [InlineData("gaps", "gap")]
    [InlineData("kiwis", "kiwi")]
    [InlineData("cry", "cri")]
    [InlineData("by", "by")]
    [InlineData("say", "say")]
    [InlineData("hopping", "hop")]
    [InlineData("hoped", "hope")]
    [InlineData("luxuriated", "luxuri")]
    [InlineData("youth", "youth")]
    [InlineData("boyish", "boyish")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    // Possessives and apostrophes.
    [InlineData("reuters'", "reuter")]
    [InlineData("bbc's", "bbc")]
    [InlineData("'tis", "tis")]
    [InlineData("won't", "won't")]
    // Short, numeric and hyphenated words.
    [InlineData("", "")]
    [InlineData("as", "as")]
    [InlineData("1980s", "1980s")]
    [InlineData("high-speed", "high-spe")]
    [InlineData("year-earlier", "year-earli")]
    public void Stems_rule_examples(string word, string stem)
    {
        Assert.Equal(stem, _stemmer.Stem(word));
        Assert.Equal(stem, _stemmer.Stem(word.AsSpan()));
    }

    [Fact]
    public void Returns_the_same_instance_when_the_word_is_its_own_stem()
    {
        var word = new string("stem".AsSpan());
        Assert.Same(word, _stemmer.Stem(word));
    }

    [Fact]
    public void Span_overload_writes_into_the_destination()
    {
        Span<char> destination = stackalloc char[16];
        var written = _stemmer.Stem("luxuriating", destination);
        Assert.Equal("luxuri", destination[..written].ToString());
        Assert.Throws<ArgumentException>(() => _stemmer.Stem("running", new char[7]));
    }

    [Fact]
    public void Handles_words_longer_than_the_stack_buffer()
    {
        var word = string.Concat(Enumerable.Repeat("nation", 40)) + "alization";
        // ization -> ize (step 2), alize -> al (step 3), al removed in R2 (step 4).
        Assert.Equal(string.Concat(Enumerable.Repeat("nation", 40)), _stemmer.Stem(word));
    }

    [Fact]
    public void Counts_supplementary_characters_as_one_letter()
    {
        // "𝒳s" is two code points (four UTF-16 units): shorter than three letters, so it is left alone.
        Assert.Equal("𝒳s", _stemmer.Stem("𝒳s"));
        // One letter before "ies": "ie", as in ties -> tie.
        Assert.Equal("𝒳ie", _stemmer.Stem("𝒳ies"));
    }

    [Theory]
    [InlineData("Yesterday", "yesterday")] // a y was marked, so every Y is lowered at the end
    [InlineData("Yes", "Yes")]             // none was, so the capital stays
    public void Lowers_capital_Y_only_when_a_y_was_marked_as_consonant(string word, string stem)
    {
        Assert.Equal(stem, _stemmer.Stem(word));
    }

    [Fact]
    public void Rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => _stemmer.Stem((string)null!));
    }
}
