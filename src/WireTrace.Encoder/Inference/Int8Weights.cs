namespace WireTrace.Encoder.Inference;

/// <summary>
/// A dense layer's weight matrix W [k, n] quantised to signed 8-bit integers with one scale per output column
/// (<c>W[p, j] ≈ Values[p, j] · Scales[j]</c>, <c>Scales[j] = max_p |W[p, j]| / 127</c>), laid out for 4-way
/// byte dot products (VNNI <c>vpdpbusd</c>): column panels of <see cref="PanelWidth"/> columns, and within a
/// panel, for each group of 4 consecutive k, the 4 bytes of column 0, then of column 1, … So one 256-bit load is
/// 8 columns × 4 k, exactly the operand a 4-byte broadcast of an activation row multiplies.
/// <see cref="ColumnSums"/> (Σ_p Values[p, j]) undoes the zero point of the unsigned activations.
/// </summary>
internal sealed class Int8Weights
{
    /// <summary>Columns per panel: two 256-bit vectors of 8 int32 accumulators.</summary>
    public const int PanelWidth = 16;

    /// <summary>Inner-dimension steps per 32-bit group.</summary>
    public const int Group = 4;

    public Int8Weights(string name, ReadOnlySpan<float> weights, int k, int n, float[] bias)
    {
        if (n % PanelWidth != 0) throw new NotSupportedException($"{name}: {n} output columns is not a multiple of {PanelWidth}.");
        if (weights.Length != k * n) throw new ArgumentException($"{name}: {weights.Length} weights do not make a [{k},{n}] matrix.");
        if (bias.Length != n) throw new ArgumentException($"{name}: bias has {bias.Length} values, expected {n}.");
        Name = name;
        K = k;
        Groups = (k + Group - 1) / Group;
        N = n;
        Bias = bias;
        Scales = new float[n];
        ColumnSums = new int[n];
        Values = new sbyte[Groups * Group * n]; // the k padding (k % 4 ≠ 0) stays zero
        for (int j = 0; j < n; j++)
        {
            float max = 0;
            for (int p = 0; p < k; p++) max = MathF.Max(max, MathF.Abs(weights[p * n + j]));
            float scale = max == 0 ? 1f : max / 127f;
            Scales[j] = scale;
            int sum = 0;
            for (int p = 0; p < k; p++)
            {
                int q = Math.Clamp((int)MathF.Round(weights[p * n + j] / scale, MidpointRounding.ToEven), -127, 127);
                Values[IndexOf(p, j)] = (sbyte)q;
                sum += q;
            }
            ColumnSums[j] = sum;
        }
    }

    public string Name { get; }

    /// <summary>Input width (rows of W).</summary>
    public int K { get; }

    /// <summary>Groups of 4 inputs (K rounded up, divided by 4): the activation rows are this many 32-bit words long.</summary>
    public int Groups { get; }

    /// <summary>Output width (columns of W).</summary>
    public int N { get; }

    /// <summary>Quantised weights, panel-major, 4-k groups interleaved per column (see the type's summary).</summary>
    public sbyte[] Values { get; }

    /// <summary>Per output column: the float value of one weight step.</summary>
    public float[] Scales { get; }

    /// <summary>Per output column: Σ_p Values[p, j].</summary>
    public int[] ColumnSums { get; }

    public float[] Bias { get; }

    /// <summary>Position of W[p, j] in <see cref="Values"/>.</summary>
    public int IndexOf(int p, int j) => ((j / PanelWidth * Groups + p / Group) * PanelWidth + j % PanelWidth) * Group + p % Group;

    /// <summary>The value W[p, j] stands for after quantisation (for tests).</summary>
    public float At(int p, int j) => Values[IndexOf(p, j)] * Scales[j];
}
