using System.Globalization;
using System.Text;

namespace WireTrace.Evaluation.Metrics;

/// <summary>
/// Confusion matrix over string labels (rows = gold, columns = predicted). <see cref="Labels"/> is the union of
/// gold and predicted labels in ordinal order (or the order given). Per-label and macro scores follow sklearn:
/// macro-F1 is the unweighted mean of per-label F1 over <see cref="Labels"/>, a zero denominator giving 0.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[,] _counts;
    private readonly Dictionary<string, int> _index;

    private ConfusionMatrix(IReadOnlyList<string> labels, long[,] counts)
    {
        Labels = labels;
        _counts = counts;
        _index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>Builds the matrix; <paramref name="labels"/> fixes the label order (it must include every label seen).</summary>
    public static ConfusionMatrix From(IReadOnlyList<string> gold, IReadOnlyList<string> predicted, IReadOnlyList<string>? labels = null)
    {
        Checks.SameLength(gold.Count, predicted.Count);
        var order = labels ?? gold.Concat(predicted).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = order.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var counts = new long[order.Count, order.Count];
        for (var i = 0; i < gold.Count; i++)
        {
            if (!index.TryGetValue(gold[i], out var g) || !index.TryGetValue(predicted[i], out var p))
            {
                throw new ArgumentException($"label '{(index.ContainsKey(gold[i]) ? predicted[i] : gold[i])}' is not in the given label list");
            }
            counts[g, p]++;
        }
        return new ConfusionMatrix(order, counts);
    }

    /// <summary>How many items with gold label <paramref name="gold"/> were predicted <paramref name="predicted"/>.</summary>
    public long Count(string gold, string predicted) =>
        _index.TryGetValue(gold, out var g) && _index.TryGetValue(predicted, out var p) ? _counts[g, p] : 0;

    public long Total
    {
        get
        {
            long total = 0;
            foreach (var c in _counts) total += c;
            return total;
        }
    }

    public double Accuracy
    {
        get
        {
            long diagonal = 0;
            for (var i = 0; i < Labels.Count; i++) diagonal += _counts[i, i];
            return BinaryScores.Ratio(diagonal, Total);
        }
    }

    /// <summary>One-vs-rest counts for a label.</summary>
    public BinaryScores ScoresFor(string label)
    {
        if (!_index.TryGetValue(label, out var k)) return new BinaryScores(0, 0, 0, Total);
        long tp = _counts[k, k], goldK = 0, predK = 0;
        for (var i = 0; i < Labels.Count; i++)
        {
            goldK += _counts[k, i];
            predK += _counts[i, k];
        }
        return new BinaryScores(tp, predK - tp, goldK - tp, Total - goldK - predK + tp);
    }

    public double MacroF1 => Labels.Count == 0 ? 0 : Labels.Average(l => ScoresFor(l).F1);

    public double MacroPrecision => Labels.Count == 0 ? 0 : Labels.Average(l => ScoresFor(l).Precision);

    public double MacroRecall => Labels.Count == 0 ? 0 : Labels.Average(l => ScoresFor(l).Recall);

    /// <summary>Renders the matrix as an aligned text table (rows gold, columns predicted) followed by per-label P/R/F1.</summary>
    public string ToText()
    {
        var header = "gold \\ predicted";
        var first = Math.Max(header.Length, Labels.DefaultIfEmpty("").Max(l => l.Length));
        var widths = Labels.Select((l, j) => Math.Max(l.Length, Enumerable.Range(0, Labels.Count).Select(i => _counts[i, j].ToString(CultureInfo.InvariantCulture).Length).DefaultIfEmpty(1).Max())).ToList();
        var sb = new StringBuilder();
        sb.Append(header.PadRight(first));
        for (var j = 0; j < Labels.Count; j++) sb.Append("  ").Append(Labels[j].PadLeft(widths[j]));
        sb.Append('\n');
        for (var i = 0; i < Labels.Count; i++)
        {
            sb.Append(Labels[i].PadRight(first));
            for (var j = 0; j < Labels.Count; j++) sb.Append("  ").Append(_counts[i, j].ToString(CultureInfo.InvariantCulture).PadLeft(widths[j]));
            sb.Append('\n');
        }
        foreach (var label in Labels)
        {
            var s = ScoresFor(label);
            sb.Append(CultureInfo.InvariantCulture, $"{label.PadRight(first)}  P={s.Precision:0.0000} R={s.Recall:0.0000} F1={s.F1:0.0000}\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"accuracy={Accuracy:0.0000} macro-F1={MacroF1:0.0000} n={Total}\n");
        return sb.ToString();
    }

    public override string ToString() => ToText();
}
