using WireTrace.Encoder.Combiner;
using WireTrace.Encoder.Similarity;
using WireTrace.Evaluation.Datasets;
using WireTrace.Evaluation.Metrics;
using WireTrace.Evaluation.Suites;
using WireTrace.Tests;
using Xunit.Abstractions;

namespace WireTrace.Encoder.Tests.Combiner;

/// <summary>
/// The committed combiner against the blend it replaced (0.25 × USE-lite cosine rescaled from [0.2, 1] + 0.75 × the
/// lexical score, aligner threshold 0.42), on the DEV splits (never tuned on; never the test splits), scored as the
/// MRPC and STS suites score them (<see cref="SentencePairScorer"/>, IDF from the train split's sentences).
/// </summary>
[Collection(InstalledModelCollection.Name)]
public sealed class CombinerQualityTests(InstalledModelFixture model, ITestOutputHelper output)
{
    private const double OldWeight = 0.25, OldFloor = 0.2, OldAlignerThreshold = 0.42;

    private double[] OldBlend(SentencePairScorer lexical, IReadOnlyList<(string S1, string S2)> pairs)
    {
        var vectors = model.Encoder.Encode([.. pairs.SelectMany(p => new[] { p.S1, p.S2 })]);
        return pairs.Select((p, i) =>
        {
            double cosine = UniversalSentenceEncoder.Cosine(vectors[2 * i], vectors[2 * i + 1]);
            return OldWeight * Math.Clamp((cosine - OldFloor) / (1 - OldFloor), 0, 1) + (1 - OldWeight) * lexical.Score(p.S1, p.S2);
        }).ToArray();
    }

    [Fact]
    public void On_MRPC_dev_the_aligner_decision_beats_the_old_blend_in_accuracy_and_F1()
    {
        var dataset = new MrpcDataset(SharedData.PathTo("mrpc"));
        var background = dataset.Read(MrpcSplit.Train).SelectMany(p => new[] { p.S1, p.S2 }).ToList();
        var dev = dataset.Read(MrpcSplit.Validation).ToList();
        var gold = dev.Select(p => p.Paraphrase).ToList();

        var old = OldBlend(new SentencePairScorer(background), dev.Select(p => (p.S1, p.S2)).ToList());
        var oldScores = BinaryScores.From(gold, old.Select(s => s >= OldAlignerThreshold).ToList());
        var scorer = new SentencePairScorer(background, EncoderSentenceSimilarity.Scorer(model.Encoder));
        var aligned = dev.Select(p => scorer.Aligned(p.S1, p.S2)).ToList();
        var newScores = BinaryScores.From(gold, aligned);
        output.WriteLine($"MRPC dev ({dev.Count} pairs), aligner decision: old blend {oldScores.Accuracy:F4} / {oldScores.F1:F4}, combiner {newScores.Accuracy:F4} / {newScores.F1:F4}");
        Assert.True(newScores.Accuracy > oldScores.Accuracy + 0.02, $"accuracy {newScores.Accuracy:F4} vs old {oldScores.Accuracy:F4}");
        Assert.True(newScores.F1 > oldScores.F1, $"F1 {newScores.F1:F4} vs old {oldScores.F1:F4}");
    }

    [Fact]
    public void On_STS_dev_the_graded_head_correlates_better_with_the_human_scores_than_the_old_blend()
    {
        var dataset = new StsBenchmarkDataset(SharedData.PathTo("stsbenchmark"));
        var background = dataset.Read(StsSplit.Train).SelectMany(p => new[] { p.S1, p.S2 }).ToList();
        var dev = dataset.Read(StsSplit.Dev).ToList();
        var gold = dev.Select(p => p.Score).ToList();

        double oldSpearman = Correlation.Spearman(OldBlend(new SentencePairScorer(background), dev.Select(p => (p.S1, p.S2)).ToList()), gold);
        var scorer = new SentencePairScorer(background, EncoderSentenceSimilarity.Scorer(model.Encoder));
        var graded = dev.Select(p => scorer.GradedScore(p.S1, p.S2)).ToList();
        double spearman = Correlation.Spearman(graded, gold);
        output.WriteLine($"STS dev ({dev.Count} pairs), Spearman: old blend {oldSpearman:F4}, combiner graded head {spearman:F4}");
        Assert.All(graded, g => Assert.InRange(g, 0, 5));
        Assert.True(spearman > oldSpearman + 0.02, $"Spearman {spearman:F4} vs old {oldSpearman:F4}");
    }
}
