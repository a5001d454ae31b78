namespace WireTrace.Core.Retrieval;

/// <summary>
/// A multimap from 32-bit keys to postings built for size: new postings go to a small mutable
/// <see cref="PostingTable"/>; when it holds more than a quarter of the frozen part (and at least
/// <see cref="FreezeThreshold"/>), it is merged into a sorted, exact-size segment (<see cref="SortedPostings"/>:
/// 10 bytes per posting with positions, 8 without, plus a small directory), so an index of millions of documents
/// costs little more than its postings, and merging costs O(1) amortised per posting. A key holds at most
/// <see cref="MaxPostingsPerKey"/> postings; then it is saturated and <see cref="Find"/> says so. Not thread-safe
/// for writes; concurrent reads are safe.
/// </summary>
public sealed class PostingIndex
{
    /// <summary>Postings the mutable table may hold before it is merged, at the least.</summary>
    public const int FreezeThreshold = 1 << 16;

    private PostingTable _recent;
    private SortedPostings _frozen = SortedPostings.Empty;

    public PostingIndex(int maxPostingsPerKey, bool withPositions)
    {
        MaxPostingsPerKey = maxPostingsPerKey;
        WithPositions = withPositions;
        _recent = new PostingTable(maxPostingsPerKey, withPositions);
    }

    public int MaxPostingsPerKey { get; }

    public bool WithPositions { get; }

    public int Count => _frozen.Count + _recent.Count;

    public long Bytes => _frozen.Bytes + _recent.Bytes;

    /// <summary>Adds a posting; false when the key is saturated (the posting is dropped).</summary>
    public bool Add(uint key, int doc, ushort position = 0)
    {
        var (start, end) = _frozen.Range(key);
        if (!_recent.Add(key, doc, position, end - start)) return false;
        if (_recent.Count >= Math.Max(FreezeThreshold, _frozen.Count / 4)) Freeze();
        return true;
    }

    /// <summary>Merges the mutable postings into the sorted segment.</summary>
    public void Freeze()
    {
        if (_recent.Count == 0) return;
        var keyAndDoc = new ulong[_recent.Count];
        var positions = new ushort[_recent.Count];
        _recent.CopyTo(keyAndDoc, positions);
        _frozen = _frozen.Merge(keyAndDoc, positions, keyAndDoc.Length, WithPositions);
        _recent = new PostingTable(MaxPostingsPerKey, WithPositions);
    }

    /// <summary>
    /// Copies the postings of <paramref name="key"/> into <paramref name="buffer"/> (length at least
    /// <see cref="MaxPostingsPerKey"/>) and returns how many; <see cref="MaxPostingsPerKey"/> means saturated.
    /// </summary>
    public int Find(uint key, Span<Posting> buffer)
    {
        var (start, end) = _frozen.Range(key);
        int n = 0;
        for (int i = start; i < end && n < MaxPostingsPerKey; i++) buffer[n++] = _frozen[i];
        if (n < MaxPostingsPerKey) n += _recent.Find(key, buffer[n..MaxPostingsPerKey]);
        return n;
    }

    /// <summary>Drops every posting whose document fails <paramref name="keep"/>.</summary>
    public void Retain(Func<int, bool> keep)
    {
        _frozen = _frozen.Retain(keep, WithPositions);
        _recent.Retain(keep);
    }
}
