using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WireTrace.Encoder.Inference;

/// <summary>
/// Rows of activations quantised to unsigned bytes, one (scale, zero point) per row:
/// <c>x ≈ (Values[r, p] − ZeroPoints[r]) · Scales[r]</c>. Rows are padded to a whole register tile with zero
/// rows, and each row to a whole 4-byte group with zero bytes. Reused between calls (grown, never shrunk).
/// </summary>
internal sealed class QuantizedRows
{
    public byte[] Values = [];
    public float[] Scales = [];
    public int[] ZeroPoints = [];

    /// <summary>Rows that hold data (the rest up to a whole tile are zero).</summary>
    public int Rows { get; private set; }

    /// <summary>Bytes per row (K rounded up to a multiple of 4).</summary>
    public int Stride { get; private set; }

    public void Reset(int rows, int k)
    {
        Rows = rows;
        Stride = (k + Int8Weights.Group - 1) / Int8Weights.Group * Int8Weights.Group;
        int padded = PaddedRows(rows);
        if (Values.Length < padded * Stride) Values = new byte[padded * Stride];
        if (Scales.Length < padded)
        {
            Scales = new float[padded];
            ZeroPoints = new int[padded];
        }
        Values.AsSpan(rows * Stride, (padded - rows) * Stride).Clear();
        Scales.AsSpan(rows, padded - rows).Clear();
        ZeroPoints.AsSpan(rows, padded - rows).Clear();
    }

    /// <summary>Rows rounded up to a whole tile of the int8 kernel.</summary>
    public static int PaddedRows(int rows) => (rows + Kernels.Int8TileRows - 1) / Kernels.Int8TileRows * Kernels.Int8TileRows;
}

/// <content>
/// The int8 dense product: activations quantised per row to unsigned bytes (asymmetric: the row's range,
/// zero included, mapped onto 0…255), weights per output column to signed bytes (<see cref="Int8Weights"/>);
/// products summed exactly in int32, then <c>y = (acc − zero · Σw) · (row scale · column scale) + b</c> in float.
/// The VNNI form (<see cref="AvxVnni"/>: <c>vpdpbusd</c>, 32 byte multiply-adds per instruction) and the plain
/// form compute the same integers and the same float epilogue operation for operation, so their outputs are
/// identical bit for bit.
/// </content>
internal sealed partial class Kernels
{
    /// <summary>Rows per register tile of the int8 kernel (6 rows × 2 vectors of 8 columns = 12 accumulators).</summary>
    public const int Int8TileRows = 6;

    /// <summary>Whether the int8 product runs on AVX-VNNI here (else on the plain loops).</summary>
    public bool Vnni => Simd && AvxVnni.IsSupported;

    /// <summary>What the int8 kernel runs on: "AVX-VNNI" or "scalar".</summary>
    public string Int8Description => Vnni ? "AVX-VNNI" : "scalar";

    /// <summary>y[rows, N] = epilogue(x[rows, K] · W + b) with x quantised per row into <paramref name="scratch"/> and W int8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Dense(ReadOnlySpan<float> x, int rows, Int8Weights w, Span<float> y, Epilogue epilogue, QuantizedRows scratch)
    {
        if (x.Length < rows * w.K || y.Length < rows * w.N) throw new ArgumentException($"{w.Name}: buffers too small for {rows} rows.");
        Quantize(x, rows, w.K, scratch);
        DenseInt8(scratch, w, y, epilogue);
    }

    /// <summary>Quantises each row of x[rows, k] to bytes: scale = (max − min) / 255 over the row and 0, zero point = round(−min / scale).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Quantize(ReadOnlySpan<float> x, int rows, int k, QuantizedRows q)
    {
        q.Reset(rows, k);
        bool wide = Simd && Vector512.IsHardwareAccelerated && Avx512F.IsSupported;
        for (int r = 0; r < rows; r++)
        {
            var xr = x.Slice(r * k, k);
            var (lo, hi) = wide ? Range512(xr) : RangePlain(xr);
            float scale = hi > lo ? (hi - lo) / 255f : 1f;
            float inverse = 1f / scale;
            int zero = Math.Clamp((int)MathF.Round(-lo * inverse, MidpointRounding.ToEven), 0, 255);
            q.Scales[r] = scale;
            q.ZeroPoints[r] = zero;
            var dst = q.Values.AsSpan(r * q.Stride, q.Stride);
            int done = wide ? QuantizeRow512(xr, inverse, zero, dst) : 0;
            for (int p = done; p < k; p++) dst[p] = (byte)Math.Clamp((int)MathF.Round(xr[p] * inverse, MidpointRounding.ToEven) + zero, 0, 255);
            dst[k..].Clear(); // the group padding (k % 4 ≠ 0) meets zero weights, but keep it defined
        }
    }

    /// <summary>(min(x, 0), max(x, 0)).</summary>
    private static (float Lo, float Hi) RangePlain(ReadOnlySpan<float> x)
    {
        float lo = 0, hi = 0;
        foreach (var v in x)
        {
            lo = MathF.Min(lo, v);
            hi = MathF.Max(hi, v);
        }
        return (lo, hi);
    }

    /// <summary>(min(x, 0), max(x, 0)) in one pass of 16-lane vectors (two independent pairs of accumulators).</summary>
    /// <remarks>
    /// <c>MinNative</c> / <c>MaxNative</c> are single <c>vminps</c> / <c>vmaxps</c>; <c>Vector512.Min</c> / <c>Max</c> follow
    /// IEEE 754 minimum/maximum (NaN and signed zero rules) with three dependent instructions each. Rows hold no NaN,
    /// and the sign of a zero bound changes neither the scale nor the zero point.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (float Lo, float Hi) Range512(ReadOnlySpan<float> x)
    {
        ref float rx = ref MemoryMarshal.GetReference(x);
        Vector512<float> lo0 = Vector512<float>.Zero, hi0 = Vector512<float>.Zero, lo1 = Vector512<float>.Zero, hi1 = Vector512<float>.Zero;
        int p = 0;
        for (; p + 32 <= x.Length; p += 32)
        {
            var v0 = Vector512.LoadUnsafe(ref rx, (nuint)p);
            var v1 = Vector512.LoadUnsafe(ref rx, (nuint)(p + 16));
            lo0 = Vector512.MinNative(lo0, v0);
            hi0 = Vector512.MaxNative(hi0, v0);
            lo1 = Vector512.MinNative(lo1, v1);
            hi1 = Vector512.MaxNative(hi1, v1);
        }
        for (; p + 16 <= x.Length; p += 16)
        {
            var v = Vector512.LoadUnsafe(ref rx, (nuint)p);
            lo0 = Vector512.MinNative(lo0, v);
            hi0 = Vector512.MaxNative(hi0, v);
        }
        lo0 = Vector512.MinNative(lo0, lo1);
        hi0 = Vector512.MaxNative(hi0, hi1);
        var lo = Vector128.MinNative(Vector256.MinNative(lo0.GetLower(), lo0.GetUpper()).GetLower(), Vector256.MinNative(lo0.GetLower(), lo0.GetUpper()).GetUpper());
        var hi = Vector128.MaxNative(Vector256.MaxNative(hi0.GetLower(), hi0.GetUpper()).GetLower(), Vector256.MaxNative(hi0.GetLower(), hi0.GetUpper()).GetUpper());
        float l = MathF.Min(MathF.Min(lo[0], lo[1]), MathF.Min(lo[2], lo[3]));
        float h = MathF.Max(MathF.Max(hi[0], hi[1]), MathF.Max(hi[2], hi[3]));
        for (; p < x.Length; p++)
        {
            l = MathF.Min(l, x[p]);
            h = MathF.Max(h, x[p]);
        }
        return (l, h);
    }

    /// <summary>Bytes of the first (k / 16) · 16 values of a row, with the plain loop's arithmetic; returns how many it did.</summary>
    /// <remarks>
    /// <c>vcvtps2dq</c> rounds to nearest even (the default MXCSR mode .NET runs with), as <c>MathF.Round(·, ToEven)</c>
    /// does; |x · inverse| ≤ 255 here, so no value is out of the int range. <c>vpmovusdb</c> narrows with unsigned
    /// saturation, which after the max with 0 is the clamp to 0…255.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int QuantizeRow512(ReadOnlySpan<float> x, float inverse, int zero, Span<byte> dst)
    {
        var inv = Vector512.Create(inverse);
        var z = Vector512.Create(zero);
        ref float rx = ref MemoryMarshal.GetReference(x);
        ref byte rd = ref MemoryMarshal.GetReference(dst);
        int p = 0;
        for (; p + 16 <= x.Length; p += 16)
        {
            var rounded = Avx512F.ConvertToVector512Int32(Vector512.LoadUnsafe(ref rx, (nuint)p) * inv);
            var shifted = Vector512.Max(rounded + z, Vector512<int>.Zero);
            Avx512F.ConvertToVector128ByteWithSaturation(shifted.AsUInt32()).StoreUnsafe(ref rd, (nuint)p);
        }
        return p;
    }

    /// <summary>y[q.Rows, N] = epilogue(dequantised int8 product + b).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void DenseInt8(QuantizedRows q, Int8Weights w, Span<float> y, Epilogue epilogue)
    {
        if (q.Stride != w.Groups * Int8Weights.Group) throw new ArgumentException($"{w.Name}: rows of {q.Stride} bytes for {w.Groups} groups.");
        if (y.Length < q.Rows * w.N) throw new ArgumentException($"{w.Name}: output too small for {q.Rows} rows.");
        if (Vnni) DenseVnni(q, w, y, epilogue);
        else DenseInt8Plain(q, w, y, epilogue);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Dequantize(int acc, int zero, int columnSum, float rowScale, float columnScale, float bias) =>
        (float)(acc - zero * columnSum) * (rowScale * columnScale) + bias;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DenseInt8Plain(QuantizedRows q, Int8Weights w, Span<float> y, Epilogue epilogue)
    {
        const int Width = Int8Weights.PanelWidth, Group = Int8Weights.Group;
        int n = w.N, stride = q.Stride, groups = w.Groups;
        Span<int> acc = stackalloc int[Width];
        for (int r = 0; r < q.Rows; r++)
        {
            var xr = q.Values.AsSpan(r * stride, stride);
            for (int panel = 0; panel < n / Width; panel++)
            {
                acc.Clear();
                var pw = w.Values.AsSpan(panel * groups * Width * Group, groups * Width * Group);
                for (int g = 0; g < groups; g++)
                {
                    for (int j = 0; j < Width; j++)
                    {
                        int at = (g * Width + j) * Group;
                        for (int b = 0; b < Group; b++) acc[j] += xr[g * Group + b] * pw[at + b];
                    }
                }
                for (int j = 0; j < Width; j++)
                {
                    int col = panel * Width + j;
                    float v = Dequantize(acc[j], q.ZeroPoints[r], w.ColumnSums[col], q.Scales[r], w.Scales[col], w.Bias[col]);
                    ref float dst = ref y[r * n + col];
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DenseVnni(QuantizedRows q, Int8Weights w, Span<float> y, Epilogue epilogue)
    {
        int n = w.N, stride = q.Stride, groups = w.Groups, panelBytes = groups * Int8Weights.Group * Int8Weights.PanelWidth;
        ref byte rx = ref MemoryMarshal.GetArrayDataReference(q.Values);
        ref float ry = ref MemoryMarshal.GetReference(y);
        ref sbyte rw = ref MemoryMarshal.GetArrayDataReference(w.Values);
        for (int panel = 0; panel < n / Int8Weights.PanelWidth; panel++)
        {
            int col = panel * Int8Weights.PanelWidth;
            var columns = new ColumnVectors(w, col);
            ref sbyte pw = ref Unsafe.Add(ref rw, (nint)panel * panelBytes);
            for (int r = 0; r < q.Rows; r += Int8TileRows)
            {
                TileVnni(ref Unsafe.Add(ref rx, (nint)r * stride), stride, groups, ref pw, q, r, ref Unsafe.Add(ref ry, (nint)r * n + col), n, columns, epilogue);
            }
        }
    }

    /// <summary>One panel's per-column constants as vectors (columns col…col+7 and col+8…col+15).</summary>
    private readonly struct ColumnVectors(Int8Weights w, int col)
    {
        public readonly Vector256<int> Sum0 = Vector256.Create(w.ColumnSums.AsSpan(col, 8)), Sum1 = Vector256.Create(w.ColumnSums.AsSpan(col + 8, 8));
        public readonly Vector256<float> Scale0 = Vector256.Create(w.Scales.AsSpan(col, 8)), Scale1 = Vector256.Create(w.Scales.AsSpan(col + 8, 8));
        public readonly Vector256<float> Bias0 = Vector256.Create(w.Bias.AsSpan(col, 8)), Bias1 = Vector256.Create(w.Bias.AsSpan(col + 8, 8));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreVnni(Vector256<int> acc, Vector256<int> zero, Vector256<int> sums, Vector256<float> rowScale, Vector256<float> scales, Vector256<float> bias, ref float dst, Epilogue epilogue)
    {
        var v = Vector256.ConvertToSingle(acc - zero * sums) * (rowScale * scales) + bias;
        if (epilogue == Epilogue.BiasAccumulate) v += Vector256.LoadUnsafe(ref dst);
        else if (epilogue == Epilogue.BiasRelu) v = Vector256.MaxNative(v, Vector256<float>.Zero); // vmaxps: max(−0, 0) and max(0, 0) both give +0, as MathF.Max
        v.StoreUnsafe(ref dst);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Broadcast(ref byte row, int group) => Vector256.Create(Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref row, group * 4))).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TileVnni(ref byte a, int stride, int groups, ref sbyte w, QuantizedRows q, int firstRow, ref float c, int n, in ColumnVectors columns, Epilogue epilogue)
    {
        Vector256<int> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<int> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        ref byte a1 = ref Unsafe.Add(ref a, stride), a2 = ref Unsafe.Add(ref a, 2 * stride), a3 = ref Unsafe.Add(ref a, 3 * stride);
        ref byte a4 = ref Unsafe.Add(ref a, 4 * stride), a5 = ref Unsafe.Add(ref a, 5 * stride);
        for (int g = 0; g < groups; g++)
        {
            var w0 = Vector256.LoadUnsafe(ref w, (nuint)(g * 64));
            var w1 = Vector256.LoadUnsafe(ref w, (nuint)(g * 64 + 32));
            var x = Broadcast(ref a, g);
            c00 = AvxVnni.MultiplyWideningAndAdd(c00, x, w0); c01 = AvxVnni.MultiplyWideningAndAdd(c01, x, w1);
            x = Broadcast(ref a1, g);
            c10 = AvxVnni.MultiplyWideningAndAdd(c10, x, w0); c11 = AvxVnni.MultiplyWideningAndAdd(c11, x, w1);
            x = Broadcast(ref a2, g);
            c20 = AvxVnni.MultiplyWideningAndAdd(c20, x, w0); c21 = AvxVnni.MultiplyWideningAndAdd(c21, x, w1);
            x = Broadcast(ref a3, g);
            c30 = AvxVnni.MultiplyWideningAndAdd(c30, x, w0); c31 = AvxVnni.MultiplyWideningAndAdd(c31, x, w1);
            x = Broadcast(ref a4, g);
            c40 = AvxVnni.MultiplyWideningAndAdd(c40, x, w0); c41 = AvxVnni.MultiplyWideningAndAdd(c41, x, w1);
            x = Broadcast(ref a5, g);
            c50 = AvxVnni.MultiplyWideningAndAdd(c50, x, w0); c51 = AvxVnni.MultiplyWideningAndAdd(c51, x, w1);
        }
        int valid = Math.Min(Int8TileRows, q.Rows - firstRow);
        StoreRow(c00, c01, q, firstRow, ref c, columns, epilogue);
        if (valid > 1) StoreRow(c10, c11, q, firstRow + 1, ref Unsafe.Add(ref c, n), columns, epilogue);
        if (valid > 2) StoreRow(c20, c21, q, firstRow + 2, ref Unsafe.Add(ref c, 2 * n), columns, epilogue);
        if (valid > 3) StoreRow(c30, c31, q, firstRow + 3, ref Unsafe.Add(ref c, 3 * n), columns, epilogue);
        if (valid > 4) StoreRow(c40, c41, q, firstRow + 4, ref Unsafe.Add(ref c, 4 * n), columns, epilogue);
        if (valid > 5) StoreRow(c50, c51, q, firstRow + 5, ref Unsafe.Add(ref c, 5 * n), columns, epilogue);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(Vector256<int> acc0, Vector256<int> acc1, QuantizedRows q, int row, ref float dst, in ColumnVectors columns, Epilogue epilogue)
    {
        var zero = Vector256.Create(q.ZeroPoints[row]);
        var scale = Vector256.Create(q.Scales[row]);
        StoreVnni(acc0, zero, columns.Sum0, scale, columns.Scale0, columns.Bias0, ref dst, epilogue);
        StoreVnni(acc1, zero, columns.Sum1, scale, columns.Scale1, columns.Bias1, ref Unsafe.Add(ref dst, 8), epilogue);
    }
}
