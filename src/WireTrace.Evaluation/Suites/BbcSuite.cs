using WireTrace.Core.Analysis;
using WireTrace.Core.Documents;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Evaluation.Datasets;

namespace WireTrace.Evaluation.Suites;

/// <summary>
/// BBC News Summary: each extractive summary analysed as derived from its article (<c>PairAnalyzer.Analyze(article,
/// summary)</c>) in an <see cref="AnalysisContext"/> holding just that pair, as <c>wiretrace compare</c> does. Gold:
/// every pair is an excerpt; summary sentence i is aligned to the article sentences whose text equals it (WireTrace's
/// own segments, compared with <see cref="BbcSegmentationMeasure.Canonical"/>); summary sentences with no equal article
/// sentence are left out of the alignment gold and counted. Also the segmentation share of <see cref="BbcSegmentationMeasure"/>.
/// No split exists: all 2,225 pairs (or the first <c>--limit</c>).
/// </summary>
public sealed class BbcSuite : IEvaluationSuite
{
    public string Name => "bbc";

    public string Description => "BBC summaries as excerpts of their articles (relation accuracy, sentence alignment P/R)";

    public SuiteResult Run(EvalRequest request, CancellationToken cancellationToken = default)
    {
        var dataset = new BbcNewsSummaryDataset(EvalDataRoot.Require(request.DataRoot, "bbc-news-summary", "BBC News Summary"));
        var text = new TextAnalyzer(EnglishStemmer.Default);
        var pairs = dataset.Read(request.Limit).ToList();
        var outcomes = new PairOutcome[pairs.Count];
        Parallel.For(0, pairs.Count, new ParallelOptions { CancellationToken = cancellationToken }, k => outcomes[k] = Analyse(pairs[k], text, request.Scorer));

        var counts = outcomes.Aggregate(default(AlignmentCounts), (sum, o) => sum + o.Alignment);
        int excerpts = outcomes.Count(o => o.Relation == Relation.Excerpt);
        int derivations = outcomes.Count(o => o.Relation.IsDerivation());
        long ungold = outcomes.Sum(o => (long)o.SummarySentencesWithoutGold);
        long summarySentences = outcomes.Sum(o => (long)o.SummarySentences);
        var segmentation = BbcSegmentationMeasure.Run(dataset, text, request.Limit);

        var metrics = new MetricList()
            .Add("excerpt_accuracy", Ratio(excerpts, pairs.Count))
            .Add("derivation_share", Ratio(derivations, pairs.Count))
            .Add("alignment_precision", counts.Precision)
            .Add("alignment_recall", counts.Recall)
            .Add("alignment_f1", counts.F1)
            .Add("segmentation_share", segmentation.Share)
            .Add("summary_sentences_without_gold", ungold);
        var notes = new List<string>();
        var split = EvalSplits.NoSplit(request, notes, "BBC News Summary has no train/test split: every pair is evaluated (nothing is tuned on it).");
        var relations = outcomes.GroupBy(o => o.Relation).OrderByDescending(g => g.Count()).Select(g => $"{g.Key.ToContractName()} {g.Count()}");
        notes.Add("Relations predicted: " + string.Join(", ", relations) + ".");
        notes.Add($"Alignment gold: {counts.GoldSentences} of {summarySentences} summary sentences equal an article sentence; {ungold} do not and are left out.");
        notes.Add("Each pair is analysed in a context holding just the article and its summary.");
        return new SuiteResult(Name, split, metrics.ToList(), pairs.Count, notes);
    }

    private static double Ratio(double a, double b) => b == 0 ? 0 : a / b;

    /// <summary>What one pair gave.</summary>
    internal sealed record PairOutcome(Relation Relation, AlignmentCounts Alignment, int SummarySentences, int SummarySentencesWithoutGold);

    internal static PairOutcome Analyse(BbcNewsSummaryPair pair, TextAnalyzer text, SentenceScorer? scorer = null)
    {
        var context = new AnalysisContext(text);
        var article = context.Add(new Article(pair.Id, null, pair.Article, pair.Body, pair.Title));
        var summary = context.Add(new Article(pair.Id + "-summary", null, pair.Summary, new TextSpan(0, pair.Summary.Length)));
        var analysis = (scorer ?? SentenceScorer.Lexical).CreateAnalyzer(context).Analyze(article, summary);
        var gold = EqualSentenceGold(article.Model, summary.Model);
        return new PairOutcome(analysis.Relation, AlignmentCounts.Score(analysis.Alignments, gold), summary.Model.Sentences.Count,
            summary.Model.Sentences.Count - gold.Count);
    }

    /// <summary>For each derived sentence, the source sentences whose canonical text equals it (derived sentences without any are absent).</summary>
    public static Dictionary<int, IReadOnlySet<int>> EqualSentenceGold(TextModel source, TextModel derived)
    {
        var bySentence = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var s in source.Sentences)
        {
            var key = BbcSegmentationMeasure.Canonical(s.Span.Slice(source.Text));
            if (!bySentence.TryGetValue(key, out var list)) bySentence[key] = list = [];
            list.Add(s.Index);
        }
        var gold = new Dictionary<int, IReadOnlySet<int>>();
        foreach (var s in derived.Sentences)
        {
            if (bySentence.TryGetValue(BbcSegmentationMeasure.Canonical(s.Span.Slice(derived.Text)), out var list)) gold[s.Index] = list.ToHashSet();
        }
        return gold;
    }
}
