using WireTrace.Core.Similarity;

namespace WireTrace.Core.Tests.Similarity;

/// <summary>
/// The intersection count of sorted distinct sets: the SIMD path (called directly, so it is checked whatever the
/// processor) against the plain merge and against a hash-set count, over sets of every small length, with overlaps
/// from none to all, blocks that end on equal items, and signed ids on both sides of zero.
/// </summary>
public sealed class SortedSetsTests
{
    [Fact]
    public void Vector_and_plain_paths_count_what_a_hash_set_counts()
    {
        var random = new Random(17);
        for (int trial = 0; trial < 4_000; trial++)
        {
            int lengthX = random.Next(0, 70), lengthY = random.Next(0, 70);
            // A small universe makes overlaps likely, a large one rare.
            int universe = trial % 3 == 0 ? 80 : trial % 3 == 1 ? 400 : 1_000_000;
            var x = Distinct(random, lengthX, universe);
            var y = trial % 7 == 0 ? x.Where(_ => random.Next(3) > 0).ToArray() : Distinct(random, lengthY, universe);
            int expected = x.Intersect(y).Count();
            var ux = x.Select(v => (uint)v).ToArray();
            var uy = y.Select(v => (uint)v).ToArray();
            Assert.Equal(expected, SortedSets.IntersectionCountScalar<uint>(ux, uy));
            Assert.Equal(expected, SortedSets.IntersectionCountVector256<uint>(ux, uy));
            Assert.Equal(expected, SortedSets.IntersectionCount<uint>(ux, uy));
            // Signed ids, shifted to straddle zero: the blocks must move on by signed order.
            var sx = x.Select(v => v - universe / 2).ToArray();
            var sy = y.Select(v => v - universe / 2).ToArray();
            Assert.Equal(expected, SortedSets.IntersectionCountVector256<int>(sx, sy));
            Assert.Equal(expected, SortedSets.IntersectionCount<int>(sx, sy));
        }
    }

    [Fact]
    public void Identical_blocks_and_sets_ending_together_are_counted_once()
    {
        uint[] a = [.. Enumerable.Range(0, 16).Select(i => (uint)(i * 3))];
        Assert.Equal(16, SortedSets.IntersectionCountVector256<uint>(a, a));
        uint[] b = [.. Enumerable.Range(0, 24).Select(i => (uint)(i * 2))]; // shares 0, 6, 12, 18, 24, 30, 36, 42
        Assert.Equal(8, SortedSets.IntersectionCountVector256<uint>(a, b));
        Assert.Equal(0, SortedSets.IntersectionCountVector256<uint>(a, [.. a.Select(v => v + 1)]));
        Assert.Equal(0, SortedSets.IntersectionCount<uint>([], a));
        Assert.Equal(2, SortedSets.IntersectionCount<long>([1L, 5, 9], [5L, 9]));
    }

    private static int[] Distinct(Random random, int count, int universe)
    {
        var set = new SortedSet<int>();
        while (set.Count < Math.Min(count, universe)) set.Add(random.Next(0, universe));
        return [.. set];
    }
}
