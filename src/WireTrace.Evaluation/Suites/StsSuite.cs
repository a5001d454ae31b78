using WireTrace.Evaluation.Datasets;
using WireTrace.Evaluation.Metrics;

namespace WireTrace.Evaluation.Suites;

/// <summary>
/// STS Benchmark: Pearson and Spearman correlation between the sentence similarity (<see cref="SentencePairScorer"/>,
/// background = the train split's sentences; its graded head when it has one, see
/// <see cref="SentencePairScorer.GradedScore"/>) and the gold 0-5 scores. Splits train, dev, test (evaluation-only, the
/// default). <c>--limit</c> caps the evaluated pairs.
/// </summary>
public sealed class StsSuite : IEvaluationSuite
{
    public string Name => "sts";

    public string Description => "STS Benchmark graded similarity (Pearson, Spearman)";

    public SuiteResult Run(EvalRequest request, CancellationToken cancellationToken = default)
    {
        var dataset = new StsBenchmarkDataset(EvalDataRoot.Require(request.DataRoot, StsBenchmarkDataset.FolderName, "STS Benchmark"));
        var split = request.Split ?? EvalSplit.Test;
        var train = dataset.Read(StsSplit.Train).ToList();
        var evaluated = split switch
        {
            EvalSplit.Train => train,
            EvalSplit.Dev => dataset.Read(StsSplit.Dev).ToList(),
            _ => dataset.Read(StsSplit.Test).ToList(),
        };
        if (request.Limit is { } limit) evaluated = evaluated.Take(limit).ToList();

        var scorer = new SentencePairScorer(train.SelectMany(p => new[] { p.S1, p.S2 }), request.ScorerOrLexical);
        var system = new List<double>(evaluated.Count);
        var gold = new List<double>(evaluated.Count);
        var news = new List<(double System, double Gold)>();
        foreach (var pair in evaluated)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var score = scorer.GradedScore(pair.S1, pair.S2);
            system.Add(score);
            gold.Add(pair.Score);
            if (pair.Genre.StartsWith("main-news", StringComparison.Ordinal)) news.Add((score, pair.Score));
        }
        var metrics = new MetricList()
            .Add("pearson", Correlation.Pearson(gold, system))
            .Add("spearman", Correlation.Spearman(gold, system))
            .Add("news_spearman", news.Count < 2 ? double.NaN : Correlation.Spearman(news.Select(x => x.Gold).ToList(), news.Select(x => x.System).ToList()));
        var notes = new List<string>
        {
            $"Background: {scorer.BackgroundSentences} distinct train sentences. news_spearman: the {news.Count} pairs of genre main-news.",
        };
        if (split == EvalSplit.Test) notes.Add("Test is evaluation-only: nothing is tuned on it.");
        return new SuiteResult(Name, EvalSplits.Name(split), metrics.ToList(), evaluated.Count, notes);
    }
}
