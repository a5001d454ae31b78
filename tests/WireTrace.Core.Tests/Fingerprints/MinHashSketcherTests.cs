using System.Numerics;
using WireTrace.Core.Fingerprints;

namespace WireTrace.Core.Tests.Fingerprints;

public sealed class MinHashSketcherTests
{
    private static uint[] RandomSet(Random random, int count) => Enumerable.Range(0, count).Select(_ => (uint)random.NextInt64(0, uint.MaxValue)).ToArray();

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(37)] // a tail that is not a whole vector
    public void Vector_and_scalar_paths_give_the_same_sketch(int size)
    {
        var sketcher = new MinHashSketcher(size, 11);
        var shingles = RandomSet(new Random(size), 500);
        var scalar = new uint[size];
        var vector = new uint[size];
        sketcher.SketchScalar(shingles, scalar);
        sketcher.SketchVector(shingles, vector);
        Assert.Equal(scalar, vector);
        Assert.True(Vector<uint>.Count >= 1);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    [InlineData(0.95)]
    public void Estimates_jaccard_within_tolerance(double jaccard)
    {
        var random = new Random((int)(jaccard * 1000));
        const int union = 1000;
        int shared = (int)Math.Round(jaccard * union);
        var pool = RandomSet(random, union);
        int onlyA = (union - shared) / 2;
        var a = pool.Take(shared + onlyA).ToArray();
        var b = pool.Take(shared).Concat(pool.Skip(shared + onlyA)).ToArray();
        double exact = (double)a.Intersect(b).Count() / a.Union(b).Count();

        var sketcher = new MinHashSketcher(256, 5);
        var sa = new uint[256];
        var sb = new uint[256];
        sketcher.Sketch(a, sa);
        sketcher.Sketch(b, sb);
        // Standard error sqrt(J(1-J)/k) <= 0.031 for k = 256; allow about 3 of them.
        Assert.InRange(MinHashSketcher.EstimateJaccard(sa, sb), exact - 0.095, exact + 0.095);
    }

    [Fact]
    public void Sketch_of_no_terms_is_empty_and_of_few_terms_is_one_shingle()
    {
        var sketcher = new MinHashSketcher(32, 1);
        Assert.Empty(sketcher.SketchShingles([], 3));
        var one = sketcher.SketchShingles([1UL, 2UL], 3);
        Assert.Equal(32, one.Length);
        Assert.Equal(one, sketcher.SketchShingles([1UL, 2UL], 3));
        Assert.NotEqual(one, sketcher.SketchShingles([2UL, 1UL], 3));
    }

    [Fact]
    public void Gram_hashes_are_xxh64_of_the_term_hashes_up_to_the_length_seed_and_the_unrolled_path_agrees()
    {
        var random = new Random(21);
        var terms = Enumerable.Range(0, 40).Select(_ => (ulong)random.NextInt64()).ToArray();
        ulong seed = 0x1234;
        // Short inputs (under four 8-byte lanes) follow XXH64 exactly, with the length added to the seed instead of 8 × length (so XXH64 with a seed 7 × length lower).
        for (int n = 1; n <= 3; n++)
        {
            Assert.Equal(WireTrace.Core.Hashing.XxHash64.Hash(terms.AsSpan(0, n), seed - 7 * (ulong)n), MinHashSketcher.GramHash(terms.AsSpan(0, n), seed));
        }
        foreach (int size in new[] { 1, 2, 3, 4, 5 })
        {
            var grams = new ulong[MinHashSketcher.ShingleCount(terms.Length, size)];
            MinHashSketcher.GramHashes(terms, size, seed, grams);
            for (int i = 0; i < grams.Length; i++) Assert.Equal(MinHashSketcher.GramHash(terms.AsSpan(i, size), seed), grams[i]);
        }
        var whole = new ulong[1];
        MinHashSketcher.GramHashes(terms.AsSpan(0, 2), 3, seed, whole);
        Assert.Equal(MinHashSketcher.GramHash(terms.AsSpan(0, 2), seed), whole[0]);
        Assert.Equal(0, MinHashSketcher.ShingleCount(0, 3));
    }
}
