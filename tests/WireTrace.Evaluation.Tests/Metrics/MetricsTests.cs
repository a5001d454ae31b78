using WireTrace.Evaluation.Metrics;

namespace WireTrace.Evaluation.Tests.Metrics;

public sealed class MetricsTests
{
    [Fact]
    public void BinaryScoresCountsAndScores()
    {
        bool[] gold = [true, true, true, false, false, false, true];
        bool[] pred = [true, false, true, true, false, false, false];
        var s = BinaryScores.From(gold, pred);
        Assert.Equal((2L, 1L, 2L, 2L), (s.TruePositives, s.FalsePositives, s.FalseNegatives, s.TrueNegatives));
        Assert.Equal(4.0 / 7, s.Accuracy, 12);
        Assert.Equal(2.0 / 3, s.Precision, 12);
        Assert.Equal(0.5, s.Recall, 12);
        Assert.Equal(4.0 / 7, s.F1, 12); // 2PR/(P+R) = (2/3)/(7/6)
    }

    [Fact]
    public void ZeroDenominatorsGiveZero()
    {
        var s = BinaryScores.From([false, false], [false, false]);
        Assert.Equal(0, s.Precision);
        Assert.Equal(0, s.Recall);
        Assert.Equal(0, s.F1);
        Assert.Equal(1, s.Accuracy);
    }

    [Fact]
    public void AccuracyOverAnyLabels()
    {
        Assert.Equal(0.75, Classification.Accuracy(["a", "b", "c", "a"], ["a", "b", "a", "a"]));
        Assert.Throws<ArgumentException>(() => Classification.Accuracy([1, 2], [1]));
    }

    [Fact]
    public void ConfusionMatrixMacroF1MatchesHandComputation()
    {
        string[] gold = ["a", "a", "b", "c"];
        string[] pred = ["a", "b", "b", "c"];
        var m = ConfusionMatrix.From(gold, pred);
        Assert.Equal(["a", "b", "c"], m.Labels);
        Assert.Equal(1, m.Count("a", "b"));
        Assert.Equal(0, m.Count("b", "a"));
        Assert.Equal(0.75, m.Accuracy, 12);
        Assert.Equal(2.0 / 3, m.ScoresFor("a").F1, 12);
        Assert.Equal(2.0 / 3, m.ScoresFor("b").F1, 12);
        Assert.Equal((2.0 / 3 + 2.0 / 3 + 1) / 3, m.MacroF1, 12);
        var text = m.ToText();
        Assert.Contains("gold \\ predicted", text);
        var rowA = text.Split('\n')[1];
        Assert.Equal(["a", "1", "1", "0"], rowA.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("macro-F1=0.7778", text);
    }

    [Fact]
    public void ConfusionMatrixMacroF1IncludesLabelsOnlyPredicted()
    {
        // sklearn f1_score(['x','x'], ['x','y'], average='macro') = (2/3 + 0) / 2
        var m = ConfusionMatrix.From(["x", "x"], ["x", "y"]);
        Assert.Equal(1.0 / 3, m.MacroF1, 12);
    }

    [Fact]
    public void PearsonHandComputed()
    {
        Assert.Equal(6 / Math.Sqrt(60), Correlation.Pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), 12);
        Assert.Equal(-1, Correlation.Pearson([1, 2, 3], [3, 2, 1]), 12);
        Assert.True(double.IsNaN(Correlation.Pearson([1, 1, 1], [1, 2, 3])));
    }

    [Fact]
    public void SpearmanUsesAverageRanksForTies()
    {
        Assert.Equal([1, 2.5, 2.5, 4], Correlation.AverageRanks([1, 2, 2, 3]));
        Assert.Equal([3, 1.5, 1.5], Correlation.AverageRanks([9, 4, 4]));
        // scipy.stats.spearmanr([1,2,2,3],[1,3,2,4]).correlation = 0.9486832980505138
        Assert.Equal(0.9486832980505138, Correlation.Spearman([1, 2, 2, 3], [1, 3, 2, 4]), 12);
        Assert.Equal(1, Correlation.Spearman([1, 10, 100, 1000], [2, 3, 4, 5]), 12);
    }

    [Theory]
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 0, 0, 1, 1 }, 1.0)]
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 1, 1, 0, 0 }, 1.0)]
    [InlineData(new[] { 0, 0, 1, 2 }, new[] { 0, 0, 1, 1 }, 0.5714285714285714)]
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 0, 0, 1, 2 }, 0.5714285714285714)]
    [InlineData(new[] { 0, 0, 0, 0 }, new[] { 0, 1, 2, 3 }, 0.0)]
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 0, 1, 0, 1 }, -0.5)]
    public void AdjustedRandIndexMatchesSklearn(int[] gold, int[] predicted, double expected)
    {
        Assert.Equal(expected, ClusteringMetrics.AdjustedRandIndex(gold, predicted), 12);
    }

    [Fact]
    public void PairwiseClusteringScores()
    {
        // gold pairs {01, 23}; predicted pairs {01, 02, 12}; shared {01}; 6 pairs in all
        var s = ClusteringMetrics.Pairwise(["g", "g", "h", "h"], ["p", "p", "p", "q"]);
        Assert.Equal((1L, 2L, 1L, 2L), (s.TruePositives, s.FalsePositives, s.FalseNegatives, s.TrueNegatives));
        Assert.Equal(1.0 / 3, s.Precision, 12);
        Assert.Equal(0.5, s.Recall, 12);
        Assert.Equal(0.4, s.F1, 12);
    }

    private static readonly ScoredExample[] Examples =
    [
        new(0.1, false), new(0.4, false), new(0.35, true), new(0.8, true),
    ];

    [Fact]
    public void ThresholdMaximisingAccuracy()
    {
        var choice = ThresholdSelection.Best(Examples, ThresholdObjective.Accuracy);
        Assert.Equal(0.225, choice.Threshold, 12);
        Assert.Equal(0.75, choice.Value, 12);
        Assert.Equal(choice.Scores, ThresholdSelection.Apply(Examples, choice.Threshold));
    }

    [Fact]
    public void ThresholdMaximisingF1()
    {
        var choice = ThresholdSelection.Best(Examples, ThresholdObjective.F1);
        Assert.Equal(0.225, choice.Threshold, 12);
        Assert.Equal(0.8, choice.Value, 12);
    }

    [Fact]
    public void ThresholdCanPredictAllNegative()
    {
        var choice = ThresholdSelection.Best([new(0.9, false), new(0.2, false), new(0.5, true)], ThresholdObjective.Accuracy);
        // cuts: all positive 1/3, >=0.35 2/3, >=0.7 1/3, all negative 2/3; ties go to the lowest threshold
        Assert.Equal(2.0 / 3, choice.Value, 12);
        Assert.Equal(0.35, choice.Threshold, 12);
        var none = ThresholdSelection.Best([new(0.9, false), new(0.2, false)]);
        Assert.Equal(1, none.Value);
        Assert.True(none.Threshold > 0.9);
    }
}
