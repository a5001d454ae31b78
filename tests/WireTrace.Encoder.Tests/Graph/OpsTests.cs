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
