using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace WireTrace.Encoder.Inference;

/// <summary>
/// The forward pass of Universal Sentence Encoder lite written out as a fixed schedule over
/// <see cref="UseLiteWeights"/> (what the graph computes, without interpreting it): the tokens of all
/// sentences of a chunk are packed into one matrix (no padding), so every dense layer is one matrix product
/// over all tokens with its bias, ReLU or residual add fused into the store; only attention is per
/// sentence. Buffers live in pooled workspaces, so a call allocates only its result vectors.
/// </summary>
/// <remarks>
/// The graph masks the positions where the dense id matrix holds its default value −1, i.e. only the padding
/// of a batch: every piece of a sentence, the unknown id 0 included, is a real position. So each sentence's
/// rows attend to all of its rows, mean pooling covers all of them, and a sentence gets the same vector
/// alone or in any chunk. The timing signal is added to twice the embedding, as the graph does
/// (<c>embedding + (embedding + timing)</c>).
/// </remarks>
internal sealed class UseLiteForward
{
    private readonly UseLiteWeights _w;
    private readonly Kernels _k;
    private readonly ConcurrentBag<Workspace> _pool = new();
    private readonly bool _int8;

    /// <param name="weights">The model's parameters.</param>
    /// <param name="kernels">SIMD or plain kernels.</param>
    /// <param name="int8">Run the transformer's dense layers on int8 weights and per-row quantised activations
    /// (those that <see cref="UseLiteWeights"/> quantised); attention, layer norms, pooling and the final layer stay float32.</param>
    public UseLiteForward(UseLiteWeights weights, Kernels kernels, bool int8 = false)
    {
        if (int8 && weights.Layers.All(l => l.Ffn1.Int8 == null)) throw new ArgumentException("int8 needs weights loaded with quantize: true.", nameof(weights));
        _w = weights;
        _k = kernels;
        _int8 = int8;
    }

    /// <summary>Whether the dense layers run in int8.</summary>
    public bool Int8 => _int8;

    public UseLiteWeights Weights => _w;

    /// <summary>
    /// Multiply-adds of the dense products this pass runs for sentences of the given piece counts (each cut to the
    /// model's maximum length): per piece, every layer's products except those the first-layer tables replace (int8)
    /// and the last layer's second FFN product, which runs once per sentence on the pooled rows, as the final dense
    /// layer does. Attention (about 3·n·width per piece for n pieces) is not counted.
    /// </summary>
    public long DenseMultiplyAdds(IEnumerable<int> piecesPerSentence)
    {
        long rows = 0, sentences = 0;
        foreach (int pieces in piecesPerSentence)
        {
            rows += Math.Min(pieces, _w.MaxLength);
            sentences++;
        }
        static long Size(PackedWeights w) => (long)w.K * w.N;
        long total = sentences * Size(_w.Final);
        for (int l = 0; l < _w.Layers.Count; l++)
        {
            var layer = _w.Layers[l];
            bool tabulated = l == 0 && _int8 && _w.FirstLayer != null;
            if (!tabulated) total += rows * (Size(layer.Qkv) + (layer.ResidualProjection is { } r ? Size(r) : 0));
            total += rows * (Size(layer.Output) + Size(layer.Ffn1));
            total += (l == _w.Layers.Count - 1 ? sentences : rows) * Size(layer.Ffn2);
        }
        return total;
    }

    public Kernels Kernels => _k;

    /// <summary>
    /// Vectors of the sentences given by their piece ids (each non-empty; longer than
    /// <see cref="UseLiteWeights.MaxLength"/> is cut), written to <paramref name="output"/> rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(IReadOnlyList<int[]> sentences, Span<float> output)
    {
        int rows = 0;
        foreach (var s in sentences) rows += Math.Min(s.Length, _w.MaxLength);
        if (!_pool.TryTake(out var ws)) ws = new Workspace();
        try
        {
            ws.Ensure(rows, sentences.Count, _w);
            RunIn(ws, sentences, rows, output);
        }
        finally
        {
            _pool.Add(ws);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunIn(Workspace ws, IReadOnlyList<int[]> sentences, int rows, Span<float> output)
    {
        int e = _w.EmbeddingWidth;
        var x = ws.X.AsSpan(0, rows * e);
        int start = 0;
        for (int s = 0; s < sentences.Count; s++)
        {
            var ids = sentences[s];
            int n = Math.Min(ids.Length, _w.MaxLength);
            ws.Start[s] = start;
            ws.Length[s] = n;
            for (int p = 0; p < n; p++)
            {
                int id = ids[p];
                ws.Piece[start + p] = id;
                ws.Position[start + p] = p;
                if ((uint)id >= (uint)_w.Vocabulary) throw new ArgumentOutOfRangeException(nameof(sentences), $"Piece id {id} is outside the vocabulary ({_w.Vocabulary}).");
                _k.EmbeddingRow(_w.Embeddings.AsSpan(id * e, e), _w.Timing.AsSpan(p * e, e), x.Slice((start + p) * e, e));
            }
            start += n;
        }
        var input = ws.X;
        int d = _w.Layers[^1].OutputWidth;
        var pooled = ws.Pooled.AsSpan(0, sentences.Count * d);
        for (int l = 0; l < _w.Layers.Count; l++)
        {
            bool last = l == _w.Layers.Count - 1;
            Layer(ws, _w.Layers[l], l == 0 && _int8 ? _w.FirstLayer : null, input, rows, sentences.Count, last ? pooled : default);
            input = ws.H;
        }

        int o = _w.OutputWidth;
        var result = output[..(sentences.Count * o)];
        _k.Dense(pooled, sentences.Count, _w.Final, result, Epilogue.Bias);
        for (int s = 0; s < sentences.Count; s++)
        {
            var v = result.Slice(s * o, o);
            _k.Tanh(v);
            float norm = 1f / MathF.Sqrt(Math.Max(_k.SumOfSquares(v), _w.NormalizeEpsilon));
            _k.Scale(v, norm, v);
        }
    }

    /// <summary>
    /// One transformer layer over all rows; with <paramref name="tables"/> its QKV and residual come from them. With
    /// <paramref name="pooled"/> (the last layer) it writes each sentence's mean output row there instead of the rows:
    /// the mean is linear, so <c>mean_p(h_p + W·f_p + b) = mean_p h_p + W·mean_p f_p + b</c>, and the second FFN product
    /// runs once per sentence (in the pass's precision) instead of once per row — 17% of the model's multiply-adds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Layer(Workspace ws, TransformerLayerWeights layer, FirstLayerTables? tables, float[] input, int rows, int sentenceCount, Span<float> pooled)
    {
        int width = layer.Width, d = layer.OutputWidth, attention = layer.Output.K;
        var x = input.AsSpan(0, rows * width);
        var qkv = ws.Qkv.AsSpan(0, rows * 3 * attention);
        var h = ws.H.AsSpan(0, rows * d);
        if (tables != null)
        {
            tables.Apply(_k, x, rows, ws.Piece, ws.Position, qkv, h);
            if (tables.ResidualByPiece == null && !ReferenceEquals(input, ws.H)) x.CopyTo(h);
        }
        else
        {
            var normed = ws.Y.AsSpan(0, rows * width);
            _k.LayerNorm(x, rows, width, layer.AttentionNormScale, layer.AttentionNormBias, layer.NormEpsilon, normed);
            Dense(ws, normed, rows, layer.Qkv, qkv, Epilogue.Bias);
            if (layer.ResidualProjection is { } projection) Dense(ws, x, rows, projection, h, Epilogue.Bias);
            else if (!ReferenceEquals(input, ws.H)) x.CopyTo(h); // identity residual (in place when the input is H)
        }
        var attended = ws.A.AsSpan(0, rows * attention);
        for (int s = 0; s < sentenceCount; s++) Attention(ws, layer, ws.Start[s], ws.Length[s], qkv, attended);
        Dense(ws, attended, rows, layer.Output, h, Epilogue.BiasAccumulate);

        var normedH = ws.Y.AsSpan(0, rows * d);
        _k.LayerNorm(h, rows, d, layer.FfnNormScale, layer.FfnNormBias, layer.NormEpsilon, normedH);
        int ffn = layer.Ffn1.N;
        var f = ws.F.AsSpan(0, rows * ffn);
        Dense(ws, normedH, rows, layer.Ffn1, f, Epilogue.BiasRelu);
        if (pooled.IsEmpty)
        {
            Dense(ws, f, rows, layer.Ffn2, h, Epilogue.BiasAccumulate);
            return;
        }
        var pooledFfn = ws.PooledFfn.AsSpan(0, sentenceCount * ffn);
        MeanRows(ws, h, d, sentenceCount, pooled);
        MeanRows(ws, f, ffn, sentenceCount, pooledFfn);
        Dense(ws, pooledFfn, sentenceCount, layer.Ffn2, pooled, Epilogue.BiasAccumulate);
    }

    /// <summary>Row s of <paramref name="means"/> = the mean of sentence s's rows of m[rows, width].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MeanRows(Workspace ws, ReadOnlySpan<float> m, int width, int sentenceCount, Span<float> means)
    {
        means[..(sentenceCount * width)].Clear();
        for (int s = 0; s < sentenceCount; s++)
        {
            var sum = means.Slice(s * width, width);
            int count = ws.Length[s];
            for (int p = 0; p < count; p++) _k.Add(m.Slice((ws.Start[s] + p) * width, width), sum);
            _k.Scale(sum, 1f / count, sum);
        }
    }

    /// <summary>One transformer dense layer: in int8 when this pass runs in int8 and the layer was quantised, else in float32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Dense(Workspace ws, ReadOnlySpan<float> x, int rows, PackedWeights w, Span<float> y, Epilogue epilogue)
    {
        if (_int8 && w.Int8 is { } quantized) _k.Dense(x, rows, quantized, y, epilogue, ws.Quantized);
        else _k.Dense(x, rows, w, y, epilogue);
    }

    /// <summary>Scaled dot-product attention of one sentence's n rows over themselves, per head.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Attention(Workspace ws, TransformerLayerWeights layer, int start, int n, Span<float> qkv, Span<float> attended)
    {
        int attention = layer.Output.K, dh = layer.HeadWidth;
        for (int h = 0; h < layer.Heads; h++)
        {
            _k.AttentionHead(qkv, 3 * attention, start, n, h * dh, attention + h * dh, 2 * attention + h * dh, dh, layer.QueryScale,
                attended, attention, h * dh, ws.Scratch);
        }
    }

    /// <summary>Reusable buffers of one forward pass; grown to the largest chunk seen.</summary>
    private sealed class Workspace
    {
        public float[] X = [], Y = [], Qkv = [], A = [], H = [], F = [], Pooled = [], PooledFfn = [], Scratch = [];
        public int[] Start = [], Length = [], Piece = [], Position = [];
        public readonly QuantizedRows Quantized = new();

        public void Ensure(int rows, int sentences, UseLiteWeights w)
        {
            int widest = w.EmbeddingWidth, attention = 0, ffn = 0;
            foreach (var l in w.Layers)
            {
                widest = Math.Max(widest, l.OutputWidth);
                attention = Math.Max(attention, l.Output.K);
                ffn = Math.Max(ffn, l.Ffn1.N);
            }
            Grow(ref X, rows * w.EmbeddingWidth);
            Grow(ref Y, rows * widest);
            Grow(ref H, rows * widest);
            Grow(ref Qkv, rows * 3 * attention);
            Grow(ref A, rows * attention);
            Grow(ref F, rows * ffn);
            Grow(ref Pooled, sentences * widest);
            Grow(ref PooledFfn, sentences * ffn);
            Grow(ref Scratch, w.Layers.Max(l => Kernels.AttentionScratch(w.MaxLength, l.HeadWidth)));
            Grow(ref Start, sentences);
            Grow(ref Piece, rows);
            Grow(ref Position, rows);
            Grow(ref Length, sentences);
        }

        private static void Grow<T>(ref T[] buffer, int size)
        {
            if (buffer.Length < size) buffer = new T[size];
        }
    }
}
