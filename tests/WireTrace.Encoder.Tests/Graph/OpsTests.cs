using WireTrace.Encoder.Graph;

namespace WireTrace.Encoder.Tests.Graph;

public sealed class OpsTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 5, 7)]
    [InlineData(4, 64, 16)]
    [InlineData(9, 33, 50)]
    [InlineData(17, 256, 130)]
    public void Tiled_matmul_equals_the_naive_product(int m, int k, int n)
    {
        var rnd = new Random(m * 1000 + k * 10 + n);
        var a = Enumerable.Range(0, m * k).Select(_ => (float)(rnd.NextDouble() - 0.5)).ToArray();
        var b = Enumerable.Range(0, k * n).Select(_ => (float)(rnd.NextDouble() - 0.5)).ToArray();
        var c = new float[m * n];
        Ops.MatMul(a, b, c, m, k, n);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double expected = 0;
                for (int p = 0; p < k; p++) expected += (double)a[i * k + p] * b[p * n + j];
                Assert.Equal(expected, c[i * n + j], 3);
            }
        }
    }

    [Fact]
    public void Broadcasting_follows_numpy_rules()
    {
        Assert.Equal([2, 3, 4], Ops.BroadcastShape([2, 1, 4], [3, 1]));
        Assert.Equal([5], Ops.BroadcastShape([], [5]));
        Assert.Throws<ArgumentException>(() => Ops.BroadcastShape([2, 3], [4]));
    }
}

public sealed class BroadcastFastPathTests
{
    private static GraphNode Node(string op) => new(op, op, [], default);

    /// <summary>Every SIMD broadcast path gives what element-wise NumPy broadcasting gives.</summary>
    [Theory]
    [InlineData(new[] { 2, 3, 4 }, new[] { 2, 3, 4 })]
    [InlineData(new[] { 2, 3, 4 }, new int[0])]
    [InlineData(new int[0], new[] { 2, 3, 4 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { 4 })]
    [InlineData(new[] { 4 }, new[] { 2, 3, 4 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { 2, 3, 1 })]
    [InlineData(new[] { 2, 3, 1 }, new[] { 2, 3, 4 })]
    [InlineData(new[] { 4 }, new[] { 2, 3, 1 })]
    [InlineData(new[] { 2, 3, 1 }, new[] { 1, 4 })]
    [InlineData(new[] { 2, 1, 4 }, new[] { 3, 1 })]
    public void Sub_and_div_broadcast_like_numpy(int[] shapeA, int[] shapeB)
    {
        var rnd = new Random(shapeA.Length * 10 + shapeB.Length);
        var a = Tensor.Float(shapeA, [.. Enumerable.Range(0, Tensor.SizeOf(shapeA)).Select(_ => (float)rnd.NextDouble() + 0.5f)]);
        var b = Tensor.Float(shapeB, [.. Enumerable.Range(0, Tensor.SizeOf(shapeB)).Select(_ => (float)rnd.NextDouble() + 0.5f)]);
        var shape = Ops.BroadcastShape(shapeA, shapeB);
        foreach (var (op, f) in new (string, Func<float, float, float>)[] { ("Sub", (x, y) => x - y), ("RealDiv", (x, y) => x / y) })
        {
            var result = Ops.Execute(Node(op), [a, b])[0];
            Assert.Equal(shape, result.Shape);
            var strides = Tensor.Strides(shape);
            for (int k = 0; k < result.Size; k++)
            {
                var idx = shape.Select((_, d) => k / strides[d] % shape[d]).ToArray();
                Assert.Equal(f(a.Floats[Flat(shapeA, idx)], b.Floats[Flat(shapeB, idx)]), result.Floats[k], 5);
            }
        }
    }

    private static int Flat(int[] shape, int[] outIndex)
    {
        int offset = outIndex.Length - shape.Length, flat = 0;
        var strides = Tensor.Strides(shape);
        for (int d = 0; d < shape.Length; d++) flat += (shape[d] == 1 ? 0 : outIndex[d + offset]) * strides[d];
        return flat;
    }
}
