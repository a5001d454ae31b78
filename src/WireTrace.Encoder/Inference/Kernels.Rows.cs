using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WireTrace.Encoder.Inference;

/// <content>
/// The row operations of the forward pass written out on <see cref="Vector512"/> (used where it is accelerated):
/// one pass where a chain of <c>TensorPrimitives</c> calls makes several (layer norm, the first-layer table rows),
/// four independent accumulators for the reductions, and every method compiled fully optimised on its first call
/// (<see cref="MethodImplOptions.AggressiveOptimization"/>). The last point matters for a run of a few seconds: the
/// library's generic row methods start as unoptimised tier-0 code and are recompiled only after the process has
/// stopped compiling new methods for a while, which on a fresh process is well into the encoding.
/// Each method computes the formula of its plain counterpart in <see cref="Kernels"/>; only the float rounding
/// (summation order, fused multiply-adds) differs.
/// </content>
internal sealed partial class Kernels
{
    /// <summary>Whether the row operations run on the hand-written <see cref="Vector512"/> loops.</summary>
    private bool Wide => Simd && Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    /// <summary>Σ x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Sum512(ReadOnlySpan<float> x)
    {
        ref float r = ref MemoryMarshal.GetReference(x);
        Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
        int p = 0;
        for (; p + 64 <= x.Length; p += 64)
        {
            a0 += Vector512.LoadUnsafe(ref r, (nuint)p);
            a1 += Vector512.LoadUnsafe(ref r, (nuint)(p + 16));
            a2 += Vector512.LoadUnsafe(ref r, (nuint)(p + 32));
            a3 += Vector512.LoadUnsafe(ref r, (nuint)(p + 48));
        }
        for (; p + 16 <= x.Length; p += 16) a0 += Vector512.LoadUnsafe(ref r, (nuint)p);
        float sum = Vector512.Sum((a0 + a1) + (a2 + a3));
        for (; p < x.Length; p++) sum += x[p];
        return sum;
    }

    /// <summary>Σ (x − shift)².</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float SquaredDeviations512(ReadOnlySpan<float> x, float shift)
    {
        ref float r = ref MemoryMarshal.GetReference(x);
        var m = Vector512.Create(shift);
        Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
        int p = 0;
        for (; p + 64 <= x.Length; p += 64)
        {
            var d0 = Vector512.LoadUnsafe(ref r, (nuint)p) - m;
            var d1 = Vector512.LoadUnsafe(ref r, (nuint)(p + 16)) - m;
            var d2 = Vector512.LoadUnsafe(ref r, (nuint)(p + 32)) - m;
            var d3 = Vector512.LoadUnsafe(ref r, (nuint)(p + 48)) - m;
            a0 = Vector512.FusedMultiplyAdd(d0, d0, a0);
            a1 = Vector512.FusedMultiplyAdd(d1, d1, a1);
            a2 = Vector512.FusedMultiplyAdd(d2, d2, a2);
            a3 = Vector512.FusedMultiplyAdd(d3, d3, a3);
        }
        for (; p + 16 <= x.Length; p += 16)
        {
            var d = Vector512.LoadUnsafe(ref r, (nuint)p) - m;
            a0 = Vector512.FusedMultiplyAdd(d, d, a0);
        }
        float sum = Vector512.Sum((a0 + a1) + (a2 + a3));
        for (; p < x.Length; p++) sum += (x[p] - shift) * (x[p] - shift);
        return sum;
    }

    /// <summary>y = (x − mean) · rs · scale + bias, one pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Normalize512(ReadOnlySpan<float> x, float mean, float rs, ReadOnlySpan<float> scale, ReadOnlySpan<float> bias, Span<float> y)
    {
        ref float rx = ref MemoryMarshal.GetReference(x);
        ref float rg = ref MemoryMarshal.GetReference(scale);
        ref float rb = ref MemoryMarshal.GetReference(bias);
        ref float ry = ref MemoryMarshal.GetReference(y);
        var m = Vector512.Create(mean);
        var s = Vector512.Create(rs);
        int p = 0;
        for (; p + 16 <= x.Length; p += 16)
        {
            var v = (Vector512.LoadUnsafe(ref rx, (nuint)p) - m) * s;
            Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref rg, (nuint)p), Vector512.LoadUnsafe(ref rb, (nuint)p)).StoreUnsafe(ref ry, (nuint)p);
        }
        for (; p < x.Length; p++) y[p] = (x[p] - mean) * rs * scale[p] + bias[p];
    }

    /// <summary>dst = x · a + addend.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyAdd512(ReadOnlySpan<float> x, float a, ReadOnlySpan<float> addend, Span<float> dst)
    {
        ref float rx = ref MemoryMarshal.GetReference(x);
        ref float rc = ref MemoryMarshal.GetReference(addend);
        ref float rd = ref MemoryMarshal.GetReference(dst);
        var va = Vector512.Create(a);
        int p = 0;
        for (; p + 16 <= x.Length; p += 16)
        {
            Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref rx, (nuint)p), va, Vector512.LoadUnsafe(ref rc, (nuint)p)).StoreUnsafe(ref rd, (nuint)p);
        }
        for (; p < x.Length; p++) dst[p] = x[p] * a + addend[p];
    }

    /// <summary>y += x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Add512(ReadOnlySpan<float> x, Span<float> y)
    {
        ref float rx = ref MemoryMarshal.GetReference(x);
        ref float ry = ref MemoryMarshal.GetReference(y);
        int p = 0;
        for (; p + 16 <= x.Length; p += 16) (Vector512.LoadUnsafe(ref ry, (nuint)p) + Vector512.LoadUnsafe(ref rx, (nuint)p)).StoreUnsafe(ref ry, (nuint)p);
        for (; p < x.Length; p++) y[p] += x[p];
    }

    /// <summary>y = x · a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scale512(ReadOnlySpan<float> x, float a, Span<float> y)
    {
        ref float rx = ref MemoryMarshal.GetReference(x);
        ref float ry = ref MemoryMarshal.GetReference(y);
        var va = Vector512.Create(a);
        int p = 0;
        for (; p + 16 <= x.Length; p += 16) (Vector512.LoadUnsafe(ref rx, (nuint)p) * va).StoreUnsafe(ref ry, (nuint)p);
        for (; p < x.Length; p++) y[p] = x[p] * a;
    }

    /// <summary>In-place softmax: exp(x − max) / Σ, the plain form's steps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Softmax512(Span<float> row)
    {
        ref float r = ref MemoryMarshal.GetReference(row);
        int full = row.Length & ~15;
        var vmax = Vector512.Create(float.NegativeInfinity);
        for (int p = 0; p < full; p += 16) vmax = Vector512.MaxNative(vmax, Vector512.LoadUnsafe(ref r, (nuint)p));
        float max = HorizontalMax(vmax);
        for (int p = full; p < row.Length; p++) max = MathF.Max(max, row[p]);
        var m = Vector512.Create(max);
        var vsum = Vector512<float>.Zero;
        for (int p = 0; p < full; p += 16)
        {
            var e = Exp512(Vector512.LoadUnsafe(ref r, (nuint)p) - m);
            e.StoreUnsafe(ref r, (nuint)p);
            vsum += e;
        }
        float sum = Vector512.Sum(vsum);
        for (int p = full; p < row.Length; p++)
        {
            row[p] = MathF.Exp(row[p] - max);
            sum += row[p];
        }
        var s = Vector512.Create(sum);
        for (int p = 0; p < full; p += 16) (Vector512.LoadUnsafe(ref r, (nuint)p) / s).StoreUnsafe(ref r, (nuint)p);
        for (int p = full; p < row.Length; p++) row[p] /= sum;
    }

    /// <summary>dst = e + (e + t): a row's input, the embedding added to itself plus the timing signal as the graph adds them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EmbeddingRow(ReadOnlySpan<float> e, ReadOnlySpan<float> t, Span<float> dst)
    {
        int p = 0;
        if (Wide)
        {
            ref float re = ref MemoryMarshal.GetReference(e);
            ref float rt = ref MemoryMarshal.GetReference(t);
            ref float rd = ref MemoryMarshal.GetReference(dst);
            for (; p + 16 <= e.Length; p += 16)
            {
                var v = Vector512.LoadUnsafe(ref re, (nuint)p);
                (v + (v + Vector512.LoadUnsafe(ref rt, (nuint)p))).StoreUnsafe(ref rd, (nuint)p);
            }
        }
        for (; p < e.Length; p++) dst[p] = e[p] + (e[p] + t[p]);
    }

    /// <summary>
    /// One row of a tabulated product with a layer norm folded in (<see cref="FirstLayerTables"/>):
    /// dst = ((2·byPiece + byPosition) − mean·sums) · inverse + offset, as three multiply-adds in that order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void NormalizedTableRow(ReadOnlySpan<float> byPiece, ReadOnlySpan<float> byPosition, ReadOnlySpan<float> sums, float mean, float inverse, ReadOnlySpan<float> offset, Span<float> dst)
    {
        if (!Wide)
        {
            MultiplyAdd(byPiece, 2f, byPosition, dst);
            MultiplyAdd(sums, -mean, dst, dst);
            MultiplyAdd(dst, inverse, offset, dst);
            return;
        }
        ref float ra = ref MemoryMarshal.GetReference(byPiece);
        ref float rb = ref MemoryMarshal.GetReference(byPosition);
        ref float rs = ref MemoryMarshal.GetReference(sums);
        ref float ro = ref MemoryMarshal.GetReference(offset);
        ref float rd = ref MemoryMarshal.GetReference(dst);
        var two = Vector512.Create(2f);
        var m = Vector512.Create(-mean);
        var inv = Vector512.Create(inverse);
        int p = 0;
        for (; p + 16 <= dst.Length; p += 16)
        {
            var v = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref ra, (nuint)p), two, Vector512.LoadUnsafe(ref rb, (nuint)p));
            v = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref rs, (nuint)p), m, v);
            Vector512.FusedMultiplyAdd(v, inv, Vector512.LoadUnsafe(ref ro, (nuint)p)).StoreUnsafe(ref rd, (nuint)p);
        }
        for (; p < dst.Length; p++) dst[p] = ((byPiece[p] * 2f + byPosition[p]) + sums[p] * -mean) * inverse + offset[p];
    }

    /// <summary>One row of a tabulated product: dst = (2·byPiece + byPosition) + bias.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void TableRow(ReadOnlySpan<float> byPiece, ReadOnlySpan<float> byPosition, ReadOnlySpan<float> bias, Span<float> dst)
    {
        if (!Wide)
        {
            MultiplyAdd(byPiece, 2f, byPosition, dst);
            Add(bias, dst);
            return;
        }
        ref float ra = ref MemoryMarshal.GetReference(byPiece);
        ref float rb = ref MemoryMarshal.GetReference(byPosition);
        ref float rc = ref MemoryMarshal.GetReference(bias);
        ref float rd = ref MemoryMarshal.GetReference(dst);
        var two = Vector512.Create(2f);
        int p = 0;
        for (; p + 16 <= dst.Length; p += 16)
        {
            (Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref ra, (nuint)p), two, Vector512.LoadUnsafe(ref rb, (nuint)p)) + Vector512.LoadUnsafe(ref rc, (nuint)p)).StoreUnsafe(ref rd, (nuint)p);
        }
        for (; p < dst.Length; p++) dst[p] = (byPiece[p] * 2f + byPosition[p]) + bias[p];
    }

    /// <summary>row = exp(row − max(row)) in place (whole vectors: the length is a multiple of 16); returns Σ row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float ExponentiateShifted512(Span<float> row)
    {
        ref float r = ref MemoryMarshal.GetReference(row);
        var vmax = Vector512.Create(float.NegativeInfinity);
        for (int p = 0; p < row.Length; p += 16) vmax = Vector512.MaxNative(vmax, Vector512.LoadUnsafe(ref r, (nuint)p));
        var m = Vector512.Create(HorizontalMax(vmax));
        var vsum = Vector512<float>.Zero;
        for (int p = 0; p < row.Length; p += 16)
        {
            var e = Exp512(Vector512.LoadUnsafe(ref r, (nuint)p) - m);
            e.StoreUnsafe(ref r, (nuint)p);
            vsum += e;
        }
        return Vector512.Sum(vsum);
    }

    /// <summary>
    /// e^x for x ≤ 0 (softmax arguments), within a few ulp of <see cref="MathF.Exp"/>, in ~12 instructions:
    /// x = n·ln 2 + r with |r| ≤ ln 2 / 2 (ln 2 split in two for an exact reduction), e^r by the degree-7 Taylor-like
    /// polynomial of Cephes' <c>expf</c>, and 2^n applied with <c>vscalefps</c>, which flushes to 0 for very negative x
    /// (−∞ included). <see cref="Vector512.Exp(Vector512{float})"/> computes in double precision and costs several times more.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<float> Exp512(Vector512<float> x)
    {
        x = Vector512.MaxNative(x, Vector512.Create(-104f)); // below e^−104 the result is 0 in float (and −∞ becomes finite)
        var n = Vector512.Round(x * Vector512.Create(1.44269504088896341f));
        var r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-0.693359375f), x);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(2.12194440e-4f), r);
        var p = Vector512.Create(1.9875691500E-4f);
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.3981999507E-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(8.3334519073E-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(4.1665795894E-2f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.6666665459E-1f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(5.0000001201E-1f));
        p = Vector512.FusedMultiplyAdd(p, r * r, r + Vector512<float>.One);
        return Avx512F.Scale(p, n);
    }

    /// <summary>The largest lane (no NaN expected), by halving with <c>vmaxps</c>.</summary>
    private static float HorizontalMax(Vector512<float> v)
    {
        var half = Vector256.MaxNative(v.GetLower(), v.GetUpper());
        var quarter = Vector128.MaxNative(half.GetLower(), half.GetUpper());
        return MathF.Max(MathF.Max(quarter[0], quarter[1]), MathF.Max(quarter[2], quarter[3]));
    }
}
