using WireTrace.Core.Analysis;
using WireTrace.Evaluation.Metrics;

namespace WireTrace.Evaluation.Suites;

/// <summary>The data split a suite runs on. Which splits are evaluation-only depends on the data set (see docs/EVALUATION.md).</summary>
public enum EvalSplit
{
    Train,
    Dev,
    Test,
}

/// <summary>What to run: where the research data lives, which split (null = the suite's default), and an optional cap on the amount of data.</summary>
/// <param name="DataRoot">The folder holding the data sets (normally ../shared/data).</param>
/// <param name="Split">The split asked for; suites without splits ignore it and say so in their notes.</param>
/// <param name="Limit">Caps the number of evaluated items (pairs, documents, topics or synthetic sources: see each suite).</param>
/// <param name="Scorer">The sentence similarity every suite analyses with (null: <see cref="SentenceScorer.Lexical"/>).</param>
public sealed record EvalRequest(string DataRoot, EvalSplit? Split = null, int? Limit = null, SentenceScorer? Scorer = null)
{
    /// <summary>The scorer to use: <see cref="Scorer"/> or the lexical one.</summary>
    public SentenceScorer ScorerOrLexical => Scorer ?? SentenceScorer.Lexical;
}

/// <summary>One named figure of a suite run.</summary>
public sealed record SuiteMetric(string Name, double Value);

/// <summary>
/// The outcome of one suite run: named metrics in display order, the number of evaluated items, notes
/// (what was measured, what was left out) and, for classification suites, the confusion matrix.
/// </summary>
public sealed record SuiteResult(string Suite, string Split, IReadOnlyList<SuiteMetric> Metrics, int N, IReadOnlyList<string> Notes, ConfusionMatrix? Confusion = null)
{
    /// <summary>The value of a metric by name.</summary>
    /// <exception cref="KeyNotFoundException">No metric of that name.</exception>
    public double this[string name] => Metrics.FirstOrDefault(m => m.Name == name)?.Value
        ?? throw new KeyNotFoundException($"suite {Suite} has no metric '{name}'");
}

/// <summary>A quality suite over one data set: deterministic, reading only from <see cref="EvalRequest.DataRoot"/>.</summary>
public interface IEvaluationSuite
{
    /// <summary>The name used on the command line (<c>mrpc</c>, <c>sts</c>, ...).</summary>
    string Name { get; }

    /// <summary>One line saying what the suite measures.</summary>
    string Description { get; }

    /// <summary>Runs the suite.</summary>
    /// <exception cref="Datasets.DatasetNotFoundException">The suite's data folder or file is missing.</exception>
    SuiteResult Run(EvalRequest request, CancellationToken cancellationToken = default);
}

/// <summary>Collects metrics in order while a suite runs.</summary>
internal sealed class MetricList
{
    private readonly List<SuiteMetric> _metrics = [];

    public MetricList Add(string name, double value)
    {
        _metrics.Add(new SuiteMetric(name, value));
        return this;
    }

    public MetricList AddScores(string prefix, BinaryScores scores) =>
        Add(prefix + "precision", scores.Precision).Add(prefix + "recall", scores.Recall).Add(prefix + "f1", scores.F1);

    public IReadOnlyList<SuiteMetric> ToList() => _metrics.ToList();
}

/// <summary>The split names used in results.</summary>
public static class EvalSplits
{
    public static string Name(EvalSplit split) => split switch
    {
        EvalSplit.Train => "train",
        EvalSplit.Dev => "dev",
        EvalSplit.Test => "test",
        _ => throw new ArgumentOutOfRangeException(nameof(split)),
    };

    /// <summary>Parses train, dev (or val/validation) and test.</summary>
    public static bool TryParse(string? text, out EvalSplit split)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "train": split = EvalSplit.Train; return true;
            case "dev" or "val" or "validation": split = EvalSplit.Dev; return true;
            case "test": split = EvalSplit.Test; return true;
            default: split = default; return false;
        }
    }

    /// <summary>Result split name of a suite whose data has no split: "all", with a note if a split was asked for.</summary>
    internal static string NoSplit(EvalRequest request, List<string> notes, string why)
    {
        notes.Add(why);
        if (request.Split is { } asked) notes.Add($"--split {Name(asked)} ignored: this data set has no splits.");
        return "all";
    }
}
