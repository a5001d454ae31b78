using System.Globalization;
using WireTrace.Core.Alignment;
using WireTrace.Evaluation.Datasets;
using WireTrace.Evaluation.Metrics;

namespace WireTrace.Evaluation.Suites;

/// <summary>
/// MRPC: is a sentence pair a paraphrase? Scored with <see cref="SentencePairScorer"/> over a background of the
/// train split's sentences. Two decisions: the aligner's own (the pair is aligned by <c>SentenceAligner</c>,
/// i.e. score ≥ <see cref="AlignerOptions.MutualSeedThreshold"/>) and a threshold chosen on train for accuracy.
/// Splits: train, dev (msr-para-val), test (evaluation-only, the default). <c>--limit</c> caps the evaluated pairs
/// (the background and the threshold always use the whole train split).
/// </summary>
public sealed class MrpcSuite : IEvaluationSuite
{
    public string Name => "mrpc";

    public string Description => "MRPC sentence paraphrase decisions with the sentence similarity (accuracy, F1)";

    public SuiteResult Run(EvalRequest request, CancellationToken cancellationToken = default)
    {
        var dataset = new MrpcDataset(EvalDataRoot.Require(request.DataRoot, MrpcDataset.FolderName, "MRPC"));
        var split = request.Split ?? EvalSplit.Test;
        var train = dataset.Read(MrpcSplit.Train).ToList();
        var evaluated = split == EvalSplit.Train ? train : dataset.Read(split == EvalSplit.Dev ? MrpcSplit.Validation : MrpcSplit.Test).ToList();
        if (request.Limit is { } limit) evaluated = evaluated.Take(limit).ToList();

        var scorer = new SentencePairScorer(train.SelectMany(p => new[] { p.S1, p.S2 }), request.ScorerOrLexical);
        var trainScores = train.Select(p => new ScoredExample(scorer.Score(p.S1, p.S2), p.Paraphrase)).ToList();
        var chosen = ThresholdSelection.Best(trainScores, ThresholdObjective.Accuracy);

        var gold = new List<bool>(evaluated.Count);
        var aligned = new List<bool>(evaluated.Count);
        var scored = new List<ScoredExample>(evaluated.Count);
        foreach (var pair in evaluated)
        {
            cancellationToken.ThrowIfCancellationRequested();
            gold.Add(pair.Paraphrase);
            aligned.Add(scorer.Aligned(pair.S1, pair.S2));
            scored.Add(new ScoredExample(scorer.Score(pair.S1, pair.S2), pair.Paraphrase));
        }
        var alignerScores = BinaryScores.From(gold, aligned);
        var tunedScores = ThresholdSelection.Apply(scored, chosen.Threshold);
        double majority = gold.Count == 0 ? 0 : (double)Math.Max(gold.Count(g => g), gold.Count(g => !g)) / gold.Count;

        var metrics = new MetricList()
            .Add("aligner_accuracy", alignerScores.Accuracy)
            .Add("aligner_f1", alignerScores.F1)
            .Add("aligner_threshold", request.ScorerOrLexical.Aligner.MutualSeedThreshold)
            .Add("tuned_accuracy", tunedScores.Accuracy)
            .Add("tuned_f1", tunedScores.F1)
            .Add("tuned_threshold", chosen.Threshold)
            .Add("majority_accuracy", majority);
        var notes = new List<string>
        {
            FormattableString.Invariant($"Background: {scorer.BackgroundSentences} distinct train sentences; threshold chosen on all {train.Count} train pairs (train accuracy {chosen.Value:0.0000})."),
            "aligner_*: the pair counts as a paraphrase when SentenceAligner aligns the two one-sentence documents.",
        };
        if (split == EvalSplit.Test) notes.Add("Test is evaluation-only: nothing is tuned on it.");
        if (split == EvalSplit.Train) notes.Add("On train the tuned threshold is evaluated on the data it was chosen on.");
        return new SuiteResult(Name, EvalSplits.Name(split), metrics.ToList(), evaluated.Count, notes);
    }
}
