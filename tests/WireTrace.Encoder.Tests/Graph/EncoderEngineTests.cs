using WireTrace.Encoder.Graph;
using WireTrace.Encoder.Inference;

namespace WireTrace.Encoder.Tests.Graph;

/// <summary>
/// The three engines and two precisions against each other on the reference sentences: the planned forward pass on
/// plain kernels (the non-SIMD path) gives the SIMD vectors and the JS reference's, in float32 and in int8; the graph
/// interpreter agrees with the float32 forward pass; chunked, multi-threaded encoding gives every sentence its
/// one-alone vector.
/// </summary>
[Collection(InstalledModelCollection.Name)]
public sealed class EncoderEngineTests(InstalledModelFixture model)
{
    [Theory]
    [InlineData(EncoderPrecision.Float32, 0.99999, 0.99999)]
    [InlineData(EncoderPrecision.Int8, 0.9995, 0.999)]
    public void The_plain_path_gives_the_SIMD_vectors_and_the_JS_reference(EncoderPrecision precision, double toSimd, double toReference)
    {
        var plain = UniversalSentenceEncoder.Load(model.Directory, new EncoderOptions(EncoderEngine.Plain, Threads: 1, Precision: precision));
        var simd = precision == model.Encoder.Precision ? model.Encoder : UniversalSentenceEncoder.Load(model.Directory, new EncoderOptions(Precision: precision));
        Assert.Equal(precision == EncoderPrecision.Int8 ? "forward pass, int8 scalar kernels" : "forward pass, float32 scalar kernels", plain.EngineDescription);
        Assert.StartsWith($"forward pass, {(precision == EncoderPrecision.Int8 ? "int8" : "float32")} ", simd.EngineDescription);
        var texts = ReferenceFixture.Sentences.Select(s => s.Text).ToList();
        var slow = plain.Encode(texts);
        var fast = simd.Encode(texts);
        for (int i = 0; i < texts.Count; i++)
        {
            var label = ReferenceFixture.Sentences[i].Label;
            // int8: the two paths quantise the same way, but float rounding of the row operations can move an activation
            // across a rounding boundary, so they agree a little less closely than in float32
            Assert.True(UniversalSentenceEncoder.Cosine(slow[i], fast[i]) >= toSimd, $"plain vs SIMD: {label} {UniversalSentenceEncoder.Cosine(slow[i], fast[i]):F7}");
            Assert.True(UniversalSentenceEncoder.Cosine(slow[i], ReferenceFixture.Sentences[i].Vector) >= toReference, $"plain vs JS: {label}");
            Assert.True(UniversalSentenceEncoder.Cosine(fast[i], ReferenceFixture.Sentences[i].Vector) >= toReference, $"SIMD vs JS: {label}");
        }
    }

    [Fact]
    public void The_graph_interpreter_agrees_with_the_forward_pass_alone_and_batched()
    {
        var graph = UniversalSentenceEncoder.Load(model.Directory, new EncoderOptions(EncoderEngine.Graph));
        var forward = UniversalSentenceEncoder.Load(model.Directory, new EncoderOptions(Precision: EncoderPrecision.Float32));
        Assert.Equal("graph interpreter", graph.EngineDescription);
        // The first 6 STS sentences and the hand-written edge cases (unknown pieces, tabs, CJK, one letter).
        var texts = ReferenceFixture.Sentences.Take(6).Concat(ReferenceFixture.Sentences.TakeLast(8)).Select(s => s.Text).ToList();
        var batch = graph.Encode(texts);
        var fast = forward.Encode(texts);
        for (int i = 0; i < texts.Count; i++)
        {
            Assert.True(UniversalSentenceEncoder.Cosine(batch[i], fast[i]) >= 0.99999, $"graph batch vs forward pass: {texts[i]}");
            Assert.True(UniversalSentenceEncoder.Cosine(graph.Encode(texts[i]), fast[i]) >= 0.99999, $"graph alone vs forward pass: {texts[i]}");
        }
    }

    [Fact]
    public void Dense_work_counts_what_the_pass_runs_for_the_model_shapes()
    {
        // USE-lite's shapes (docs/BENCHMARKS.md): per piece, layer 0 QKV 256×768, output 256×512, residual 256×512,
        // FFN 512×1536 + 1536×512; layer 1 QKV 512×1536, output 512×512, FFN the same; final layer 512×512.
        const long layer0Tabulated = 256 * 768 + 256 * 512, ffn2 = 1536 * 512, final = 512 * 512;
        const long perPiece = 4_653_056;
        var float32 = UniversalSentenceEncoder.Load(model.Directory, new EncoderOptions(Precision: EncoderPrecision.Float32));
        var int8 = UniversalSentenceEncoder.Load(model.Directory, new EncoderOptions(EncoderEngine.Plain, Precision: EncoderPrecision.Int8));
        int[] pieces = [3, 20];
        // Per piece everything but the last FFN product, which runs once per sentence like the final layer.
        long expected = 23 * (perPiece - ffn2) + 2 * (ffn2 + final);
        Assert.Equal(expected, float32.DenseMultiplyAdds(pieces));
        Assert.Equal(expected - 23 * layer0Tabulated, int8.DenseMultiplyAdds(pieces));
        Assert.Null(UniversalSentenceEncoder.Load(model.Directory, new EncoderOptions(EncoderEngine.Graph)).DenseMultiplyAdds(pieces));
    }

    [Fact]
    public void Auto_precision_is_int8_only_for_the_SIMD_engine_on_a_CPU_with_VNNI()
    {
        Assert.Equal(EncoderPrecision.Auto, EncoderOptions.Default.Precision);
        Assert.Equal(Kernels.Vectorized.Vnni ? EncoderPrecision.Int8 : EncoderPrecision.Float32, model.Encoder.Precision);
        Assert.Equal(EncoderPrecision.Float32, UniversalSentenceEncoder.Load(model.Directory, new EncoderOptions(EncoderEngine.Plain)).Precision);
        Assert.Equal(EncoderPrecision.Float32, UniversalSentenceEncoder.Load(model.Directory, new EncoderOptions(EncoderEngine.Graph, Precision: EncoderPrecision.Int8)).Precision);
        var int8 = UniversalSentenceEncoder.Load(model.Directory, new EncoderOptions(EncoderEngine.Plain, Precision: EncoderPrecision.Int8));
        Assert.Equal(EncoderPrecision.Int8, int8.Precision);
        Assert.Equal("forward pass, int8 scalar kernels", int8.EngineDescription);
    }

    [Fact]
    public void First_layer_tables_give_the_layer_norm_and_dense_products()
    {
        var weights = new UseLiteWeights(GraphModel.Load(Path.Combine(model.Directory, "model.json")), quantize: true);
        var layer = weights.Layers[0];
        var tables = weights.FirstLayer!;
        Assert.Null(layer.Qkv.Int8); // tabulated, not quantised
        Assert.NotNull(weights.Layers[1].Ffn1.Int8);
        int[] pieces = [0, 6, 74, 3995, weights.Vocabulary - 1], positions = [0, 1, 50, weights.MaxLength - 1, 3];
        int rows = pieces.Length, e = weights.EmbeddingWidth, n = layer.Qkv.N, d = layer.ResidualProjection!.N;
        var x = new float[rows * e];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < e; c++)
            {
                float embedding = weights.Embeddings[pieces[r] * e + c];
                x[r * e + c] = embedding + (embedding + weights.Timing[positions[r] * e + c]);
            }
        }
        var normed = new float[rows * e];
        var qkv = new float[rows * n];
        var residual = new float[rows * d];
        Kernels.Plain.LayerNorm(x, rows, e, layer.AttentionNormScale, layer.AttentionNormBias, layer.NormEpsilon, normed);
        Kernels.Plain.Dense(normed, rows, layer.Qkv, qkv, Epilogue.Bias);
        Kernels.Plain.Dense(x, rows, layer.ResidualProjection, residual, Epilogue.Bias);
        foreach (var kernels in new[] { Kernels.Vectorized, Kernels.Plain })
        {
            var tabulatedQkv = new float[rows * n];
            var tabulatedResidual = new float[rows * d];
            tables.Apply(kernels, x, rows, pieces, positions, tabulatedQkv, tabulatedResidual);
            for (int i = 0; i < qkv.Length; i++) Assert.True(Math.Abs(tabulatedQkv[i] - qkv[i]) <= 1e-4 * (1 + Math.Abs(qkv[i])), $"qkv {i}: {tabulatedQkv[i]} vs {qkv[i]}");
            for (int i = 0; i < residual.Length; i++) Assert.True(Math.Abs(tabulatedResidual[i] - residual[i]) <= 1e-4 * (1 + Math.Abs(residual[i])), $"residual {i}: {tabulatedResidual[i]} vs {residual[i]}");
        }
    }

    [Fact]
    public void Chunked_parallel_encoding_equals_one_by_one_encoding()
    {
        var texts = ReferenceFixture.Sentences.Select(s => s.Text).Concat(["", "A plane is taking off."]).ToList();
        var together = model.Encoder.Encode(texts);
        var sequential = UniversalSentenceEncoder.Load(model.Directory, new EncoderOptions(Threads: 1));
        for (int i = 0; i < texts.Count; i++)
        {
            var alone = sequential.Encode(texts[i]);
            if (texts[i].Length == 0) Assert.All(together[i], v => Assert.Equal(0f, v));
            else Assert.True(UniversalSentenceEncoder.Cosine(alone, together[i]) >= 0.999999, $"chunked vs alone: {texts[i]}");
        }
    }
}
