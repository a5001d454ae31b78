namespace WireTrace.Evaluation.Metrics;

/// <summary>
/// Clustering agreement between a gold and a predicted assignment of the same items to clusters (item i is in
/// cluster gold[i] and predicted[i]).
/// </summary>
public static class ClusteringMetrics
{
    /// <summary>
    /// Pairwise scores: a true positive is a pair of items in the same cluster in both; a false positive is a pair
    /// together only in the prediction; a false negative is a pair together only in gold; the rest are true negatives.
    /// </summary>
    public static BinaryScores Pairwise<TLabel>(IReadOnlyList<TLabel> gold, IReadOnlyList<TLabel> predicted) where TLabel : notnull
    {
        var t = Contingency.Of(gold, predicted);
        var allPairs = Choose2(gold.Count);
        return new BinaryScores(t.SamePairsBoth, t.SamePairsPredicted - t.SamePairsBoth, t.SamePairsGold - t.SamePairsBoth,
            allPairs - t.SamePairsGold - t.SamePairsPredicted + t.SamePairsBoth);
    }

    /// <summary>
    /// Adjusted Rand Index (Hubert &amp; Arabie 1985): (index - expected) / (max - expected) over pair counts of the
    /// contingency table. 1.0 when both assignments are identical partitions, about 0 for random ones, and 1.0 when
    /// the expected and maximum indexes coincide (both trivial, as sklearn does).
    /// </summary>
    public static double AdjustedRandIndex<TLabel>(IReadOnlyList<TLabel> gold, IReadOnlyList<TLabel> predicted) where TLabel : notnull
    {
        var t = Contingency.Of(gold, predicted);
        var total = (double)Choose2(gold.Count);
        if (total == 0) return 1.0;
        var expected = (double)t.SamePairsGold * t.SamePairsPredicted / total;
        var max = (t.SamePairsGold + t.SamePairsPredicted) / 2.0;
        if (max == expected) return 1.0;
        return (t.SamePairsBoth - expected) / (max - expected);
    }

    private static long Choose2(long n) => n * (n - 1) / 2;

    private readonly record struct Contingency(long SamePairsBoth, long SamePairsGold, long SamePairsPredicted)
    {
        public static Contingency Of<TLabel>(IReadOnlyList<TLabel> gold, IReadOnlyList<TLabel> predicted) where TLabel : notnull
        {
            Checks.SameLength(gold.Count, predicted.Count);
            var cells = new Dictionary<(TLabel, TLabel), long>();
            var rows = new Dictionary<TLabel, long>();
            var cols = new Dictionary<TLabel, long>();
            for (var i = 0; i < gold.Count; i++)
            {
                cells[(gold[i], predicted[i])] = cells.GetValueOrDefault((gold[i], predicted[i])) + 1;
                rows[gold[i]] = rows.GetValueOrDefault(gold[i]) + 1;
                cols[predicted[i]] = cols.GetValueOrDefault(predicted[i]) + 1;
            }
            return new Contingency(cells.Values.Sum(Choose2), rows.Values.Sum(Choose2), cols.Values.Sum(Choose2));
        }
    }
}
