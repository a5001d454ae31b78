using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace WireTrace.Encoder.Inference;

/// <content>
/// Scaled dot-product attention of one sentence for one head. The plain form and the form without 512-bit vectors
/// work row by row (scaled query · each key, softmax, weighted sum of the values, one <see cref="TensorPrimitives"/>
/// call per pair); with <see cref="Vector512"/> the keys are first transposed so that a query's scores against all
/// keys are 16-wide fused multiply-adds, and the weighted sum of values keeps the head's output rows in registers,
/// four query rows at a time: a sentence of 30 pieces is ~1,800 small calls fewer per head.
/// </content>
internal sealed partial class Kernels
{
    /// <summary>Scratch floats <see cref="AttentionHead"/> needs for n rows and head width dh.</summary>
    public static int AttentionScratch(int n, int dh) => dh * RoundUp16(n) + AttentionRows * RoundUp16(n) + dh;

    /// <summary>
    /// For rows i of one sentence (rows start…start+n−1 of <paramref name="qkv"/>, whose query, key and value of this
    /// head start at columns q, k and v): out_i = Σ_j softmax_j(scale · q_i·k_j) v_j, written to
    /// <paramref name="output"/> row start+i at column <paramref name="outColumn"/> (the old values are overwritten).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AttentionHead(ReadOnlySpan<float> qkv, int stride, int start, int n, int q, int k, int v, int dh, float scale,
        Span<float> output, int outStride, int outColumn, Span<float> scratch)
    {
        if (scratch.Length < AttentionScratch(n, dh)) throw new ArgumentException("Attention scratch too small.", nameof(scratch));
        if (Wide && dh % 64 == 0)
        {
            AttentionHead512(qkv, stride, start, n, q, k, v, dh, scale, output, outStride, outColumn, scratch);
            return;
        }
        var scores = scratch[..n];
        var query = scratch.Slice(n, dh);
        for (int i = 0; i < n; i++)
        {
            Scale(qkv.Slice((start + i) * stride + q, dh), scale, query);
            for (int j = 0; j < n; j++) scores[j] = Dot(query, qkv.Slice((start + j) * stride + k, dh));
            Softmax(scores);
            var target = output.Slice((start + i) * outStride + outColumn, dh);
            target.Clear();
            for (int j = 0; j < n; j++) AddScaled(qkv.Slice((start + j) * stride + v, dh), scores[j], target);
        }
    }

    private static int RoundUp16(int n) => (n + 15) & ~15;

    /// <summary>Query rows per step of <see cref="AttentionHead512"/>.</summary>
    private const int AttentionRows = 4;

    /// <remarks>
    /// Four query rows at a time (the last rows repeated when n is not a multiple of 4; repeats compute the same values):
    /// their scores share the key loads — two blocks of 16 keys × 4 rows = 8 independent accumulator chains, one key
    /// load per 4 fused multiply-adds — and their outputs share the value loads (16 accumulators). The softmax is left
    /// unnormalised (exp(s − max), padding columns at −∞ give 0) and 1/Σ is applied to the output rows instead.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AttentionHead512(ReadOnlySpan<float> qkv, int stride, int start, int n, int q, int k, int v, int dh, float scale,
        Span<float> output, int outStride, int outColumn, Span<float> scratch)
    {
        int padded = RoundUp16(n);
        var keys = scratch[..(dh * padded)]; // keys[d, j] = k_j[d], zero for j ≥ n
        ref float rk = ref MemoryMarshal.GetReference(keys);
        ref float rqkv = ref MemoryMarshal.GetReference(qkv);
        ref float rout = ref MemoryMarshal.GetReference(output);
        for (int d = 0; d < dh; d++) keys.Slice(d * padded + n, padded - n).Clear();
        for (int j = 0; j < n; j++)
        {
            ref float key = ref Unsafe.Add(ref rqkv, (nint)(start + j) * stride + k);
            for (int d = 0; d < dh; d++) Unsafe.Add(ref rk, (nint)d * padded + j) = Unsafe.Add(ref key, d);
        }
        var scores = scratch.Slice(dh * padded, AttentionRows * padded); // row r of the step at r · padded
        ref float rs = ref MemoryMarshal.GetReference(scores);
        var vscale = Vector512.Create(scale);
        for (int i = 0; i < n; i += AttentionRows)
        {
            int i1 = Math.Min(i + 1, n - 1), i2 = Math.Min(i + 2, n - 1), i3 = Math.Min(i + 3, n - 1);
            ref float q0 = ref Unsafe.Add(ref rqkv, (nint)(start + i) * stride + q);
            ref float q1 = ref Unsafe.Add(ref rqkv, (nint)(start + i1) * stride + q);
            ref float q2 = ref Unsafe.Add(ref rqkv, (nint)(start + i2) * stride + q);
            ref float q3 = ref Unsafe.Add(ref rqkv, (nint)(start + i3) * stride + q);
            int b = 0;
            for (; b + 32 <= padded; b += 32)
            {
                Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default, t0 = default, t1 = default, t2 = default, t3 = default;
                for (int d = 0; d < dh; d++)
                {
                    var k0 = Vector512.LoadUnsafe(ref rk, (nuint)(d * padded + b));
                    var k1 = Vector512.LoadUnsafe(ref rk, (nuint)(d * padded + b + 16));
                    var x = Vector512.Create(Unsafe.Add(ref q0, d));
                    s0 = Vector512.FusedMultiplyAdd(x, k0, s0); t0 = Vector512.FusedMultiplyAdd(x, k1, t0);
                    x = Vector512.Create(Unsafe.Add(ref q1, d));
                    s1 = Vector512.FusedMultiplyAdd(x, k0, s1); t1 = Vector512.FusedMultiplyAdd(x, k1, t1);
                    x = Vector512.Create(Unsafe.Add(ref q2, d));
                    s2 = Vector512.FusedMultiplyAdd(x, k0, s2); t2 = Vector512.FusedMultiplyAdd(x, k1, t2);
                    x = Vector512.Create(Unsafe.Add(ref q3, d));
                    s3 = Vector512.FusedMultiplyAdd(x, k0, s3); t3 = Vector512.FusedMultiplyAdd(x, k1, t3);
                }
                (s0 * vscale).StoreUnsafe(ref rs, (nuint)b); (t0 * vscale).StoreUnsafe(ref rs, (nuint)(b + 16));
                (s1 * vscale).StoreUnsafe(ref rs, (nuint)(padded + b)); (t1 * vscale).StoreUnsafe(ref rs, (nuint)(padded + b + 16));
                (s2 * vscale).StoreUnsafe(ref rs, (nuint)(2 * padded + b)); (t2 * vscale).StoreUnsafe(ref rs, (nuint)(2 * padded + b + 16));
                (s3 * vscale).StoreUnsafe(ref rs, (nuint)(3 * padded + b)); (t3 * vscale).StoreUnsafe(ref rs, (nuint)(3 * padded + b + 16));
            }
            if (b < padded) // one block of 16 keys left: even and odd d in separate chains
            {
                Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default, t0 = default, t1 = default, t2 = default, t3 = default;
                for (int d = 0; d < dh; d += 2)
                {
                    var k0 = Vector512.LoadUnsafe(ref rk, (nuint)(d * padded + b));
                    var k1 = Vector512.LoadUnsafe(ref rk, (nuint)((d + 1) * padded + b));
                    s0 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q0, d)), k0, s0); t0 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q0, d + 1)), k1, t0);
                    s1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q1, d)), k0, s1); t1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q1, d + 1)), k1, t1);
                    s2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q2, d)), k0, s2); t2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q2, d + 1)), k1, t2);
                    s3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q3, d)), k0, s3); t3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref q3, d + 1)), k1, t3);
                }
                ((s0 + t0) * vscale).StoreUnsafe(ref rs, (nuint)b);
                ((s1 + t1) * vscale).StoreUnsafe(ref rs, (nuint)(padded + b));
                ((s2 + t2) * vscale).StoreUnsafe(ref rs, (nuint)(2 * padded + b));
                ((s3 + t3) * vscale).StoreUnsafe(ref rs, (nuint)(3 * padded + b));
            }
            // the padding columns (zero keys) get −∞, so the exponentials run on whole vectors and give them weight 0
            var inverse = Vector128<float>.Zero;
            for (int r = 0; r < AttentionRows; r++)
            {
                var row = scores.Slice(r * padded, padded);
                row[n..].Fill(float.NegativeInfinity);
                inverse = inverse.WithElement(r, 1f / ExponentiateShifted512(row));
            }
            ref float w0 = ref rs;
            ref float w1 = ref Unsafe.Add(ref rs, padded);
            ref float w2 = ref Unsafe.Add(ref rs, 2 * padded);
            ref float w3 = ref Unsafe.Add(ref rs, 3 * padded);
            ref float o0 = ref Unsafe.Add(ref rout, (nint)(start + i) * outStride + outColumn);
            ref float o1 = ref Unsafe.Add(ref rout, (nint)(start + i1) * outStride + outColumn);
            ref float o2 = ref Unsafe.Add(ref rout, (nint)(start + i2) * outStride + outColumn);
            ref float o3 = ref Unsafe.Add(ref rout, (nint)(start + i3) * outStride + outColumn);
            for (int c = 0; c < dh; c += 64)
            {
                Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default, b0 = default, b1 = default, b2 = default, b3 = default;
                Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, e0 = default, e1 = default, e2 = default, e3 = default;
                ref float values = ref Unsafe.Add(ref rqkv, (nint)start * stride + v + c);
                for (int j = 0; j < n; j++)
                {
                    ref float row = ref Unsafe.Add(ref values, (nint)j * stride);
                    var v0 = Vector512.LoadUnsafe(ref row);
                    var v1 = Vector512.LoadUnsafe(ref row, 16);
                    var v2 = Vector512.LoadUnsafe(ref row, 32);
                    var v3 = Vector512.LoadUnsafe(ref row, 48);
                    var x = Vector512.Create(Unsafe.Add(ref w0, j));
                    a0 = Vector512.FusedMultiplyAdd(x, v0, a0); a1 = Vector512.FusedMultiplyAdd(x, v1, a1); a2 = Vector512.FusedMultiplyAdd(x, v2, a2); a3 = Vector512.FusedMultiplyAdd(x, v3, a3);
                    x = Vector512.Create(Unsafe.Add(ref w1, j));
                    b0 = Vector512.FusedMultiplyAdd(x, v0, b0); b1 = Vector512.FusedMultiplyAdd(x, v1, b1); b2 = Vector512.FusedMultiplyAdd(x, v2, b2); b3 = Vector512.FusedMultiplyAdd(x, v3, b3);
                    x = Vector512.Create(Unsafe.Add(ref w2, j));
                    c0 = Vector512.FusedMultiplyAdd(x, v0, c0); c1 = Vector512.FusedMultiplyAdd(x, v1, c1); c2 = Vector512.FusedMultiplyAdd(x, v2, c2); c3 = Vector512.FusedMultiplyAdd(x, v3, c3);
                    x = Vector512.Create(Unsafe.Add(ref w3, j));
                    e0 = Vector512.FusedMultiplyAdd(x, v0, e0); e1 = Vector512.FusedMultiplyAdd(x, v1, e1); e2 = Vector512.FusedMultiplyAdd(x, v2, e2); e3 = Vector512.FusedMultiplyAdd(x, v3, e3);
                }
                // repeated last rows hold the same values, so the order of these stores does not matter
                StoreScaled(a0, a1, a2, a3, inverse.GetElement(0), ref Unsafe.Add(ref o0, c));
                StoreScaled(b0, b1, b2, b3, inverse.GetElement(1), ref Unsafe.Add(ref o1, c));
                StoreScaled(c0, c1, c2, c3, inverse.GetElement(2), ref Unsafe.Add(ref o2, c));
                StoreScaled(e0, e1, e2, e3, inverse.GetElement(3), ref Unsafe.Add(ref o3, c));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreScaled(Vector512<float> x0, Vector512<float> x1, Vector512<float> x2, Vector512<float> x3, float factor, ref float dst)
    {
        var f = Vector512.Create(factor);
        (x0 * f).StoreUnsafe(ref dst);
        (x1 * f).StoreUnsafe(ref dst, 16);
        (x2 * f).StoreUnsafe(ref dst, 32);
        (x3 * f).StoreUnsafe(ref dst, 48);
    }
}
