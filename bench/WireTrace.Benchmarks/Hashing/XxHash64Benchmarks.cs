using BenchmarkDotNet.Attributes;
using WireTrace.Core.Hashing;

namespace WireTrace.Benchmarks.Hashing;

/// <summary>
/// XXH64 throughput on byte buffers, and the token-id fast path (a 3-term shingle of 64-bit term hashes).
/// Run with: dotnet run -c Release --project bench/WireTrace.Benchmarks -- --filter '*XxHash64Benchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class XxHash64Benchmarks
{
    private byte[] _bytes = [];
    private ulong[] _terms = [];

    [Params(16, 1024, 65536)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _bytes = new byte[Length];
        random.NextBytes(_bytes);
        _terms = Enumerable.Range(0, 1024).Select(_ => (ulong)random.NextInt64()).ToArray();
    }

    [Benchmark]
    public ulong Bytes() => XxHash64.Hash(_bytes, 42);

    /// <summary>1,024 shingles of 3 term hashes each (what MinHash does per article, about 3 times over).</summary>
    [Benchmark(OperationsPerInvoke = 1022)]
    public ulong TermShingle()
    {
        ulong x = 0;
        var terms = _terms.AsSpan();
        for (int i = 0; i + 3 <= terms.Length; i++) x ^= XxHash64.Hash(terms.Slice(i, 3), 42);
        return x;
    }
}
