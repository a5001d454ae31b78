using System.Numerics;

namespace WireTrace.Core.Similarity;

/// <summary>Operations on sorted arrays of distinct items (a sentence's term ids, gram hashes, numbers, names).</summary>
public static class SortedSets
{
    /// <summary>
    /// Items two sorted distinct arrays share. The merge steps without branches on the comparisons (which a
    /// predictor cannot guess on hashes), so each step costs a few cycles.
    /// </summary>
    public static int IntersectionCount<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, IComparisonOperators<T, T, bool>
    {
        int i = 0, j = 0, n = 0;
        while (i < x.Length && j < y.Length)
        {
            T a = x[i], b = y[j];
            n += a == b ? 1 : 0;
            i += a <= b ? 1 : 0;
            j += a >= b ? 1 : 0;
        }
        return n;
    }
}
