namespace WireTrace.Core.Retrieval;

/// <summary>Sorting of posting entries (<c>key &lt;&lt; 32 | document + 1</c>, each with a position) that are nearly in order already.</summary>
internal static class PostingOrder
{
    /// <summary>
    /// Sorts <paramref name="entries"/> ascending, moving <paramref name="positions"/> along, by insertion: linear when
    /// each entry is only a few places from where it belongs. Gives up, returning false with the two spans still a
    /// permutation of the input (partly sorted), once more than <paramref name="maxMoves"/> entries have been shifted.
    /// </summary>
    public static bool TryInsertionSort(Span<ulong> entries, Span<ushort> positions, long maxMoves)
    {
        if (positions.Length != entries.Length) throw new ArgumentException("one position per entry is expected", nameof(positions));
        long moves = 0;
        for (int i = 1; i < entries.Length; i++)
        {
            ulong entry = entries[i];
            if (entry >= entries[i - 1]) continue;
            ushort position = positions[i];
            int j = i - 1;
            do
            {
                entries[j + 1] = entries[j];
                positions[j + 1] = positions[j];
                j--;
            }
            while (j >= 0 && entries[j] > entry);
            entries[j + 1] = entry;
            positions[j + 1] = position;
            moves += i - 1 - j;
            if (moves > maxMoves) return false;
        }
        return true;
    }
}
