using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Encoder.Combiner;

namespace WireTrace.Encoder.Tests.Combiner;

/// <summary>The machine-translation-metric features against hand-computed values (no model, no data).</summary>
public sealed class OverlapMeasuresTests
{
    private static readonly TextAnalyzer Text = new(EnglishStemmer.Default);

    private static WordSequence Sequence(string sentence) => WordSequence.Of(Text.Analyze(sentence), 0);

    [Fact]
    public void Clipped_precision_counts_a_repeated_n_gram_at_most_as_often_as_the_reference_has_it()
    {
        // BLEU's example: "the the the the" against "the cat": 1 of 4 unigrams counts.
        var candidate = WordSequence.Counts(["the", "the", "the", "the"], 1);
        var reference = WordSequence.Counts(["the", "cat"], 1);
        Assert.Equal(0.25, OverlapMeasures.ClippedPrecision(candidate, reference), 12);
        Assert.Equal(0.5, OverlapMeasures.ClippedPrecision(reference, candidate), 12);
        var bigrams = WordSequence.Counts(["a", "b", "c", "a", "b"], 2);
        Assert.Equal(3, bigrams.Count);
        Assert.Equal(2, bigrams["a\u0001b"]);
        Assert.Equal(0, OverlapMeasures.ClippedPrecision([], reference));
        Assert.Equal((0.25, 0.5), OverlapMeasures.ClippedPrecisions(candidate, reference));
        Assert.Equal((0.5, 0.25), OverlapMeasures.ClippedPrecisions(reference, candidate));
    }

    [Fact]
    public void Word_edit_distance_counts_insertions_deletions_and_substitutions()
    {
        Assert.Equal(0, OverlapMeasures.EditDistance(["a", "b"], ["a", "b"]));
        Assert.Equal(1, OverlapMeasures.EditDistance(["a", "b", "c"], ["a", "x", "c"]));
        Assert.Equal(2, OverlapMeasures.EditDistance(["a", "b", "c"], ["b", "c", "d"]));
        Assert.Equal(3, OverlapMeasures.EditDistance([], ["a", "b", "c"]));
        Assert.Equal(4, OverlapMeasures.EditDistance(["kitten", "sat", "on", "mat"], ["sitting", "on", "a", "mat", "now"]));
    }

    [Fact]
    public void ChrF_is_one_for_identical_text_and_weights_recall_over_precision()
    {
        var a = Sequence("Profits rose sharply.");
        Assert.Equal(1, OverlapMeasures.ChrF(a.CharGrams, a.CharGrams), 12);
        // A hypothesis that is a prefix of the reference has precision 1 and lower recall; chrF2 then sits nearer the recall.
        var shortSide = Sequence("Profits rose.");
        var longSide = Sequence("Profits rose sharply in the third quarter.");
        double chrf = OverlapMeasures.ChrF(shortSide.CharGrams, longSide.CharGrams);
        double reverse = OverlapMeasures.ChrF(longSide.CharGrams, shortSide.CharGrams);
        Assert.InRange(chrf, 0.05, 0.9);
        Assert.True(reverse > chrf, $"{reverse} vs {chrf}");
        Assert.Equal((chrf, reverse), OverlapMeasures.ChrFBothWays(shortSide.CharGrams, longSide.CharGrams));
    }

    [Fact]
    public void The_features_of_a_pair_are_symmetric_and_see_numbers_names_and_unmatched_content_words()
    {
        var a = Sequence("Shares in Acme rose 5 percent on Monday in New York.");
        var b = Sequence("On Monday Acme stock climbed in London.");
        var ab = new double[PairFeatures.ScalarCount];
        var ba = new double[PairFeatures.ScalarCount];
        int start = PairFeatures.ScalarCount - 25;
        int end = OverlapMeasures.Write(a, b, [5], [], ab, start);
        OverlapMeasures.Write(b, a, [], [5], ba, start);
        Assert.Equal(PairFeatures.ScalarCount, end);
        Assert.Equal(ab, ba);
        double Feature(string name) => ab[PairFeatures.ScalarNames.ToList().IndexOf(name)];
        Assert.Equal(1, Feature("numbers_one_side"));
        Assert.Equal(Math.Log(2), Feature("numbers_unmatched_log"), 12);
        // Capitalised words after the first token: {acme, monday, new, york} vs {monday, acme, london} ("On" opens b).
        Assert.Equal(3, Feature("capitalised_unmatched"));
        Assert.Equal(["acme", "monday", "new", "york"], a.Capitalised.Order(StringComparer.Ordinal));
        // Content stems (no stopwords): 6 of a's are not in b, 3 of b's are not in a.
        Assert.Equal(["5", "acm", "monday", "new", "percent", "rose", "share", "york"], a.ContentStems.Order(StringComparer.Ordinal));
        Assert.Equal(["acm", "climb", "london", "monday", "stock"], b.ContentStems.Order(StringComparer.Ordinal));
        Assert.Equal(3, Feature("unmatched_content_min"));
        Assert.Equal(6, Feature("unmatched_content_max"));
        Assert.Equal(Math.Abs(a.Stems.Count - b.Stems.Count), Feature("length_difference_words"));
        Assert.InRange(Feature("stem1_precision_min"), 0.01, Feature("stem1_precision_max"));
        Assert.Equal(0, Feature("stem4_f1"));
    }
}
