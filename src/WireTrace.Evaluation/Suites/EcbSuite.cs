using WireTrace.Core.Analysis;
using WireTrace.Core.Stories;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Evaluation.Datasets;
using WireTrace.Evaluation.Metrics;

namespace WireTrace.Evaluation.Suites;

/// <summary>
/// ECB+: independent reports of the same events. Per topic, <see cref="StoryBuilder.Build"/> runs over all the topic's
/// documents (both events together, one <see cref="AnalysisContext"/> per topic). Independent reports must never be a
/// derivation: derivation edges in the stories are false positives. Same-event grouping: gold cluster = subtopic,
/// predicted cluster = story id (documents in no story are singletons); pairwise P/R/F1 pool the pair counts of the
/// topics (pairs never cross topics); <c>ari</c> is the ARI of the pooled labelling with topic-prefixed labels (so
/// cross-topic pairs count as agreed negatives) and <c>ari_topic_mean</c> the mean of the per-topic ARIs.
/// Splits: train = topics 1-25, dev = 26-35, test = 36-45 (evaluation-only, the default). <c>--limit</c> caps the topics.
/// </summary>
public sealed class EcbSuite : IEvaluationSuite
{
    public string Name => "ecb";

    public string Description => "ECB+ independent reports: no false derivations, same-event grouping (pairwise F1, ARI)";

    /// <summary>The topics of a split.</summary>
    public static (int First, int Last) Topics(EvalSplit split) => split switch
    {
        EvalSplit.Train => (1, 25),
        EvalSplit.Dev => (26, 35),
        _ => (EcbPlusDocument.FirstEvalOnlyTopic, 45),
    };

    public SuiteResult Run(EvalRequest request, CancellationToken cancellationToken = default)
    {
        var dataset = new EcbPlusDataset(EvalDataRoot.Require(request.DataRoot, EcbPlusDataset.FolderName, "ECB+"));
        var split = request.Split ?? EvalSplit.Test;
        var (first, last) = Topics(split);
        var topics = dataset.Read().Where(d => d.Topic >= first && d.Topic <= last)
            .GroupBy(d => d.Topic).OrderBy(g => g.Key).Take(request.Limit ?? int.MaxValue).ToList();
        var text = new TextAnalyzer(EnglishStemmer.Default);

        var outcomes = new TopicOutcome[topics.Count];
        for (int t = 0; t < topics.Count; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            outcomes[t] = RunTopic(topics[t].Key, topics[t].ToList(), text, request.Scorer);
        }

        long tp = outcomes.Sum(o => o.Pairwise.TruePositives), fp = outcomes.Sum(o => o.Pairwise.FalsePositives);
        long fn = outcomes.Sum(o => o.Pairwise.FalseNegatives), tn = outcomes.Sum(o => o.Pairwise.TrueNegatives);
        var pooled = new BinaryScores(tp, fp, fn, tn);
        var goldLabels = outcomes.SelectMany(o => o.Gold).ToList();
        var predictedLabels = outcomes.SelectMany(o => o.Predicted).ToList();
        int documents = goldLabels.Count;
        long candidatePairs = outcomes.Sum(o => (long)o.CandidatePairs);
        long derivations = outcomes.Sum(o => (long)o.DerivationEdges);

        var metrics = new MetricList()
            .Add("derivation_pair_share", candidatePairs == 0 ? 0 : (double)derivations / candidatePairs)
            .Add("derived_document_share", documents == 0 ? 0 : (double)derivations / documents)
            .Add("derivation_edges", derivations)
            .AddScores("pairwise_", pooled)
            .Add("ari", ClusteringMetrics.AdjustedRandIndex(goldLabels, predictedLabels))
            .Add("ari_topic_mean", outcomes.Length == 0 ? 0 : outcomes.Average(o => o.Ari));
        var notes = new List<string>
        {
            $"Topics {first}-{last}{(request.Limit is { } l ? $" (first {Math.Min(l, topics.Count)})" : "")}: {documents} documents, {candidatePairs} candidate pairs analysed both ways.",
            "derivation_pair_share: derivation edges in the stories / candidate pairs; every one is a false positive (the reports are independent).",
        };
        if (split == EvalSplit.Test) notes.Add("Topics 36-45 are evaluation-only: nothing is tuned on them.");
        return new SuiteResult(Name, EvalSplits.Name(split), metrics.ToList(), documents, notes);
    }

    /// <summary>One topic's outcome: labels (topic-prefixed), pairwise counts, ARI, candidate pairs and derivation edges.</summary>
    internal sealed record TopicOutcome(IReadOnlyList<string> Gold, IReadOnlyList<string> Predicted, BinaryScores Pairwise, double Ari, int CandidatePairs, int DerivationEdges);

    internal static TopicOutcome RunTopic(int topic, IReadOnlyList<EcbPlusDocument> docs, TextAnalyzer text, SentenceScorer? scorer = null)
    {
        var context = new AnalysisContext(text);
        var analysed = docs.Select(d => context.Add(IngestArticles.FromText(d.DocId, d.Text))).ToList();
        var stories = new StoryBuilder((scorer ?? SentenceScorer.Lexical).CreateAnalyzer(context)).Build(analysed);
        var predictedById = PredictedClusters(stories, includeSameEvent: true);
        var gold = docs.Select(d => $"{topic}:{d.Subtopic}").ToList();
        var predicted = docs.Select(d => $"{topic}:{predictedById.GetValueOrDefault(d.DocId, "single:" + d.DocId)}").ToList();
        int edges = stories.Stories.Sum(s => s.Derivations.Count(d => d.Analysis.Relation.IsDerivation()));
        return new TopicOutcome(gold, predicted, ClusteringMetrics.Pairwise(gold, predicted), ClusteringMetrics.AdjustedRandIndex(gold, predicted),
            stories.CandidatePairs, edges);
    }

    /// <summary>
    /// Cluster id per document in a story. With <paramref name="includeSameEvent"/> true, the story id. With it false,
    /// the derivation family: a member is followed up its parents while the edge is a derivation; a member attached
    /// as same-event starts a family of its own (with the copies derived from it), so a lone same-event member is a
    /// singleton.
    /// </summary>
    public static Dictionary<string, string> PredictedClusters(StoryResult stories, bool includeSameEvent)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var story in stories.Stories)
        {
            result[story.Source] = story.Id;
            var byDerived = story.Derivations.ToDictionary(d => d.Derived, StringComparer.Ordinal);
            foreach (var d in story.Derivations)
            {
                if (includeSameEvent)
                {
                    result[d.Derived] = story.Id;
                    continue;
                }
                var node = d;
                while (node.Analysis.Relation.IsDerivation() && byDerived.TryGetValue(node.From, out var up)) node = up;
                string family = node.Analysis.Relation.IsDerivation() ? story.Id : $"{story.Id}/{node.Derived}";
                result[d.Derived] = family;
            }
        }
        return result;
    }
}
