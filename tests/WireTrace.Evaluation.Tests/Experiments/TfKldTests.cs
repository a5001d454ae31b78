using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Evaluation.Experiments;

namespace WireTrace.Evaluation.Tests.Experiments;

/// <summary>TF-KLD's features, weights and latent space on tiny hand-made sets with known answers (no model, no data).</summary>
public sealed class TfKldTests
{
    private static TermPair Pair(string first, string second, bool paraphrase) =>
        new(first.Split(' ', StringSplitOptions.RemoveEmptyEntries), second.Split(' ', StringSplitOptions.RemoveEmptyEntries), paraphrase);

    /// <summary>
    /// x: shared by both paraphrases (4 hits, 0 misses), on one side of both non-paraphrases (0 hits, 2 misses);
    /// y: on one side of a paraphrase (1 miss), shared by a non-paraphrase (2 hits); z and w: in one pair only.
    /// </summary>
    private static readonly TermPair[] Pairs =
    [
        Pair("x y", "x z", paraphrase: true),
        Pair("x", "x", paraphrase: true),
        Pair("x", "w", paraphrase: false),
        Pair("x y", "y", paraphrase: false),
    ];

    [Fact]
    public void The_weight_is_the_divergence_of_the_smoothed_sharing_rates_of_the_two_classes()
    {
        var weights = KldWeights.Fit(Pairs, smoothing: 1, minPairs: 2);
        Assert.Equal(["x", "y"], weights.Keys);
        // x: p = (4 + 1) / (4 + 0 + 2) = 5/6, q = (0 + 1) / (0 + 2 + 2) = 1/4.
        Assert.Equal(5.0 / 6 * Math.Log(5.0 / 6 / 0.25) + 1.0 / 6 * Math.Log(1.0 / 6 / 0.75), weights["x"], 12);
        Assert.Equal(0.752631, weights["x"], 5);
        // y: p = (0 + 1) / (0 + 1 + 2) = 1/3, q = (2 + 1) / (2 + 0 + 2) = 3/4.
        Assert.Equal(0.383576, weights["y"], 5);
    }

    [Fact]
    public void A_feature_seen_in_fewer_pairs_than_asked_gets_no_weight_and_one_shared_alike_in_both_classes_gets_zero()
    {
        Assert.Equal(["w", "x", "y", "z"], KldWeights.Fit(Pairs, smoothing: 1, minPairs: 1).Keys);
        var even = KldWeights.Fit([Pair("a b", "a", true), Pair("a", "a c", false), Pair("a d", "e", true), Pair("a", "f", false)], smoothing: 1, minPairs: 1);
        Assert.Equal(0, even["a"], 12);
        Assert.True(even["b"] > 0);
    }

    [Fact]
    public void Smoothing_towards_the_pooled_rate_weighs_a_rare_feature_less_than_smoothing_towards_a_half()
    {
        var half = KldWeights.Fit(Pairs, smoothing: 1, minPairs: 1);
        var pooled = KldWeights.Fit(Pairs, smoothing: 1, minPairs: 1, pooledPrior: true);
        Assert.True(pooled["z"] < half["z"]);
        Assert.True(pooled["x"] > 0);
    }

    [Fact]
    public void The_divergence_is_zero_for_equal_rates_and_refuses_rates_of_0_or_1()
    {
        Assert.Equal(0, KldWeights.Divergence(0.3, 0.3), 15);
        Assert.Throws<ArgumentOutOfRangeException>(() => KldWeights.Divergence(1, 0.5));
    }

    [Fact]
    public void Sentence_terms_are_the_unigrams_and_bigrams_of_the_content_tokens_with_their_counts()
    {
        var model = new TextAnalyzer(EnglishStemmer.Default).Analyze("The talks, the talks resumed.");
        var stems = SentenceTerms.Of(model, 0, TermForm.Stem);
        Assert.Equal(2, stems["talk"]);
        Assert.Equal(2, stems["the\u0001talk"]);
        Assert.Equal(1, stems["talk\u0001the"]);
        Assert.Equal(1, stems["talk\u0001resum"]);
        Assert.DoesNotContain(",", stems.Keys);
        Assert.Equal(2, SentenceTerms.Of(model, 0, TermForm.Norm)["talks"]);
    }

    [Fact]
    public void A_training_sentence_folds_in_to_its_own_fitted_latent_vector_and_unknown_features_to_zero()
    {
        var labelled = new List<(Dictionary<string, int>, Dictionary<string, int>, bool)>
        {
            (Counts("a b c"), Counts("a b d"), true),
            (Counts("a e"), Counts("f e"), false),
            (Counts("b c d"), Counts("b c"), true),
            (Counts("a f"), Counts("c f g"), false),
            (Counts("e g"), Counts("e g a"), true),
            (Counts("d b"), Counts("d a"), false),
        };
        var space = TfKldSpace.Fit(labelled, [], new TfKldOptions(Rank: 2, MinPairs: 1));
        var fitted = space.Svd.FittedRows!;
        // Row r of the SVD is the r-th sentence with a weighted feature, in the order given.
        var sentences = labelled.SelectMany(p => new[] { p.Item1, p.Item2 }).ToList();
        int row = 0;
        foreach (var sentence in sentences)
        {
            var latent = space.Latent(sentence);
            if (latent.All(v => v == 0)) continue;
            Assert.Equal(fitted[row * 2], latent[0], 9);
            Assert.Equal(fitted[row * 2 + 1], latent[1], 9);
            row++;
        }
        Assert.True(row >= 10);
        Assert.All(space.Latent(Counts("unknown words")), v => Assert.Equal(0, v));
    }

    [Fact]
    public void Pair_features_are_the_sum_the_absolute_difference_and_the_cosine()
    {
        var features = new double[5];
        TfKldSpace.PairFeaturesOf([1, 2], [3, -2], features);
        Assert.Equal([4, 0, 2, 4, (3 - 4) / (Math.Sqrt(5) * Math.Sqrt(13))], features);
    }

    private static Dictionary<string, int> Counts(string words) => SentenceTerms.Of(words.Split(' '));
}
