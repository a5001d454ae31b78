namespace WireTrace.Evaluation.Metrics;

/// <summary>What a threshold is tuned to maximise.</summary>
public enum ThresholdObjective { Accuracy, F1 }

/// <summary>One gold-labelled example with the system's score (higher = more likely positive).</summary>
public readonly record struct ScoredExample(double Score, bool Positive);

/// <summary>The chosen threshold (predict positive when score &gt;= Threshold), the objective's value and the counts.</summary>
public sealed record ThresholdChoice(double Threshold, double Value, BinaryScores Scores);

/// <summary>Picks a decision threshold on train/dev data.</summary>
public static class ThresholdSelection
{
    /// <summary>
    /// Tries every cut between consecutive distinct scores (at their midpoint), below the lowest (all positive) and
    /// above the highest (all negative), and returns the one maximising <paramref name="objective"/>; ties go to the
    /// lowest threshold. Runs in O(n log n).
    /// </summary>
    public static ThresholdChoice Best(IReadOnlyList<ScoredExample> examples, ThresholdObjective objective = ThresholdObjective.Accuracy)
    {
        if (examples.Count == 0) throw new ArgumentException("no examples to choose a threshold from", nameof(examples));
        if (examples.Any(e => double.IsNaN(e.Score))) throw new ArgumentException("a score is NaN", nameof(examples));
        var sorted = examples.OrderBy(e => e.Score).ToArray();
        long positives = sorted.Count(e => e.Positive);
        long negatives = sorted.Length - positives;

        // Cut before index 0: everything predicted positive.
        long tp = positives, fp = negatives;
        var bestThreshold = sorted[0].Score - 1;
        var best = new BinaryScores(tp, fp, 0, 0);
        var bestValue = Value(best, objective);
        var i = 0;
        while (i < sorted.Length)
        {
            var score = sorted[i].Score;
            while (i < sorted.Length && sorted[i].Score == score)
            {
                if (sorted[i].Positive) tp--; else fp--;
                i++;
            }
            var threshold = i < sorted.Length ? score + (sorted[i].Score - score) / 2 : score + 1;
            var scores = new BinaryScores(tp, fp, positives - tp, negatives - fp);
            var value = Value(scores, objective);
            if (value > bestValue)
            {
                bestValue = value;
                best = scores;
                bestThreshold = threshold;
            }
        }
        return new ThresholdChoice(bestThreshold, bestValue, best);
    }

    /// <summary>Counts of predicting positive when score &gt;= <paramref name="threshold"/>.</summary>
    public static BinaryScores Apply(IReadOnlyList<ScoredExample> examples, double threshold) =>
        BinaryScores.From(examples.Select(e => e.Positive).ToList(), examples.Select(e => e.Score >= threshold).ToList());

    private static double Value(BinaryScores s, ThresholdObjective objective) => objective == ThresholdObjective.F1 ? s.F1 : s.Accuracy;
}
