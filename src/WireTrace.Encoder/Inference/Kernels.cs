using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace WireTrace.Encoder.Inference;

/// <summary>What a dense layer does with <c>x·W + b</c> before storing it.</summary>
internal enum Epilogue
{
    /// <summary>y = x·W + b.</summary>
    Bias,

    /// <summary>y = max(x·W + b, 0).</summary>
    BiasRelu,

    /// <summary>y = (x·W + b) + y (a residual connection, in place).</summary>
    BiasAccumulate,
}

/// <summary>
/// The numeric kernels of the encoder's forward pass, in two interchangeable forms: SIMD
/// (<see cref="Vector512"/> or <see cref="Vector256"/> register tiles with fused multiply-add for the dense
/// layers; for rows hand-written <see cref="Vector512"/> loops where AVX-512 is there, else
/// <see cref="TensorPrimitives"/>) and plain scalar loops. Both compute the same formulas in the same order per
/// output element up to floating-point rounding; the plain form is the reference the SIMD one is tested against.
/// Stateless and thread-safe.
/// </summary>
internal sealed partial class Kernels
{
    private const int Panel = PackedWeights.PanelWidth;

    private Kernels(bool simd) => Simd = simd;

    /// <summary>SIMD kernels (falls back to <see cref="Plain"/> arithmetic where the CPU has no 256-bit vectors).</summary>
    public static Kernels Vectorized { get; } = new(Vector256.IsHardwareAccelerated);

    /// <summary>Scalar loops only.</summary>
    public static Kernels Plain { get; } = new(false);

    public bool Simd { get; }

    /// <summary>What the dense kernel runs on: "Vector512", "Vector256" or "scalar".</summary>
    public string Description => !Simd ? "scalar" : Vector512.IsHardwareAccelerated ? "Vector512" : "Vector256";

    /// <summary>y[rows, N] = epilogue(x[rows, K] · W + b).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Dense(ReadOnlySpan<float> x, int rows, PackedWeights w, Span<float> y, Epilogue epilogue)
    {
        if (x.Length < rows * w.K || y.Length < rows * w.N) throw new ArgumentException($"{w.Name}: buffers too small for {rows} rows.");
        if (!Simd) DensePlain(x, rows, w, y, epilogue);
        else if (Vector512.IsHardwareAccelerated) Dense512(x, rows, w, y, epilogue);
        else Dense256(x, rows, w, y, epilogue);
    }

    /// <summary>
    /// Layer normalisation of each row of x[rows, d] into y: <c>(x − mean) · (scale · rsqrt(var + eps)) + bias</c>,
    /// var the mean squared deviation (as the graph computes it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void LayerNorm(ReadOnlySpan<float> x, int rows, int d, float[] scale, float[] bias, float eps, Span<float> y)
    {
        for (int r = 0; r < rows; r++)
        {
            var xr = x.Slice(r * d, d);
            var yr = y.Slice(r * d, d);
            if (Wide)
            {
                float mean = Sum512(xr) / d;
                float rs = 1f / MathF.Sqrt(SquaredDeviations512(xr, mean) / d + eps);
                Normalize512(xr, mean, rs, scale, bias, yr);
            }
            else if (Simd)
            {
                float mean = TensorPrimitives.Sum(xr) / d;
                TensorPrimitives.Subtract(xr, mean, yr);
                float rs = 1f / MathF.Sqrt(TensorPrimitives.SumOfSquares(yr) / d + eps);
                TensorPrimitives.Multiply(yr, rs, yr);
                TensorPrimitives.MultiplyAdd(yr, scale, bias, yr);
            }
            else
            {
                float sum = 0;
                for (int i = 0; i < d; i++) sum += xr[i];
                float mean = sum / d, squares = 0;
                for (int i = 0; i < d; i++)
                {
                    yr[i] = xr[i] - mean;
                    squares += yr[i] * yr[i];
                }
                float rs = 1f / MathF.Sqrt(squares / d + eps);
                for (int i = 0; i < d; i++) yr[i] = yr[i] * rs * scale[i] + bias[i];
            }
        }
    }

    /// <summary>The mean of a row and <c>1/√(var + eps)</c>, var the mean squared deviation (as <see cref="LayerNorm"/> computes them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (float Mean, float InverseDeviation) RowStatistics(ReadOnlySpan<float> x, float eps)
    {
        int d = x.Length;
        if (Wide)
        {
            float m = Sum512(x) / d;
            return (m, 1f / MathF.Sqrt(SquaredDeviations512(x, m) / d + eps));
        }
        if (Simd)
        {
            float m = TensorPrimitives.Sum(x) / d;
            float squares = TensorPrimitives.SumOfSquares(x) / d - m * m;
            return (m, 1f / MathF.Sqrt(MathF.Max(squares, 0) + eps));
        }
        float sum = 0;
        foreach (var v in x) sum += v;
        float mean = sum / d, deviations = 0;
        foreach (var v in x) deviations += (v - mean) * (v - mean);
        return (mean, 1f / MathF.Sqrt(deviations / d + eps));
    }

    /// <summary>dst = x · a + addend.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void MultiplyAdd(ReadOnlySpan<float> x, float a, ReadOnlySpan<float> addend, Span<float> dst)
    {
        if (Wide) MultiplyAdd512(x, a, addend, dst);
        else if (Simd) TensorPrimitives.MultiplyAdd(x, a, addend, dst);
        else for (int i = 0; i < x.Length; i++) dst[i] = x[i] * a + addend[i];
    }

    /// <summary>dot(a, b).</summary>
    public float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (Simd) return TensorPrimitives.Dot(a, b);
        float sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>y += a · x.</summary>
    public void AddScaled(ReadOnlySpan<float> x, float a, Span<float> y)
    {
        if (Simd) TensorPrimitives.MultiplyAdd(x, a, y, y);
        else for (int i = 0; i < x.Length; i++) y[i] += a * x[i];
    }

    /// <summary>y = x · a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Scale(ReadOnlySpan<float> x, float a, Span<float> y)
    {
        if (Wide) Scale512(x, a, y);
        else if (Simd) TensorPrimitives.Multiply(x, a, y);
        else for (int i = 0; i < x.Length; i++) y[i] = x[i] * a;
    }

    /// <summary>In-place softmax of one row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Softmax(Span<float> row)
    {
        if (Wide)
        {
            Softmax512(row);
            return;
        }
        if (Simd)
        {
            TensorPrimitives.SoftMax(row, row);
            return;
        }
        float max = float.NegativeInfinity;
        foreach (var v in row) max = MathF.Max(max, v);
        float sum = 0;
        for (int i = 0; i < row.Length; i++)
        {
            row[i] = MathF.Exp(row[i] - max);
            sum += row[i];
        }
        for (int i = 0; i < row.Length; i++) row[i] /= sum;
    }

    /// <summary>In-place tanh.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Tanh(Span<float> x)
    {
        if (Simd) TensorPrimitives.Tanh(x, x);
        else for (int i = 0; i < x.Length; i++) x[i] = MathF.Tanh(x[i]);
    }

    /// <summary>Sum of squares.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float SumOfSquares(ReadOnlySpan<float> x)
    {
        if (Wide) return SquaredDeviations512(x, 0f);
        if (Simd) return TensorPrimitives.SumOfSquares(x);
        float sum = 0;
        foreach (var v in x) sum += v * v;
        return sum;
    }

    /// <summary>y += x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<float> x, Span<float> y)
    {
        if (Wide) Add512(x, y);
        else if (Simd) TensorPrimitives.Add(x, y, y);
        else for (int i = 0; i < x.Length; i++) y[i] += x[i];
    }

    // ---- dense: plain -------------------------------------------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DensePlain(ReadOnlySpan<float> x, int rows, PackedWeights w, Span<float> y, Epilogue epilogue)
    {
        int k = w.K, n = w.N;
        Span<float> acc = stackalloc float[Panel];
        for (int i = 0; i < rows; i++)
        {
            var xi = x.Slice(i * k, k);
            for (int panel = 0; panel < n / Panel; panel++)
            {
                acc.Clear();
                var pw = w.Panels.AsSpan(panel * k * Panel, k * Panel);
                for (int p = 0; p < k; p++)
                {
                    float a = xi[p];
                    var wp = pw.Slice(p * Panel, Panel);
                    for (int j = 0; j < Panel; j++) acc[j] += a * wp[j];
                }
                for (int j = 0; j < Panel; j++)
                {
                    int col = panel * Panel + j;
                    float v = acc[j] + w.Bias[col];
                    ref float dst = ref y[i * n + col];
                    dst = epilogue switch
                    {
                        Epilogue.BiasRelu => MathF.Max(v, 0),
                        Epilogue.BiasAccumulate => v + dst,
                        _ => v,
                    };
                }
            }
        }
    }

    // ---- dense: Vector512, 8 rows × 32 columns per tile ----------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dense512(ReadOnlySpan<float> x, int rows, PackedWeights w, Span<float> y, Epilogue epilogue)
    {
        int k = w.K, n = w.N;
        ref float rx = ref MemoryMarshal.GetReference(x);
        ref float ry = ref MemoryMarshal.GetReference(y);
        ref float rw = ref MemoryMarshal.GetArrayDataReference(w.Panels);
        ref float rb = ref MemoryMarshal.GetArrayDataReference(w.Bias);
        int full = rows - rows % 8, tail = rows - full;
        using var tailRows = new TailRows(x, full, tail, 8, k);
        Span<float> tailOut = stackalloc float[8 * Panel];
        for (int panel = 0; panel < n / Panel; panel++)
        {
            ref float pw = ref Unsafe.Add(ref rw, (nint)panel * k * Panel);
            var b0 = Vector512.LoadUnsafe(ref rb, (nuint)(panel * Panel));
            var b1 = Vector512.LoadUnsafe(ref rb, (nuint)(panel * Panel + 16));
            for (int i = 0; i < full; i += 8)
            {
                Tile512x8(ref Unsafe.Add(ref rx, (nint)i * k), k, ref pw, ref Unsafe.Add(ref ry, (nint)i * n + panel * Panel), n, b0, b1, epilogue);
            }
            if (tail == 0) continue;
            // The last rows % 8 rows run as a full tile over zero-padded copies (a 1-row kernel would be latency-bound).
            tailRows.Load(y, n, panel * Panel, Panel, tailOut);
            Tile512x8(ref tailRows.First, k, ref pw, ref MemoryMarshal.GetReference(tailOut), Panel, b0, b1, epilogue);
            tailRows.Store(tailOut, Panel, y, n, panel * Panel);
        }
    }

    /// <summary>
    /// The last rows of a product padded to a full register tile: the input rows copied into a zeroed buffer,
    /// and the matching output block moved through a small scratch tile (so residual accumulation sees the old values).
    /// </summary>
    private readonly ref struct TailRows
    {
        private readonly float[]? _rows;
        private readonly int _first, _count;

        public TailRows(ReadOnlySpan<float> x, int first, int count, int tileRows, int k)
        {
            _first = first;
            _count = count;
            if (count == 0) return;
            _rows = System.Buffers.ArrayPool<float>.Shared.Rent(tileRows * k);
            Array.Clear(_rows, 0, tileRows * k);
            x.Slice(first * k, count * k).CopyTo(_rows);
        }

        public ref float First => ref MemoryMarshal.GetArrayDataReference(_rows!);

        public void Load(ReadOnlySpan<float> y, int n, int column, int width, Span<float> tile)
        {
            tile.Clear();
            for (int r = 0; r < _count; r++) y.Slice((_first + r) * n + column, width).CopyTo(tile.Slice(r * width, width));
        }

        public void Store(ReadOnlySpan<float> tile, int width, Span<float> y, int n, int column)
        {
            for (int r = 0; r < _count; r++) tile.Slice(r * width, width).CopyTo(y.Slice((_first + r) * n + column, width));
        }

        public void Dispose()
        {
            if (_rows != null) System.Buffers.ArrayPool<float>.Shared.Return(_rows);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store512(Vector512<float> acc, Vector512<float> bias, ref float dst, Epilogue epilogue)
    {
        var v = acc + bias;
        if (epilogue == Epilogue.BiasAccumulate) v += Vector512.LoadUnsafe(ref dst);
        else if (epilogue == Epilogue.BiasRelu) v = Vector512.MaxNative(v, Vector512<float>.Zero);
        v.StoreUnsafe(ref dst);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile512x8(ref float a, int k, ref float w, ref float c, int n, Vector512<float> b0, Vector512<float> b1, Epilogue epilogue)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        ref float a1 = ref Unsafe.Add(ref a, k), a2 = ref Unsafe.Add(ref a, 2 * k), a3 = ref Unsafe.Add(ref a, 3 * k);
        ref float a4 = ref Unsafe.Add(ref a, 4 * k), a5 = ref Unsafe.Add(ref a, 5 * k), a6 = ref Unsafe.Add(ref a, 6 * k), a7 = ref Unsafe.Add(ref a, 7 * k);
        for (int p = 0; p < k; p++)
        {
            var w0 = Vector512.LoadUnsafe(ref w, (nuint)(p * Panel));
            var w1 = Vector512.LoadUnsafe(ref w, (nuint)(p * Panel + 16));
            var x = Vector512.Create(Unsafe.Add(ref a, p));
            c00 = Vector512.FusedMultiplyAdd(x, w0, c00); c01 = Vector512.FusedMultiplyAdd(x, w1, c01);
            x = Vector512.Create(Unsafe.Add(ref a1, p));
            c10 = Vector512.FusedMultiplyAdd(x, w0, c10); c11 = Vector512.FusedMultiplyAdd(x, w1, c11);
            x = Vector512.Create(Unsafe.Add(ref a2, p));
            c20 = Vector512.FusedMultiplyAdd(x, w0, c20); c21 = Vector512.FusedMultiplyAdd(x, w1, c21);
            x = Vector512.Create(Unsafe.Add(ref a3, p));
            c30 = Vector512.FusedMultiplyAdd(x, w0, c30); c31 = Vector512.FusedMultiplyAdd(x, w1, c31);
            x = Vector512.Create(Unsafe.Add(ref a4, p));
            c40 = Vector512.FusedMultiplyAdd(x, w0, c40); c41 = Vector512.FusedMultiplyAdd(x, w1, c41);
            x = Vector512.Create(Unsafe.Add(ref a5, p));
            c50 = Vector512.FusedMultiplyAdd(x, w0, c50); c51 = Vector512.FusedMultiplyAdd(x, w1, c51);
            x = Vector512.Create(Unsafe.Add(ref a6, p));
            c60 = Vector512.FusedMultiplyAdd(x, w0, c60); c61 = Vector512.FusedMultiplyAdd(x, w1, c61);
            x = Vector512.Create(Unsafe.Add(ref a7, p));
            c70 = Vector512.FusedMultiplyAdd(x, w0, c70); c71 = Vector512.FusedMultiplyAdd(x, w1, c71);
        }
        Store512(c00, b0, ref c, epilogue); Store512(c01, b1, ref Unsafe.Add(ref c, 16), epilogue);
        ref float r1 = ref Unsafe.Add(ref c, n);
        Store512(c10, b0, ref r1, epilogue); Store512(c11, b1, ref Unsafe.Add(ref r1, 16), epilogue);
        ref float r2 = ref Unsafe.Add(ref c, 2 * n);
        Store512(c20, b0, ref r2, epilogue); Store512(c21, b1, ref Unsafe.Add(ref r2, 16), epilogue);
        ref float r3 = ref Unsafe.Add(ref c, 3 * n);
        Store512(c30, b0, ref r3, epilogue); Store512(c31, b1, ref Unsafe.Add(ref r3, 16), epilogue);
        ref float r4 = ref Unsafe.Add(ref c, 4 * n);
        Store512(c40, b0, ref r4, epilogue); Store512(c41, b1, ref Unsafe.Add(ref r4, 16), epilogue);
        ref float r5 = ref Unsafe.Add(ref c, 5 * n);
        Store512(c50, b0, ref r5, epilogue); Store512(c51, b1, ref Unsafe.Add(ref r5, 16), epilogue);
        ref float r6 = ref Unsafe.Add(ref c, 6 * n);
        Store512(c60, b0, ref r6, epilogue); Store512(c61, b1, ref Unsafe.Add(ref r6, 16), epilogue);
        ref float r7 = ref Unsafe.Add(ref c, 7 * n);
        Store512(c70, b0, ref r7, epilogue); Store512(c71, b1, ref Unsafe.Add(ref r7, 16), epilogue);
    }


    // ---- dense: Vector256, 6 rows × 16 columns per tile (two tiles per panel) -------------------

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dense256(ReadOnlySpan<float> x, int rows, PackedWeights w, Span<float> y, Epilogue epilogue)
    {
        int k = w.K, n = w.N;
        ref float rx = ref MemoryMarshal.GetReference(x);
        ref float ry = ref MemoryMarshal.GetReference(y);
        ref float rw = ref MemoryMarshal.GetArrayDataReference(w.Panels);
        ref float rb = ref MemoryMarshal.GetArrayDataReference(w.Bias);
        int full = rows - rows % 6, tail = rows - full;
        using var tailRows = new TailRows(x, full, tail, 6, k);
        Span<float> tailOut = stackalloc float[6 * 16];
        for (int panel = 0; panel < n / Panel; panel++)
        {
            for (int half = 0; half < 2; half++)
            {
                int col = panel * Panel + half * 16;
                ref float pw = ref Unsafe.Add(ref rw, (nint)panel * k * Panel + half * 16);
                var b0 = Vector256.LoadUnsafe(ref rb, (nuint)col);
                var b1 = Vector256.LoadUnsafe(ref rb, (nuint)(col + 8));
                for (int i = 0; i < full; i += 6)
                {
                    Tile256x6(ref Unsafe.Add(ref rx, (nint)i * k), k, ref pw, ref Unsafe.Add(ref ry, (nint)i * n + col), n, b0, b1, epilogue);
                }
                if (tail == 0) continue;
                tailRows.Load(y, n, col, 16, tailOut);
                Tile256x6(ref tailRows.First, k, ref pw, ref MemoryMarshal.GetReference(tailOut), 16, b0, b1, epilogue);
                tailRows.Store(tailOut, 16, y, n, col);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store256(Vector256<float> acc, Vector256<float> bias, ref float dst, Epilogue epilogue)
    {
        var v = acc + bias;
        if (epilogue == Epilogue.BiasAccumulate) v += Vector256.LoadUnsafe(ref dst);
        else if (epilogue == Epilogue.BiasRelu) v = Vector256.MaxNative(v, Vector256<float>.Zero);
        v.StoreUnsafe(ref dst);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile256x6(ref float a, int k, ref float w, ref float c, int n, Vector256<float> b0, Vector256<float> b1, Epilogue epilogue)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        ref float a1 = ref Unsafe.Add(ref a, k), a2 = ref Unsafe.Add(ref a, 2 * k), a3 = ref Unsafe.Add(ref a, 3 * k);
        ref float a4 = ref Unsafe.Add(ref a, 4 * k), a5 = ref Unsafe.Add(ref a, 5 * k);
        for (int p = 0; p < k; p++)
        {
            var w0 = Vector256.LoadUnsafe(ref w, (nuint)(p * Panel));
            var w1 = Vector256.LoadUnsafe(ref w, (nuint)(p * Panel + 8));
            var x = Vector256.Create(Unsafe.Add(ref a, p));
            c00 = Vector256.FusedMultiplyAdd(x, w0, c00); c01 = Vector256.FusedMultiplyAdd(x, w1, c01);
            x = Vector256.Create(Unsafe.Add(ref a1, p));
            c10 = Vector256.FusedMultiplyAdd(x, w0, c10); c11 = Vector256.FusedMultiplyAdd(x, w1, c11);
            x = Vector256.Create(Unsafe.Add(ref a2, p));
            c20 = Vector256.FusedMultiplyAdd(x, w0, c20); c21 = Vector256.FusedMultiplyAdd(x, w1, c21);
            x = Vector256.Create(Unsafe.Add(ref a3, p));
            c30 = Vector256.FusedMultiplyAdd(x, w0, c30); c31 = Vector256.FusedMultiplyAdd(x, w1, c31);
            x = Vector256.Create(Unsafe.Add(ref a4, p));
            c40 = Vector256.FusedMultiplyAdd(x, w0, c40); c41 = Vector256.FusedMultiplyAdd(x, w1, c41);
            x = Vector256.Create(Unsafe.Add(ref a5, p));
            c50 = Vector256.FusedMultiplyAdd(x, w0, c50); c51 = Vector256.FusedMultiplyAdd(x, w1, c51);
        }
        Store256(c00, b0, ref c, epilogue); Store256(c01, b1, ref Unsafe.Add(ref c, 8), epilogue);
        ref float r1 = ref Unsafe.Add(ref c, n);
        Store256(c10, b0, ref r1, epilogue); Store256(c11, b1, ref Unsafe.Add(ref r1, 8), epilogue);
        ref float r2 = ref Unsafe.Add(ref c, 2 * n);
        Store256(c20, b0, ref r2, epilogue); Store256(c21, b1, ref Unsafe.Add(ref r2, 8), epilogue);
        ref float r3 = ref Unsafe.Add(ref c, 3 * n);
        Store256(c30, b0, ref r3, epilogue); Store256(c31, b1, ref Unsafe.Add(ref r3, 8), epilogue);
        ref float r4 = ref Unsafe.Add(ref c, 4 * n);
        Store256(c40, b0, ref r4, epilogue); Store256(c41, b1, ref Unsafe.Add(ref r4, 8), epilogue);
        ref float r5 = ref Unsafe.Add(ref c, 5 * n);
        Store256(c50, b0, ref r5, epilogue); Store256(c51, b1, ref Unsafe.Add(ref r5, 8), epilogue);
    }

}
