using WireTrace.Core.Analysis;
using WireTrace.Core.Documents;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Evaluation.Datasets;
using WireTrace.Evaluation.Metrics;

namespace WireTrace.Evaluation.Suites;

/// <summary>
/// Clough &amp; Stevenson (evaluation-only): each answer analysed as derived from its Wikipedia source
/// (<c>PairAnalyzer.Analyze(source, answer)</c>, a context holding just that pair), the relation mapped to the four
/// gold classes by <see cref="MapRelation"/>. Reports 4-class accuracy, macro-F1, derived-vs-not accuracy and the
/// confusion matrix. Never tuned on.
/// </summary>
public sealed class CloughSuite : IEvaluationSuite
{
    /// <summary>The gold class names, in label order 0-3.</summary>
    public static IReadOnlyList<string> ClassNames { get; } = ["0 non-derived", "1 heavy revision", "2 light revision", "3 cut&paste"];

    public string Name => "clough";

    public string Description => "Clough & Stevenson derivation degree of short answers (4-class accuracy, macro-F1)";

    /// <summary>
    /// The fixed mapping: duplicate, near-duplicate, excerpt → cut&amp;paste; partial → light revision; paraphrase →
    /// heavy revision; same-event, unrelated → non-derived.
    /// </summary>
    public static DerivationDegree MapRelation(Relation relation) => relation switch
    {
        Relation.Duplicate or Relation.NearDuplicate or Relation.Excerpt => DerivationDegree.CutAndPaste,
        Relation.Partial => DerivationDegree.LightRevision,
        Relation.Paraphrase => DerivationDegree.HeavyRevision,
        Relation.SameEvent or Relation.Unrelated => DerivationDegree.NonDerived,
        _ => throw new ArgumentOutOfRangeException(nameof(relation)),
    };

    public static string ClassName(DerivationDegree degree) => ClassNames[(int)degree];

    public SuiteResult Run(EvalRequest request, CancellationToken cancellationToken = default)
    {
        var dataset = new CloughStevensonDataset(EvalDataRoot.Require(request.DataRoot, CloughStevensonDataset.FolderName, "Clough & Stevenson"));
        var answers = dataset.Read().Take(request.Limit ?? int.MaxValue).ToList();
        var text = new TextAnalyzer(EnglishStemmer.Default);
        var predicted = new DerivationDegree[answers.Count];
        var relations = new Relation[answers.Count];
        Parallel.For(0, answers.Count, new ParallelOptions { CancellationToken = cancellationToken }, k =>
        {
            var context = new AnalysisContext(text);
            var source = context.Add(new Article($"source-{k}", null, answers[k].Source, new TextSpan(0, answers[k].Source.Length)));
            var answer = context.Add(new Article($"answer-{k}", null, answers[k].Answer, new TextSpan(0, answers[k].Answer.Length)));
            relations[k] = request.ScorerOrLexical.CreateAnalyzer(context).Analyze(source, answer).Relation;
            predicted[k] = MapRelation(relations[k]);
        });
        var result = Score(answers.Select(a => a.Degree).ToList(), predicted);
        var notes = new List<string>();
        var split = EvalSplits.NoSplit(request, notes, "Clough & Stevenson is evaluation-only: all answers are evaluated and nothing is tuned on them.");
        notes.Add("Mapping: duplicate/near-duplicate/excerpt → 3, partial → 2, paraphrase → 1, same-event/unrelated → 0.");
        notes.Add("Relations predicted: " + string.Join(", ", relations.GroupBy(r => r).OrderByDescending(g => g.Count()).Select(g => $"{g.Key.ToContractName()} {g.Count()}")) + ".");
        return new SuiteResult(Name, split, result.Metrics, answers.Count, notes, result.Confusion);
    }

    /// <summary>4-class accuracy, macro-F1 and derived-vs-not accuracy (derived = classes 1-3) with the confusion matrix.</summary>
    public static (IReadOnlyList<SuiteMetric> Metrics, ConfusionMatrix Confusion) Score(IReadOnlyList<DerivationDegree> gold, IReadOnlyList<DerivationDegree> predicted)
    {
        var confusion = ConfusionMatrix.From(gold.Select(ClassName).ToList(), predicted.Select(ClassName).ToList(), ClassNames);
        var derived = Classification.Accuracy(
            gold.Select(g => g != DerivationDegree.NonDerived).ToList(),
            predicted.Select(p => p != DerivationDegree.NonDerived).ToList());
        var metrics = new MetricList()
            .Add("accuracy", confusion.Accuracy)
            .Add("macro_f1", confusion.MacroF1)
            .Add("derived_accuracy", derived);
        return (metrics.ToList(), confusion);
    }
}
