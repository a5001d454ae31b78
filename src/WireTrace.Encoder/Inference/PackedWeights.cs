namespace WireTrace.Encoder.Inference;

/// <summary>
/// A dense layer's weight matrix W [k, n] (row-major in the model) repacked once at load into column
/// panels of <see cref="PanelWidth"/> columns, each stored as k consecutive rows of PanelWidth floats, so
/// the matrix-product kernels stream one panel front to back; plus the layer's bias [n]; and, when asked for,
/// the same matrix quantised to int8 (<see cref="Int8"/>) for the reduced-precision path.
/// </summary>
internal sealed class PackedWeights
{
    /// <summary>Columns per panel: two 512-bit vectors (four 256-bit ones).</summary>
    public const int PanelWidth = 32;

    public PackedWeights(string name, ReadOnlySpan<float> weights, int k, int n, float[] bias, bool quantize = false)
    {
        if (n % PanelWidth != 0) throw new NotSupportedException($"{name}: {n} output columns is not a multiple of {PanelWidth}.");
        if (weights.Length != k * n) throw new ArgumentException($"{name}: {weights.Length} weights do not make a [{k},{n}] matrix.");
        if (bias.Length != n) throw new ArgumentException($"{name}: bias has {bias.Length} values, expected {n}.");
        Name = name;
        K = k;
        N = n;
        Bias = bias;
        Panels = new float[k * n];
        for (int panel = 0; panel < n / PanelWidth; panel++)
        {
            int offset = panel * k * PanelWidth;
            for (int p = 0; p < k; p++)
            {
                weights.Slice(p * n + panel * PanelWidth, PanelWidth).CopyTo(Panels.AsSpan(offset + p * PanelWidth, PanelWidth));
            }
        }
        if (quantize) Int8 = new Int8Weights(name, weights, k, n, bias);
    }

    /// <summary>The int8 form of this matrix (null unless the constructor was asked to quantise).</summary>
    public Int8Weights? Int8 { get; }

    public string Name { get; }

    /// <summary>Input width (rows of W).</summary>
    public int K { get; }

    /// <summary>Output width (columns of W).</summary>
    public int N { get; }

    /// <summary>Panel-major weights: panel j holds W[0..k, 32j..32j+32] row after row.</summary>
    public float[] Panels { get; }

    public float[] Bias { get; }

    /// <summary>W[p, j] (for tests and the plain kernel's clarity).</summary>
    public float At(int p, int j) => Panels[(j / PanelWidth) * K * PanelWidth + p * PanelWidth + j % PanelWidth];
}
