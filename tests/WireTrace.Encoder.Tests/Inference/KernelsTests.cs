using WireTrace.Encoder.Inference;

namespace WireTrace.Encoder.Tests.Inference;

/// <summary>The SIMD kernels against the plain ones and against a direct row-major product (no model needed).</summary>
public sealed class KernelsTests
{
    private static float[] Random(int n, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 2 - 1))];
    }

    [Theory]
    [InlineData(1, 64, 32)]
    [InlineData(7, 256, 768)]
    [InlineData(8, 512, 64)]
    [InlineData(19, 96, 160)]
    [InlineData(33, 512, 1536)]
    public void Dense_SIMD_and_plain_agree_with_the_row_major_product_for_every_epilogue(int rows, int k, int n)
    {
        var x = Random(rows * k, 1);
        var w = Random(k * n, 2);
        var packed = new PackedWeights("test", w, k, n, Random(n, 3));
        var existing = Random(rows * n, 4);
        foreach (var epilogue in Enum.GetValues<Epilogue>())
        {
            var simd = (float[])existing.Clone();
            var plain = (float[])existing.Clone();
            Kernels.Vectorized.Dense(x, rows, packed, simd, epilogue);
            Kernels.Plain.Dense(x, rows, packed, plain, epilogue);
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double sum = packed.Bias[j];
                    for (int p = 0; p < k; p++) sum += (double)x[i * k + p] * w[p * n + j];
                    double expected = epilogue switch
                    {
                        Epilogue.BiasRelu => Math.Max(sum, 0),
                        Epilogue.BiasAccumulate => sum + existing[i * n + j],
                        _ => sum,
                    };
                    double tolerance = 1e-4 * Math.Sqrt(k);
                    Assert.True(Math.Abs(simd[i * n + j] - expected) < tolerance, $"{epilogue} simd [{i},{j}] {simd[i * n + j]} vs {expected}");
                    Assert.True(Math.Abs(plain[i * n + j] - expected) < tolerance, $"{epilogue} plain [{i},{j}] {plain[i * n + j]} vs {expected}");
                }
            }
        }
    }

    [Fact]
    public void Packing_keeps_every_weight_in_place()
    {
        var w = Random(40 * 96, 5);
        var packed = new PackedWeights("test", w, 40, 96, new float[96]);
        for (int p = 0; p < 40; p++) for (int j = 0; j < 96; j++) Assert.Equal(w[p * 96 + j], packed.At(p, j));
        Assert.Throws<NotSupportedException>(() => new PackedWeights("odd", new float[40 * 30], 40, 30, new float[30]));
    }

    [Fact]
    public void Layer_norm_softmax_and_row_helpers_agree_between_SIMD_and_plain()
    {
        int rows = 5, d = 96;
        var x = Random(rows * d, 6);
        var scale = Random(d, 7);
        var bias = Random(d, 8);
        var simd = new float[rows * d];
        var plain = new float[rows * d];
        Kernels.Vectorized.LayerNorm(x, rows, d, scale, bias, 1e-6f, simd);
        Kernels.Plain.LayerNorm(x, rows, d, scale, bias, 1e-6f, plain);
        for (int i = 0; i < simd.Length; i++) Assert.Equal(plain[i], simd[i], 4);
        // Row 0 normalised by hand: (x - mean) / sqrt(var + eps) * scale + bias.
        double mean = x.Take(d).Average(v => (double)v), variance = x.Take(d).Average(v => (v - mean) * (v - mean));
        for (int i = 0; i < d; i++) Assert.Equal((x[i] - mean) / Math.Sqrt(variance + 1e-6) * scale[i] + bias[i], plain[i], 4);

        var a = Random(13, 9);
        var b = (float[])a.Clone();
        Kernels.Vectorized.Softmax(a);
        Kernels.Plain.Softmax(b);
        for (int i = 0; i < a.Length; i++) Assert.True(Math.Abs(b[i] - a[i]) < 1e-6, $"softmax [{i}] {a[i]} vs {b[i]}");
        Assert.Equal(1.0, b.Sum(v => (double)v), 5);
        Assert.Equal(Kernels.Plain.Dot(x.AsSpan(0, d), x.AsSpan(d, d)), Kernels.Vectorized.Dot(x.AsSpan(0, d), x.AsSpan(d, d)), 4);
    }
    [Fact]
    public void Vector512_exp_is_within_a_few_ulp_of_MathF_Exp_and_zero_at_minus_infinity()
    {
        if (!System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated || !System.Runtime.Intrinsics.X86.Avx512F.IsSupported) return; // nothing to compare on this CPU
        var xs = Enumerable.Range(0, 20_001).Select(i => -100f * i / 20_000f).Concat([-0.5f, -1e-6f, 0f, -87.3f, -103.9f]).ToArray();
        double worst = 0;
        for (int i = 0; i + 16 <= xs.Length; i += 16)
        {
            var e = Kernels.Exp512(System.Runtime.Intrinsics.Vector512.Create(xs.AsSpan(i, 16)));
            for (int j = 0; j < 16; j++)
            {
                double expected = Math.Exp(xs[i + j]);
                if (expected < 1e-37) continue; // denormal range: only the absolute error matters there
                worst = Math.Max(worst, Math.Abs(e[j] - expected) / expected);
            }
        }
        Assert.True(worst < 5e-7, $"worst relative error {worst:E2}");
        var tail = Kernels.Exp512(System.Runtime.Intrinsics.Vector512.Create(float.NegativeInfinity));
        Assert.Equal(0f, tail[0]);
        Assert.Equal(1f, Kernels.Exp512(System.Runtime.Intrinsics.Vector512<float>.Zero)[0]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(29)]
    [InlineData(70)]
    public void Softmax_SIMD_and_plain_agree_on_rows_with_a_vector_tail(int n)
    {
        var a = Random(n, 12).Select(v => v * 20).ToArray();
        var b = (float[])a.Clone();
        Kernels.Vectorized.Softmax(a);
        Kernels.Plain.Softmax(b);
        for (int i = 0; i < n; i++) Assert.True(Math.Abs(b[i] - a[i]) < 1e-6, $"softmax [{i}] {a[i]} vs {b[i]}");
        Assert.Equal(1.0, a.Sum(v => (double)v), 5);
    }
}
