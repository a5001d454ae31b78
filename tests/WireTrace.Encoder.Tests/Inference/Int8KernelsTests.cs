using WireTrace.Encoder.Inference;

namespace WireTrace.Encoder.Tests.Inference;

/// <summary>
/// The int8 path without the model: weight packing and scales, per-row activation quantisation, the VNNI product
/// against the plain one (identical bits) and against the exact product of the dequantised operands, the error bound
/// against the float product, and the Vector512 attention head against the row-by-row one.
/// </summary>
public sealed class Int8KernelsTests
{
    private static float[] Random(int n, int seed, float scale = 1f)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 2 - 1) * scale)];
    }

    [Theory]
    [InlineData(40, 48)]
    [InlineData(30, 16)] // k not a multiple of 4: the group padding is zero
    public void Weights_are_packed_once_each_with_per_column_scales_and_sums(int k, int n)
    {
        var w = Random(k * n, 1);
        w[5 * n + 3] = 0; // a column whose largest weight is elsewhere
        var packed = new Int8Weights("test", w, k, n, new float[n]);
        var seen = new HashSet<int>();
        for (int p = 0; p < k; p++)
        {
            for (int j = 0; j < n; j++)
            {
                Assert.True(seen.Add(packed.IndexOf(p, j)), $"[{p},{j}] shares a slot");
                Assert.True(Math.Abs(packed.At(p, j) - w[p * n + j]) <= packed.Scales[j] / 2 + 1e-7, $"[{p},{j}] {packed.At(p, j)} vs {w[p * n + j]}");
            }
        }
        for (int j = 0; j < n; j++)
        {
            float max = Enumerable.Range(0, k).Max(p => Math.Abs(w[p * n + j]));
            Assert.Equal(max / 127f, packed.Scales[j], 6);
            Assert.Equal(Enumerable.Range(0, k).Sum(p => (int)packed.Values[packed.IndexOf(p, j)]), packed.ColumnSums[j]);
        }
        for (int slot = 0; slot < packed.Values.Length; slot++) if (!seen.Contains(slot)) Assert.Equal(0, packed.Values[slot]); // group padding
        Assert.Throws<NotSupportedException>(() => new Int8Weights("odd", new float[4 * 20], 4, 20, new float[20]));
    }

    [Fact]
    public void Rows_are_quantised_within_half_a_step_with_zero_exact_and_both_paths_give_the_same_bytes()
    {
        int rows = 9, k = 102; // k not a multiple of 64 or 4: the vector loop's tail and the group padding
        var x = Random(rows * k, 2, 3f);
        for (int p = 0; p < k; p++) x[4 * k + p] = Math.Abs(x[4 * k + p]); // a ReLU-like row: min is 0
        Array.Clear(x, 6 * k, k); // an all-zero row
        x[2 * k + 7] = 0;
        var simd = new QuantizedRows();
        var plain = new QuantizedRows();
        Kernels.Vectorized.Quantize(x, rows, k, simd);
        Kernels.Plain.Quantize(x, rows, k, plain);
        Assert.Equal(104, simd.Stride);
        Assert.Equal(plain.Values.Take(QuantizedRows.PaddedRows(rows) * simd.Stride), simd.Values.Take(QuantizedRows.PaddedRows(rows) * simd.Stride));
        Assert.Equal(plain.ZeroPoints.Take(rows), simd.ZeroPoints.Take(rows));
        Assert.Equal(plain.Scales.Take(rows), simd.Scales.Take(rows));
        for (int r = 0; r < rows; r++)
        {
            for (int p = 0; p < k; p++)
            {
                float back = (simd.Values[r * simd.Stride + p] - simd.ZeroPoints[r]) * simd.Scales[r];
                Assert.True(Math.Abs(back - x[r * k + p]) <= simd.Scales[r] * 0.5f + 1e-6f, $"[{r},{p}] {back} vs {x[r * k + p]}");
            }
            for (int p = k; p < simd.Stride; p++) Assert.Equal(0, simd.Values[r * simd.Stride + p]);
        }
        Assert.Equal(simd.ZeroPoints[2], simd.Values[2 * simd.Stride + 7]);
        Assert.Equal(0, simd.ZeroPoints[4]);
        Assert.All(simd.Values.Skip(6 * simd.Stride).Take(k), b => Assert.Equal(0, b));
        Assert.All(simd.Values.Skip(rows * simd.Stride).Take((QuantizedRows.PaddedRows(rows) - rows) * simd.Stride), b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData(1, 64, 16)]
    [InlineData(7, 256, 768)]
    [InlineData(13, 512, 64)]
    [InlineData(33, 1536, 32)]
    [InlineData(6, 30, 48)]
    public void Int8_product_VNNI_equals_plain_and_the_exact_dequantised_product_for_every_epilogue(int rows, int k, int n)
    {
        var x = Random(rows * k, 3, 2f);
        var w = Random(k * n, 4, 0.1f);
        var weights = new Int8Weights("test", w, k, n, Random(n, 5));
        var existing = Random(rows * n, 6);
        var q = new QuantizedRows();
        Kernels.Plain.Quantize(x, rows, k, q);
        foreach (var epilogue in Enum.GetValues<Epilogue>())
        {
            var simd = (float[])existing.Clone();
            var plain = (float[])existing.Clone();
            Kernels.Vectorized.Dense(x, rows, weights, simd, epilogue, new QuantizedRows());
            Kernels.Plain.Dense(x, rows, weights, plain, epilogue, new QuantizedRows());
            Assert.Equal(plain, simd); // same integers, same float operations
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double sum = weights.Bias[j];
                    for (int p = 0; p < k; p++) sum += (double)(q.Values[i * q.Stride + p] - q.ZeroPoints[i]) * q.Scales[i] * weights.At(p, j);
                    double expected = epilogue switch
                    {
                        Epilogue.BiasRelu => Math.Max(sum, 0),
                        Epilogue.BiasAccumulate => sum + existing[i * n + j],
                        _ => sum,
                    };
                    Assert.True(Math.Abs(plain[i * n + j] - expected) <= 1e-5 * (1 + Math.Abs(expected)), $"{epilogue} [{i},{j}] {plain[i * n + j]} vs {expected}");
                }
            }
        }
    }

    [Fact]
    public void Int8_product_stays_within_the_rounding_bound_of_the_float_product()
    {
        int rows = 8, k = 512, n = 64;
        var x = Random(rows * k, 7, 4f);
        var w = Random(k * n, 8, 0.05f);
        var weights = new Int8Weights("test", w, k, n, new float[n]);
        var q = new QuantizedRows();
        var y = new float[rows * n];
        Kernels.Vectorized.Dense(x, rows, weights, y, Epilogue.Bias, q);
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double exact = 0, bound = 0;
                for (int p = 0; p < k; p++)
                {
                    exact += (double)x[i * k + p] * w[p * n + j];
                    // |x̂ŵ − xw| ≤ |Δx|·|w| + |x|·|Δw| + |Δx|·|Δw| with |Δx| ≤ s_x/2, |Δw| ≤ s_w/2
                    bound += q.Scales[i] / 2 * Math.Abs(w[p * n + j]) + Math.Abs(x[i * k + p]) * weights.Scales[j] / 2 + q.Scales[i] * weights.Scales[j] / 4;
                }
                Assert.True(Math.Abs(y[i * n + j] - exact) <= bound + 1e-4, $"[{i},{j}] {y[i * n + j]} vs {exact} (bound {bound})");
                Assert.True(Math.Abs(y[i * n + j] - exact) <= 0.2 * bound, $"[{i},{j}]: error {Math.Abs(y[i * n + j] - exact)} is not far inside the worst case {bound}");
            }
        }
    }

    [Theory]
    [InlineData(1, 64)]
    [InlineData(5, 64)]
    [InlineData(17, 128)]
    [InlineData(40, 128)]
    [InlineData(29, 64)]
    [InlineData(64, 128)]
    [InlineData(2, 128)]
    public void Attention_head_SIMD_agrees_with_the_row_by_row_form(int n, int dh)
    {
        int heads = 2, attention = heads * dh, stride = 3 * attention, start = 3, total = start + n + 2;
        var qkv = Random(total * stride, 9, 2f);
        var simd = Random(total * attention, 10);
        var plain = (float[])simd.Clone();
        var scratch = new float[Kernels.AttentionScratch(n, dh)];
        for (int h = 0; h < heads; h++)
        {
            Kernels.Vectorized.AttentionHead(qkv, stride, start, n, h * dh, attention + h * dh, 2 * attention + h * dh, dh, 0.125f, simd, attention, h * dh, scratch);
            Kernels.Plain.AttentionHead(qkv, stride, start, n, h * dh, attention + h * dh, 2 * attention + h * dh, dh, 0.125f, plain, attention, h * dh, scratch);
        }
        for (int i = 0; i < simd.Length; i++) Assert.True(Math.Abs(simd[i] - plain[i]) < 1e-5, $"{i}: {simd[i]} vs {plain[i]}");
        // rows outside the sentence are untouched
        var untouched = Random(total * attention, 10);
        for (int i = 0; i < start * attention; i++) Assert.Equal(untouched[i], simd[i]);
        for (int i = (start + n) * attention; i < simd.Length; i++) Assert.Equal(untouched[i], simd[i]);
    }

    [Fact]
    public void Row_statistics_match_the_layer_norm_formula()
    {
        var x = Random(256, 11, 3f);
        for (int i = 0; i < x.Length; i++) x[i] += 0.7f;
        double mean = x.Average(v => (double)v), variance = x.Average(v => (v - mean) * (v - mean));
        foreach (var kernels in new[] { Kernels.Vectorized, Kernels.Plain })
        {
            var (m, inverse) = kernels.RowStatistics(x, 1e-6f);
            Assert.Equal(mean, m, 5);
            Assert.Equal(1 / Math.Sqrt(variance + 1e-6), inverse, 4);
        }
    }
}
