namespace WireTrace.Evaluation.Metrics;

/// <summary>
/// Counts of a binary decision against gold, with the usual scores for the positive class. A score whose
/// denominator is zero is 0 (sklearn's zero_division=0).
/// </summary>
public sealed record BinaryScores(long TruePositives, long FalsePositives, long FalseNegatives, long TrueNegatives)
{
    public long Total => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    public double Accuracy => Ratio(TruePositives + TrueNegatives, Total);

    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double F1 => Ratio(2 * TruePositives, 2 * TruePositives + FalsePositives + FalseNegatives);

    /// <summary>Counts predictions against gold (same length, positive = true).</summary>
    public static BinaryScores From(IReadOnlyList<bool> gold, IReadOnlyList<bool> predicted)
    {
        Checks.SameLength(gold.Count, predicted.Count);
        long tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            switch (gold[i], predicted[i])
            {
                case (true, true): tp++; break;
                case (false, true): fp++; break;
                case (true, false): fn++; break;
                default: tn++; break;
            }
        }
        return new BinaryScores(tp, fp, fn, tn);
    }

    internal static double Ratio(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;

    public override string ToString() =>
        FormattableString.Invariant($"P={Precision:0.0000} R={Recall:0.0000} F1={F1:0.0000} Acc={Accuracy:0.0000} (TP={TruePositives} FP={FalsePositives} FN={FalseNegatives} TN={TrueNegatives})");
}

/// <summary>Plain classification scores.</summary>
public static class Classification
{
    /// <summary>Share of positions where predicted equals gold (0 for empty input).</summary>
    public static double Accuracy<T>(IReadOnlyList<T> gold, IReadOnlyList<T> predicted)
    {
        Checks.SameLength(gold.Count, predicted.Count);
        var comparer = EqualityComparer<T>.Default;
        var correct = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            if (comparer.Equals(gold[i], predicted[i])) correct++;
        }
        return BinaryScores.Ratio(correct, gold.Count);
    }
}

internal static class Checks
{
    public static void SameLength(int a, int b)
    {
        if (a != b) throw new ArgumentException($"gold and predicted lengths differ ({a} vs {b})");
    }
}
