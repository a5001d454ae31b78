using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace WireTrace.Core.Similarity;

/// <summary>Operations on sorted arrays of distinct items (a sentence's term ids, gram hashes, numbers, names).</summary>
public static class SortedSets
{
    /// <summary>
    /// Items two sorted distinct arrays share. 32-bit items (gram hashes, ids) are compared eight against eight with
    /// <see cref="Vector256"/> where the processor has it; otherwise, and for the last few items, by a merge that steps
    /// without branches on the comparisons. Both give the same count.
    /// </summary>
    public static int IntersectionCount<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, IComparisonOperators<T, T, bool>
    {
        if ((typeof(T) == typeof(uint) || typeof(T) == typeof(int)) && Vector256.IsHardwareAccelerated
            && x.Length >= Vector256<uint>.Count && y.Length >= Vector256<uint>.Count)
        {
            return IntersectionCountVector256(x, y);
        }
        return IntersectionCountScalar(x, y);
    }

    /// <summary>
    /// The plain path of <see cref="IntersectionCount{T}"/>: a merge that steps without branches on the comparisons
    /// (which a predictor cannot guess on hashes), so each step costs a few cycles.
    /// </summary>
    internal static int IntersectionCountScalar<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, IComparisonOperators<T, T, bool>
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

    /// <summary>
    /// The SIMD path of <see cref="IntersectionCount{T}"/> for 32-bit items: a block of eight items of each side is
    /// compared all against all (the second block in its eight rotations), the matches counted (items are distinct,
    /// so an item matches at most once), and the block with the smaller last item moves on (both when equal), as in
    /// a merge; the items left once a side has fewer than eight are merged plainly. Requires
    /// <see cref="Vector256.IsHardwareAccelerated"/> for speed, not for correctness. (Blocks of sixteen with
    /// <c>Vector512</c> measured slower on the demo's sentences: more of each set is left to the plain tail.)
    /// </summary>
    internal static int IntersectionCountVector256<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, IComparisonOperators<T, T, bool>
    {
        if (Unsafe.SizeOf<T>() != sizeof(uint)) throw new NotSupportedException($"{typeof(T).Name} is not a 32-bit item.");
        const int Lanes = 8;
        ref uint xs = ref Unsafe.As<T, uint>(ref MemoryMarshal.GetReference(x));
        ref uint ys = ref Unsafe.As<T, uint>(ref MemoryMarshal.GetReference(y));
        var rotate1 = Vector256.Create(1u, 2, 3, 4, 5, 6, 7, 0);
        var rotate2 = Vector256.Create(2u, 3, 4, 5, 6, 7, 0, 1);
        var rotate3 = Vector256.Create(3u, 4, 5, 6, 7, 0, 1, 2);
        var rotate4 = Vector256.Create(4u, 5, 6, 7, 0, 1, 2, 3);
        var rotate5 = Vector256.Create(5u, 6, 7, 0, 1, 2, 3, 4);
        var rotate6 = Vector256.Create(6u, 7, 0, 1, 2, 3, 4, 5);
        var rotate7 = Vector256.Create(7u, 0, 1, 2, 3, 4, 5, 6);
        int i = 0, j = 0, n = 0;
        while (i + Lanes <= x.Length && j + Lanes <= y.Length)
        {
            var a = Vector256.LoadUnsafe(ref xs, (nuint)i);
            var b = Vector256.LoadUnsafe(ref ys, (nuint)j);
            var equal = Vector256.Equals(a, b)
                | Vector256.Equals(a, Vector256.Shuffle(b, rotate1))
                | Vector256.Equals(a, Vector256.Shuffle(b, rotate2))
                | Vector256.Equals(a, Vector256.Shuffle(b, rotate3))
                | Vector256.Equals(a, Vector256.Shuffle(b, rotate4))
                | Vector256.Equals(a, Vector256.Shuffle(b, rotate5))
                | Vector256.Equals(a, Vector256.Shuffle(b, rotate6))
                | Vector256.Equals(a, Vector256.Shuffle(b, rotate7));
            n += BitOperations.PopCount(equal.ExtractMostSignificantBits());
            T lastA = x[i + Lanes - 1], lastB = y[j + Lanes - 1];
            i += lastA <= lastB ? Lanes : 0;
            j += lastB <= lastA ? Lanes : 0;
        }
        return n + IntersectionCountScalar(x[i..], y[j..]);
    }
}
