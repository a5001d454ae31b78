namespace WireTrace.Core.Similarity;

/// <summary>
/// The distinct ids of one kind of event term (names or numbers) of a whole document: <see cref="InOrder"/> in the
/// order they first occur, sentence by sentence (the order in which weights are summed, so sums do not depend on
/// how the set is stored), and <see cref="Sorted"/> for membership tests.
/// </summary>
public sealed class EventTerms
{
    private EventTerms(int[] inOrder, int[] sorted)
    {
        InOrder = inOrder;
        Sorted = sorted;
    }

    /// <summary>The distinct ids in order of first occurrence.</summary>
    public int[] InOrder { get; }

    /// <summary>The same ids in ascending order.</summary>
    public int[] Sorted { get; }

    /// <summary>Whether <paramref name="id"/> is one of the ids.</summary>
    public bool Contains(int id) => Array.BinarySearch(Sorted, id) >= 0;

    /// <summary>The distinct ids <paramref name="select"/> gives over <paramref name="sentences"/>.</summary>
    public static EventTerms Of(IReadOnlyList<SentenceProfile> sentences, Func<SentenceProfile, int[]> select)
    {
        var seen = new HashSet<int>();
        var inOrder = new List<int>();
        foreach (var s in sentences)
        {
            foreach (var id in select(s))
            {
                if (seen.Add(id)) inOrder.Add(id);
            }
        }
        var ordered = inOrder.ToArray();
        var sorted = (int[])ordered.Clone();
        Array.Sort(sorted);
        return new EventTerms(ordered, sorted);
    }
}
