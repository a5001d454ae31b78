using System.Diagnostics;
using Xunit.Abstractions;

namespace WireTrace.Encoder.Tests.Graph;

[Collection(InstalledModelCollection.Name)]
public sealed class UniversalSentenceEncoderTests(InstalledModelFixture model, ITestOutputHelper output)
{
    private UniversalSentenceEncoder Encoder => model.Encoder;

    [Theory]
    [InlineData(EncoderPrecision.Int8)]
    [InlineData(EncoderPrecision.Float32)]
    public void Every_vector_is_within_cosine_0_999_of_the_JS_reference(EncoderPrecision precision)
    {
        var encoder = precision == Encoder.Precision ? Encoder : UniversalSentenceEncoder.Load(model.Directory, new EncoderOptions(Precision: precision));
        var sentences = ReferenceFixture.Sentences;
        Assert.True(sentences.Count >= 200);
        var worst = (Cosine: 1.0, Label: "");
        double sum = 0;
        var clock = Stopwatch.StartNew();
        foreach (var s in sentences)
        {
            var v = encoder.Encode(s.Text);
            double cos = UniversalSentenceEncoder.Cosine(v, s.Vector);
            sum += cos;
            if (cos < worst.Cosine) worst = (cos, s.Label);
        }
        output.WriteLine($"{encoder.EngineDescription}: {sentences.Count} sentences one by one in {clock.ElapsedMilliseconds} ms; cosine to reference: mean {sum / sentences.Count:F7}, min {worst.Cosine:F7} ({worst.Label})");
        Assert.True(worst.Cosine >= 0.999, $"worst cosine {worst.Cosine:F6} for {worst.Label}");
    }

    [Fact]
    public void Batched_encoding_agrees_with_the_JS_batch()
    {
        var texts = ReferenceFixture.Sentences.Take(8).Select(s => s.Text).ToList();
        var vectors = Encoder.Encode(texts);
        for (int i = 0; i < texts.Count; i++)
        {
            Assert.True(UniversalSentenceEncoder.Cosine(vectors[i], ReferenceFixture.BatchVectors[i]) >= 0.999, $"batch item {i}");
        }
    }

    [Fact]
    public void Vectors_are_unit_length_and_paraphrases_score_higher_than_unrelated_sentences()
    {
        var v = Encoder.Encode(["A plane is taking off.", "An air plane is taking off.", "The central bank raised interest rates.", ""]);
        Assert.Equal(UniversalSentenceEncoder.Dimensions, v[0].Length);
        Assert.InRange(Math.Sqrt(v[0].Sum(x => (double)x * x)), 0.999, 1.001);
        Assert.True(UniversalSentenceEncoder.Cosine(v[0], v[1]) > UniversalSentenceEncoder.Cosine(v[0], v[2]) + 0.2);
        Assert.All(v[3], x => Assert.Equal(0f, x));
    }

    [Fact]
    public void The_graph_uses_only_supported_ops()
    {
        var ops = Encoder.Model.OpCounts;
        Assert.Contains("BatchMatMul", ops.Keys);
        Assert.Contains("SparseToDense", ops.Keys);
        Assert.Equal(317, ops.Values.Sum());
    }
}
