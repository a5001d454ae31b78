using System.Numerics.Tensors;

namespace WireTrace.Encoder.Inference;

/// <summary>
/// The first transformer layer's two products with its input, tabulated per piece and per position. The input of a
/// row is <c>x = 2·e[piece] + t[position]</c> (embedding and timing signal), so for any linear map W,
/// <c>W·x = 2·(W·e)[piece] + (W·t)[position]</c>; and its layer norm is <c>LN(x) = (x − μ)·r·γ + β</c> with the row's
/// mean μ and <c>r = 1/√(var + ε)</c>, so
/// <c>W·LN(x) + b = r·(2·(W′·e)[piece] + (W′·t)[position] − μ·Σ_k W′[k, ·]) + (W·β + b)</c> with <c>W′ = diag(γ)·W</c>.
/// With the tables the layer's QKV product and residual projection (7% of the model's multiply-adds, and the two
/// products that int8 activations would hurt most, since they read the embeddings directly) become a few vector
/// operations per row, in float32. Built once at load (~2.6 G multiply-adds) for ~41 MB.
/// </summary>
internal sealed class FirstLayerTables
{
    public FirstLayerTables(UseLiteWeights weights, TransformerLayerWeights layer)
    {
        int e = weights.EmbeddingWidth;
        if (layer.Width != e) throw new ArgumentException($"The first layer reads {layer.Width} values, the embeddings have {e}.", nameof(layer));
        var qkv = layer.Qkv;
        var scaled = new float[e * qkv.N];
        QkvSums = new float[qkv.N];
        QkvOffset = (float[])qkv.Bias.Clone();
        for (int k = 0; k < e; k++)
        {
            for (int j = 0; j < qkv.N; j++)
            {
                float w = qkv.At(k, j);
                scaled[k * qkv.N + j] = layer.AttentionNormScale[k] * w;
                QkvOffset[j] += layer.AttentionNormBias[k] * w;
            }
        }
        var scaledQkv = new PackedWeights("Layer_0 qkv · diag(γ)", scaled, e, qkv.N, new float[qkv.N]);
        for (int k = 0; k < e; k++) for (int j = 0; j < qkv.N; j++) QkvSums[j] += scaled[k * qkv.N + j];
        QkvWidth = qkv.N;
        QkvByPiece = Product(weights.Embeddings, weights.Vocabulary, scaledQkv);
        QkvByPosition = Product(weights.Timing, weights.MaxLength, scaledQkv);
        if (layer.ResidualProjection is { } residual)
        {
            var unbiased = new PackedWeights(residual.Name, Unpack(residual), residual.K, residual.N, new float[residual.N]);
            ResidualByPiece = Product(weights.Embeddings, weights.Vocabulary, unbiased);
            ResidualByPosition = Product(weights.Timing, weights.MaxLength, unbiased);
            ResidualBias = residual.Bias;
            ResidualWidth = residual.N;
        }
        NormEpsilon = layer.NormEpsilon;
        InputWidth = e;
    }

    public int InputWidth { get; }

    public int QkvWidth { get; }

    /// <summary>[Vocabulary, QkvWidth]: W′ᵀ·e for every piece.</summary>
    public float[] QkvByPiece { get; }

    /// <summary>[MaxLength, QkvWidth]: W′ᵀ·t for every position.</summary>
    public float[] QkvByPosition { get; }

    /// <summary>Σ_k W′[k, j].</summary>
    public float[] QkvSums { get; }

    /// <summary>W·β + b.</summary>
    public float[] QkvOffset { get; }

    /// <summary>[Vocabulary, ResidualWidth] (null when the layer's residual is the identity).</summary>
    public float[]? ResidualByPiece { get; }

    public float[]? ResidualByPosition { get; }

    public float[]? ResidualBias { get; }

    public int ResidualWidth { get; }

    public float NormEpsilon { get; }

    /// <summary>
    /// For each row r (input x[r], piece pieces[r] at position positions[r]): qkv[r] = W·LN(x[r]) + b and, when the layer
    /// projects its residual, residual[r] = W_r·x[r] + b_r.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Apply(Kernels kernels, ReadOnlySpan<float> x, int rows, ReadOnlySpan<int> pieces, ReadOnlySpan<int> positions, Span<float> qkv, Span<float> residual)
    {
        int e = InputWidth, n = QkvWidth;
        for (int r = 0; r < rows; r++)
        {
            var xr = x.Slice(r * e, e);
            var (mean, inverse) = kernels.RowStatistics(xr, NormEpsilon);
            kernels.NormalizedTableRow(QkvByPiece.AsSpan(pieces[r] * n, n), QkvByPosition.AsSpan(positions[r] * n, n), QkvSums, mean, inverse, QkvOffset, qkv.Slice(r * n, n));
            if (ResidualByPiece == null) continue;
            int d = ResidualWidth;
            kernels.TableRow(ResidualByPiece.AsSpan(pieces[r] * d, d), ResidualByPosition!.AsSpan(positions[r] * d, d), ResidualBias!, residual.Slice(r * d, d));
        }
    }

    private static float[] Unpack(PackedWeights w)
    {
        var m = new float[w.K * w.N];
        for (int k = 0; k < w.K; k++) for (int j = 0; j < w.N; j++) m[k * w.N + j] = w.At(k, j);
        return m;
    }

    /// <summary>rows × w.N = a[rows, w.K] · W, in parallel blocks of rows.</summary>
    private static float[] Product(float[] a, int rows, PackedWeights w)
    {
        var result = new float[rows * w.N];
        const int Block = 512;
        Parallel.For(0, (rows + Block - 1) / Block, b =>
        {
            int first = b * Block, count = Math.Min(Block, rows - first);
            Kernels.Vectorized.Dense(a.AsSpan(first * w.K, count * w.K), count, w, result.AsSpan(first * w.N, count * w.N), Epilogue.Bias);
        });
        return result;
    }
}
