using WireTrace.Encoder.Similarity;
using WireTrace.Evaluation.Datasets;
using WireTrace.Evaluation.Metrics;
using WireTrace.Evaluation.Suites;
using WireTrace.Tests;
using Xunit.Abstractions;

namespace WireTrace.Encoder.Tests.Similarity;

/// <summary>
/// The blend <see cref="EncoderBlend.Default"/> against the lexical score alone, on the first 400 news pairs
/// of STS Benchmark TRAIN (tuning data; never the test split): the blend must correlate better with the
/// human scores. Each side is one sentence, as <see cref="SentencePairScorer"/> scores MRPC/STS.
/// </summary>
[Collection(InstalledModelCollection.Name)]
public sealed class EncoderBlendQualityTests(InstalledModelFixture model, ITestOutputHelper output)
{
    [Fact]
    public void Blend_correlates_better_with_STS_train_news_scores_than_the_lexical_score_alone()
    {
        var all = new StsBenchmarkDataset(SharedData.PathTo("stsbenchmark")).Read(StsSplit.Train).Where(p => p.Genre.Contains("news")).ToList();
        var pairs = all.Take(400).ToList();
        var scorer = new SentencePairScorer(all.SelectMany(p => new[] { p.S1, p.S2 }));
        var lexical = pairs.Select(p => scorer.Score(p.S1, p.S2)).ToList();
        var cosines = new List<double>();
        for (int start = 0; start < pairs.Count; start += 16)
        {
            var batch = pairs.Skip(start).Take(16).ToList();
            var vectors = model.Encoder.Encode([.. batch.SelectMany(p => new[] { p.S1, p.S2 })]);
            for (int i = 0; i < batch.Count; i++) cosines.Add(UniversalSentenceEncoder.Cosine(vectors[2 * i], vectors[2 * i + 1]));
        }
        var blend = EncoderBlend.Default;
        var blended = lexical.Select((l, i) =>
            blend.EncoderWeight * Math.Clamp((cosines[i] - blend.CosineFloor) / (1 - blend.CosineFloor), 0, 1) + (1 - blend.EncoderWeight) * l).ToList();
        var gold = pairs.Select(p => p.Score).ToList();
        double rLexical = Correlation.Spearman(lexical, gold), rCosine = Correlation.Spearman(cosines, gold), rBlend = Correlation.Spearman(blended, gold);
        output.WriteLine($"{pairs.Count} STS train news pairs, Spearman: lexical {rLexical:F4}, cosine {rCosine:F4}, blend {rBlend:F4}");
        Assert.True(rCosine > 0.3, $"cosine Spearman {rCosine:F4}");
        Assert.True(rBlend > rLexical, $"blend {rBlend:F4} vs lexical {rLexical:F4}");
    }
}
