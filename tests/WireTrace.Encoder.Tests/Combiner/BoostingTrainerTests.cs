using WireTrace.Encoder.Combiner;

namespace WireTrace.Encoder.Tests.Combiner;

/// <summary>The gradient-boosted trees against known functions (no model, no data).</summary>
public sealed class BoostingTrainerTests
{
    /// <summary>Rows of 3 features in [0, 1) (plus <paramref name="extra"/> unread columns) and 0/1 targets from <paramref name="label"/>.</summary>
    private static (double[] Features, double[] Targets) Data(int n, int extra, Func<double, double, double, bool> label, int seed)
    {
        var random = new Random(seed);
        int stride = 3 + extra;
        var features = new double[n * stride];
        var targets = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < stride; k++) features[i * stride + k] = random.NextDouble();
            targets[i] = label(features[i * stride], features[i * stride + 1], features[i * stride + 2]) ? 1 : 0;
        }
        return (features, targets);
    }

    private static double Accuracy(BoostedTrees trees, double[] features, int stride, double[] targets) =>
        Enumerable.Range(0, targets.Length).Count(i => (trees.Raw(features.AsSpan(i * stride, stride)) >= 0) == (targets[i] == 1)) / (double)targets.Length;

    [Fact]
    public void Trees_learn_an_interaction_that_no_linear_model_can()
    {
        // XOR of two thresholds: a linear logit gets about half right; depth-2 trees get nearly all.
        static bool Xor(double a, double b, double c) => (a > 0.5) != (b > 0.3);
        var (x, y) = Data(1200, extra: 0, Xor, seed: 1);
        var rows = Enumerable.Range(0, 1200).ToList();
        var trees = BoostingTrainer.Fit(x, 3, 3, y, rows, new BoostingOptions(Trees: 60, Depth: 2, Shrinkage: 0.3, MinLeafRows: 5));
        var (testX, testY) = Data(600, extra: 0, Xor, seed: 2);
        Assert.True(Accuracy(trees, testX, 3, testY) > 0.95, $"held-out accuracy {Accuracy(trees, testX, 3, testY):F3}");
        var linear = LinearTrainer.Fit(x, 3, y, rows, LinearLoss.Logistic, new Regularisation(1e-3, 1e-3, 0));
        int linearCorrect = Enumerable.Range(0, 600).Count(i => (linear.Raw(testX.AsSpan(i * 3, 3)) >= 0) == (testY[i] == 1));
        Assert.True(linearCorrect < 0.75 * 600, $"linear {linearCorrect} of 600");
        // The first split is on one of the two informative features, never on the noise feature 2.
        Assert.Contains(trees.Features[0], new[] { 0, 1 });
        Assert.DoesNotContain(2, trees.Features.Where(f => f >= 0).Take(3));
    }

    [Fact]
    public void The_bias_is_the_log_odds_and_leaf_outputs_shrink_with_the_learning_rate()
    {
        var (x, y) = Data(400, extra: 0, (a, b, c) => a > 0.7, seed: 3);
        var rows = Enumerable.Range(0, 400).ToList();
        double share = y.Average();
        var slow = BoostingTrainer.Fit(x, 3, 3, y, rows, new BoostingOptions(Trees: 1, Depth: 1, Shrinkage: 0.01, MinLeafRows: 1));
        var fast = BoostingTrainer.Fit(x, 3, 3, y, rows, new BoostingOptions(Trees: 1, Depth: 1, Shrinkage: 0.1, MinLeafRows: 1));
        Assert.Equal((float)Math.Log(share / (1 - share)), slow.Bias, 6);
        Assert.Equal(0, slow.Features[0]);
        Assert.InRange(slow.Thresholds[0], 0.6f, 0.8f);
        Assert.Equal(10 * slow.Values[1], fast.Values[1], 4);
        Assert.Equal(-1, slow.Features[1]);
        Assert.Equal(1, slow.Count);
    }

    [Fact]
    public void Only_the_first_width_features_are_read_and_fits_are_bit_identical()
    {
        // Column 3 is the answer itself but lies outside the width of 3: the trees must not use it.
        var (x, y) = Data(500, extra: 1, (a, b, c) => a + b > 1, seed: 4);
        for (int i = 0; i < 500; i++) x[i * 4 + 3] = y[i];
        var rows = Enumerable.Range(0, 500).Where(i => i % 5 != 0).ToList();
        var options = new BoostingOptions(Trees: 40, Depth: 3);
        var first = BoostingTrainer.Fit(x, 4, 3, y, rows, options);
        var second = BoostingTrainer.Fit(x, 4, 3, y, rows, options);
        Assert.All(first.Features, f => Assert.True(f < 3));
        Assert.Equal(first.Features, second.Features);
        Assert.Equal(first.Thresholds, second.Thresholds);
        Assert.Equal(first.Values, second.Values);
        Assert.Equal(first.Raw(x.AsSpan(0, 4), 10), first.Bias + Enumerable.Range(0, 10).Sum(t => first.Leaf(x.AsSpan(0, 4), t)), 12);
        Assert.True(Accuracy(first, x, 4, y) > 0.85, $"accuracy {Accuracy(first, x, 4, y):F3}");
    }

    [Fact]
    public void Trees_with_splits_below_their_depth_or_unknown_features_are_refused()
    {
        // Depth 1: 3 nodes; node 1 is a leaf level, so it cannot split.
        Assert.Throws<ArgumentException>(() => new BoostedTrees(2, 1, 0, [0, 1, -1], [0.5f, 0.5f, 0], [0, 1, 2]));
        Assert.Throws<ArgumentException>(() => new BoostedTrees(2, 1, 0, [2, -1, -1], [0.5f, 0, 0], [0, 1, 2]));
        Assert.Throws<ArgumentException>(() => new BoostedTrees(2, 1, 0, [0, -1], [0.5f, 0], [0, 1]));
        var valid = new BoostedTrees(2, 1, 0.25, [1, -1, -1], [0.5f, 0, 0], [0, -1, 2]);
        Assert.Equal(0.25 - 1, valid.Raw([9, 0.5]));
        Assert.Equal(0.25 + 2, valid.Raw([9, 0.6]));
    }
}
