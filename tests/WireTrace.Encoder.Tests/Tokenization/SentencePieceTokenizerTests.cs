using WireTrace.Encoder.Tokenization;

namespace WireTrace.Encoder.Tests.Tokenization;

[Collection(InstalledModelCollection.Name)]
public sealed class SentencePieceTokenizerTests(InstalledModelFixture model)
{
    private SentencePieceTokenizer Tokenizer => model.Encoder.Tokenizer;

    [Fact]
    public void Matches_the_JS_tokenizer_on_every_reference_sentence()
    {
        var sentences = ReferenceFixture.Sentences;
        Assert.True(sentences.Count >= 200, $"only {sentences.Count} reference sentences");
        var mismatches = sentences
            .Select(s => (s, ids: Tokenizer.Encode(s.Text)))
            .Where(x => !x.ids.SequenceEqual(x.s.Ids))
            .Select(x => $"{x.s.Label}: got [{string.Join(",", x.ids)}] expected [{string.Join(",", x.s.Ids)}]")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(5)));
    }

    [Fact]
    public void Marks_word_starts_with_the_separator_and_collapses_unknown_runs()
    {
        var ids = Tokenizer.Encode("the cat");
        Assert.Equal("▁the", Tokenizer.PieceOf(ids[0]));
        Assert.All(ids, id => Assert.True(id >= SentencePieceTokenizer.ReservedCount));
        // Japanese is outside the vocabulary: one boundary piece, then a single unknown (0) for the whole run.
        Assert.Equal([30, 0], Tokenizer.Encode("東京で地震"));
        Assert.Empty(Tokenizer.Encode(""));
    }

    [Fact]
    public void Preprocess_applies_NFKC_and_replaces_spaces()
    {
        Assert.Equal("▁fi▁x", SentencePieceTokenizer.Preprocess("ﬁ x"));
        Assert.Equal("▁a▁▁b\tc", SentencePieceTokenizer.Preprocess("a  b\tc"));
        Assert.Equal("", SentencePieceTokenizer.Preprocess(""));
    }

    [Fact]
    public void Viterbi_prefers_the_most_probable_segmentation()
    {
        var tokenizer = new SentencePieceTokenizer(
        [
            ("\uFFFD", 0), ("<s>", 0), ("</s>", 0), ("x1", 0), ("x2", 0), ("x3", 0),
            ("▁ab", -1.0), ("▁a", -1.0), ("b", -1.5), ("c", -2.0), ("▁abc", -5.0),
        ]);
        // ▁ab + c = -3.0 beats ▁a + b + c = -4.5 and ▁abc = -5.0
        Assert.Equal([6, 9], tokenizer.Encode("abc"));
        // z is unknown: one id 0 per run
        Assert.Equal([6, 0], tokenizer.Encode("abzz"));
        // As in the JS original an unknown symbol scores 0, which beats any real piece ending at the same
        // place: "▁a" (-1) loses to "▁" unknown + "a" unknown, collapsed to one 0. (All expectations here
        // were checked against the JS tokenizer with this vocabulary.)
        Assert.Equal([0], tokenizer.Encode("a"));
        Assert.Equal([6, 0, 9], tokenizer.Encode("ab c"));
        Assert.Equal([0, 6], tokenizer.Encode("zz ab"));
    }
}
