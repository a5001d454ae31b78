namespace WireTrace.Core.Retrieval;

/// <summary>
/// The frozen part of a <see cref="PostingIndex"/>: postings sorted by (key, document) in exact-size parallel arrays
/// (4 + 4 + 2 bytes each, no empty slots), with a directory over the top bits of the key so a lookup is one
/// directory read and a short binary search. Immutable; merging builds a new one.
/// </summary>
internal sealed class SortedPostings
{
    public static readonly SortedPostings Empty = new([], [], [], withPositions: false);

    private readonly uint[] _keys;
    private readonly int[] _docs;
    private readonly ushort[]? _positions;
    private readonly int[] _directory;
    private readonly int _shift;

    private SortedPostings(uint[] keys, int[] docs, ushort[] positions, bool withPositions)
    {
        _keys = keys;
        _docs = docs;
        _positions = withPositions ? positions : null;
        int bits = Math.Clamp((int)Math.Ceiling(Math.Log2(Math.Max(1, keys.Length / 8.0))), 4, 22);
        _shift = 32 - bits;
        _directory = new int[(1 << bits) + 1];
        int k = 0;
        for (int b = 0; b < (1 << bits); b++)
        {
            while (k < keys.Length && (keys[k] >> _shift) < (uint)b) k++;
            _directory[b] = k;
        }
        _directory[^1] = keys.Length;
    }

    public int Count => _keys.Length;

    public long Bytes => _keys.Length * (8L + (_positions != null ? 2 : 0)) + _directory.Length * 4L;

    /// <summary>The index range [start, end) holding <paramref name="key"/>.</summary>
    public (int Start, int End) Range(uint key)
    {
        if (_keys.Length == 0) return (0, 0);
        uint bucket = key >> _shift;
        int lo = _directory[bucket], hi = _directory[bucket + 1];
        int start = _keys.AsSpan(lo, hi - lo).BinarySearch(key);
        if (start < 0) return (0, 0);
        start += lo;
        while (start > lo && _keys[start - 1] == key) start--;
        int end = start + 1;
        while (end < hi && _keys[end] == key) end++;
        return (start, end);
    }

    public Posting this[int i] => new(_docs[i], _positions != null ? _positions[i] : (ushort)0);

    /// <summary>This segment plus <paramref name="keyAndDoc"/> / <paramref name="positions"/> (any order), as a new segment.</summary>
    public SortedPostings Merge(ulong[] keyAndDoc, ushort[] positions, int count, bool withPositions)
    {
        Array.Sort(keyAndDoc, positions, 0, count);
        int total = _keys.Length + count;
        var keys = new uint[total];
        var docs = new int[total];
        var pos = new ushort[withPositions ? total : 0];
        int i = 0, j = 0, w = 0;
        while (i < _keys.Length || j < count)
        {
            bool takeOld = j == count || (i < _keys.Length && (((ulong)_keys[i] << 32) | (uint)_docs[i]) <= keyAndDoc[j]);
            if (takeOld)
            {
                keys[w] = _keys[i];
                docs[w] = _docs[i];
                if (withPositions) pos[w] = _positions != null ? _positions[i] : (ushort)0;
                i++;
            }
            else
            {
                keys[w] = (uint)(keyAndDoc[j] >> 32);
                docs[w] = (int)(uint)keyAndDoc[j];
                if (withPositions) pos[w] = positions[j];
                j++;
            }
            w++;
        }
        return new SortedPostings(keys, docs, pos, withPositions);
    }

    /// <summary>The postings whose document passes <paramref name="keep"/>, as a new segment.</summary>
    public SortedPostings Retain(Func<int, bool> keep, bool withPositions)
    {
        int n = 0;
        for (int i = 0; i < _docs.Length; i++) if (keep(_docs[i])) n++;
        var keys = new uint[n];
        var docs = new int[n];
        var pos = new ushort[withPositions ? n : 0];
        int w = 0;
        for (int i = 0; i < _docs.Length; i++)
        {
            if (!keep(_docs[i])) continue;
            keys[w] = _keys[i];
            docs[w] = _docs[i];
            if (withPositions && _positions != null) pos[w] = _positions[i];
            w++;
        }
        return new SortedPostings(keys, docs, pos, withPositions);
    }
}
