using WireTrace.Encoder.Graph;

namespace WireTrace.Encoder.Inference;

/// <summary>One transformer layer's parameters, read from the graph and repacked for the kernels.</summary>
internal sealed record TransformerLayerWeights(
    int Width,
    int Heads,
    float QueryScale,
    float NormEpsilon,
    float[] AttentionNormScale,
    float[] AttentionNormBias,
    PackedWeights Qkv,
    PackedWeights Output,
    PackedWeights? ResidualProjection,
    float[] FfnNormScale,
    float[] FfnNormBias,
    PackedWeights Ffn1,
    PackedWeights Ffn2)
{
    /// <summary>Width of the layer's output (and of the attention: Output.K).</summary>
    public int OutputWidth => Output.N;

    public int HeadWidth => Output.K / Heads;
}

/// <summary>
/// The parameters of Universal Sentence Encoder lite, found in a <see cref="GraphModel"/> by their node
/// names (the graph's constants: embeddings, timing-signal frequencies, per-layer norms, QKV/output/FFN
/// kernels, residual projection, the final tanh layer) and checked for the shapes the forward pass
/// assumes. Construction fails with the missing or odd tensor named, so a different graph is refused.
/// </summary>
internal sealed class UseLiteWeights
{
    private const string Stack = "Encode/TransformerStack/";

    /// <param name="model">The graph whose constants are read.</param>
    /// <param name="quantize">
    /// Prepare the int8 forward pass: quantise the transformer's dense kernels to int8 (<see cref="PackedWeights.Int8"/>),
    /// except the two that read the embeddings (layer 0's QKV, on their layer norm, and its residual projection, on the
    /// raw sum of embedding and timing signal), which are tabulated in float32 instead (<see cref="FirstLayer"/>): with
    /// those two in int8 as well the worst of the 228 reference sentences drops to cosine 0.9988 (docs/ENCODER.md, <i>int8</i>).
    /// </param>
    public UseLiteWeights(GraphModel model, bool quantize = false)
    {
        var embeddings = Weight(model, "module/Embeddings_en", 2);
        Vocabulary = embeddings.Shape[0];
        EmbeddingWidth = embeddings.Shape[1];
        Embeddings = embeddings.Floats;
        var frequencies = Weight(model, Stack + "Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1", 2).Floats;
        if (frequencies.Length * 2 != EmbeddingWidth) throw new InvalidDataException($"Timing signal has {frequencies.Length} frequencies for {EmbeddingWidth}-d embeddings.");
        // The graph masks positions whose dense id equals this default; with a negative default only batch
        // padding is masked and every piece (the unknown id 0 too) is a real position, as the forward pass assumes.
        if (Weight(model, "Encode/SparseToDense/default_value", 0).At(0) >= 0) throw new InvalidDataException("The graph's id padding value is not negative: piece ids would be masked.");
        MaxLength = (int)ConstInput(model, "KonaTransformer/ClipToMaxLength/Less", 1).At(0);
        Timing = new float[MaxLength * EmbeddingWidth];
        int half = frequencies.Length;
        for (int p = 0; p < MaxLength; p++)
        {
            for (int c = 0; c < half; c++)
            {
                float angle = p * frequencies[c];
                Timing[p * EmbeddingWidth + c] = (float)Math.Sin(angle);
                Timing[p * EmbeddingWidth + half + c] = (float)Math.Cos(angle);
            }
        }
        var layers = new List<TransformerLayerWeights>();
        int width = EmbeddingWidth;
        for (int l = 0; HasWeight(model, $"Encode/Layer_{l}/TransformerLayer/MultiheadAttention/qkv_transform_single/kernel/part_0"); l++)
        {
            var layer = ReadLayer(model, l, width, quantize);
            layers.Add(layer);
            width = layer.OutputWidth;
        }
        if (layers.Count == 0) throw new InvalidDataException("The graph has no transformer layers (Encode/Layer_0/...).");
        Layers = layers;
        if (quantize) FirstLayer = new FirstLayerTables(this, layers[0]);
        var final = Weight(model, "hidden_layers/tanh_layer_0/weights", 2);
        Final = new PackedWeights("tanh_layer_0", final.Floats, final.Shape[0], final.Shape[1], Weight(model, "hidden_layers/tanh_layer_0/bias", 1).Floats);
        if (Final.K != width) throw new InvalidDataException($"Final layer takes {Final.K} inputs, the transformer gives {width}.");
        NormalizeEpsilon = (float)Weight(model, "hidden_layers/l2_normalize/Maximum/y", 0).At(0);
    }

    public int Vocabulary { get; }

    public int EmbeddingWidth { get; }

    /// <summary>[Vocabulary, EmbeddingWidth] row-major.</summary>
    public float[] Embeddings { get; }

    /// <summary>Positions at or beyond this are dropped (ClipToMaxLength).</summary>
    public int MaxLength { get; }

    /// <summary>Sinusoidal timing signal [MaxLength, EmbeddingWidth]: sin of position × frequency, then cos.</summary>
    public float[] Timing { get; }

    public IReadOnlyList<TransformerLayerWeights> Layers { get; }

    /// <summary>Layer 0's QKV and residual projection tabulated per piece and position (built for the int8 pass only).</summary>
    public FirstLayerTables? FirstLayer { get; }

    /// <summary>Dense + tanh on the pooled vector.</summary>
    public PackedWeights Final { get; }

    /// <summary>L2 normalisation floor on the squared norm.</summary>
    public float NormalizeEpsilon { get; }

    public int OutputWidth => Final.N;

    private static TransformerLayerWeights ReadLayer(GraphModel model, int l, int width, bool quantize)
    {
        string layer = $"Encode/Layer_{l}/TransformerLayer/", stackLayer = $"{Stack}Layer_{l}/TransformerLayer/";
        bool readsEmbeddings = l == 0;
        var qkv = Dense(model, $"Layer_{l} qkv", layer + "MultiheadAttention/qkv_transform_single/kernel/part_0", layer + "MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat", quantize && !readsEmbeddings);
        var output = Dense(model, $"Layer_{l} output", layer + "MultiheadAttention/output_transform_single/kernel/part_0", layer + "MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat", quantize);
        PackedWeights? residual = HasWeight(model, layer + "dense/kernel/ConcatPartitions/concat")
            ? Dense(model, $"Layer_{l} residual", layer + "dense/kernel/ConcatPartitions/concat", layer + "dense/bias/ConcatPartitions/concat", quantize && !readsEmbeddings)
            : null;
        var ffn1 = Dense(model, $"Layer_{l} ffn1", stackLayer + "FFN/conv1/Tensordot/Reshape_1", layer + "FFN/conv1/bias/ConcatPartitions/concat", quantize);
        var ffn2 = Dense(model, $"Layer_{l} ffn2", stackLayer + "FFN/conv2/Tensordot/Reshape_1", layer + "FFN/conv2/bias/ConcatPartitions/concat", quantize);
        var split = ConstInput(model, stackLayer + "MultiheadAttention/split", 1).Ints;
        int heads = (int)ConstInput(model, stackLayer + "MultiheadAttention/split_heads/split_last_dimension/Reshape/shape", 2).At(0);
        int attention = output.K;
        if (qkv.K != width || qkv.N != 3 * attention || split.Length != 3 || split.Any(s => s != attention) || attention % heads != 0)
        {
            throw new InvalidDataException($"Layer_{l}: QKV [{qkv.K},{qkv.N}] split [{string.Join(",", split)}] into {heads} heads does not fit a {width}-wide input and {attention}-wide attention.");
        }
        int outWidth = output.N;
        if (residual == null ? width != outWidth : residual.K != width || residual.N != outWidth)
        {
            throw new InvalidDataException($"Layer_{l}: the residual path does not map {width} to {outWidth}.");
        }
        if (ffn1.K != outWidth || ffn2.K != ffn1.N || ffn2.N != outWidth) throw new InvalidDataException($"Layer_{l}: FFN shapes do not fit width {outWidth}.");
        return new TransformerLayerWeights(
            width,
            heads,
            (float)Weight(model, stackLayer + "MultiheadAttention/mul/y", 0).At(0),
            (float)ConstInput(model, stackLayer + "layer_prepostprocess/layer_norm/add", 1).At(0),
            Vector(model, layer + "layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat", width),
            Vector(model, layer + "layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat", width),
            qkv,
            output,
            residual,
            Vector(model, layer + "FFN/layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat", outWidth),
            Vector(model, layer + "FFN/layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat", outWidth),
            ffn1,
            ffn2);
    }

    private static PackedWeights Dense(GraphModel model, string label, string kernel, string bias, bool quantize)
    {
        var w = Weight(model, kernel, -1);
        int k = w.Shape[^2], n = w.Shape[^1];
        if (w.Size != k * n) throw new InvalidDataException($"{label}: kernel {w} is not a matrix.");
        return new PackedWeights(label, w.Floats, k, n, Vector(model, bias, n), quantize);
    }

    private static float[] Vector(GraphModel model, string suffix, int length)
    {
        var t = Weight(model, suffix, 1);
        return t.Size == length ? t.Floats : throw new InvalidDataException($"{suffix}: {t}, expected [{length}].");
    }

    private static bool HasWeight(GraphModel model, string suffix) => model.Weights.Keys.Any(k => EndsWithPath(k, suffix));

    /// <summary>The one weight whose name ends with <paramref name="suffix"/> (rank checked unless −1).</summary>
    private static Tensor Weight(GraphModel model, string suffix, int rank)
    {
        var matches = model.Weights.Where(w => EndsWithPath(w.Key, suffix)).ToList();
        if (matches.Count != 1) throw new InvalidDataException($"Expected one weight named …{suffix}, found {matches.Count}.");
        var t = matches[0].Value;
        if (rank >= 0 && t.Rank != rank) throw new InvalidDataException($"{matches[0].Key}: {t}, expected rank {rank}.");
        return t;
    }

    /// <summary>The constant fed as input <paramref name="index"/> of the node named …<paramref name="nodeSuffix"/>.</summary>
    private static Tensor ConstInput(GraphModel model, string nodeSuffix, int index)
    {
        var nodes = model.Nodes.Where(n => EndsWithPath(n.Name, nodeSuffix)).ToList();
        if (nodes.Count != 1) throw new InvalidDataException($"Expected one node named …{nodeSuffix}, found {nodes.Count}.");
        var input = nodes[0].Inputs.Count > index ? nodes[0].Inputs[index].Split(':')[0] : throw new InvalidDataException($"{nodes[0].Name} has no input {index}.");
        return model.Weights.TryGetValue(input, out var t) ? t : throw new InvalidDataException($"{nodes[0].Name}: input {index} ({input}) is not a constant.");
    }

    private static bool EndsWithPath(string name, string suffix) =>
        name == suffix || name.EndsWith("/" + suffix, StringComparison.Ordinal);
}
