namespace WireTrace.Core.Retrieval;

/// <summary>One entry of a <see cref="PostingTable"/>: a document and a position in it (a sentence index).</summary>
public readonly record struct Posting(int Doc, ushort Position);

/// <summary>
/// A memory-lean multimap from 32-bit keys to postings: open addressing with linear probing over parallel
/// arrays (key, document + 1, optional position), so an entry costs 8 or 10 bytes at a load between 0.53
/// and 0.8 (the table grows by half when full; any size, not only powers of two), with no object per key or
/// per posting. Keys are hashes already, so a key's home slot is the key itself scaled onto the table (below
/// <see cref="SharedTopBits"/>, the bits every key of the table shares): slots are in key order but for the
/// displacement of probing, and <see cref="CopySortedTo"/> needs only a short insertion sort to list the
/// postings in order. A key holds at most <see cref="MaxPostingsPerKey"/>
/// postings; once full it is saturated: further postings are dropped and <see cref="Find"/> reports it,
/// so callers can ignore keys that are too common (passim's upper document-frequency bound). Not
/// thread-safe for writes; concurrent reads are safe.
/// </summary>
public sealed class PostingTable
{
    private const double MaxLoad = 0.8;
    private const double Growth = 1.5;

    private uint[] _keys;
    private int[] _docs; // document + 1; 0 = empty slot
    private ushort[]? _positions;

    /// <param name="maxPostingsPerKey">Postings a key may hold before it is saturated.</param>
    /// <param name="withPositions">Whether postings carry a position.</param>
    /// <param name="initialCapacity">Slots to start with.</param>
    /// <param name="sharedTopBits">Top bits every key of this table has in common (a shard's number), skipped when placing keys.</param>
    public PostingTable(int maxPostingsPerKey, bool withPositions, int initialCapacity = 1024, int sharedTopBits = 0)
    {
        if (maxPostingsPerKey < 1) throw new ArgumentOutOfRangeException(nameof(maxPostingsPerKey));
        ArgumentOutOfRangeException.ThrowIfNegative(sharedTopBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sharedTopBits, 16);
        MaxPostingsPerKey = maxPostingsPerKey;
        WithPositions = withPositions;
        SharedTopBits = sharedTopBits;
        Allocate(Math.Max(16, initialCapacity), out _keys, out _docs, out _positions);
    }

    public int MaxPostingsPerKey { get; }

    public bool WithPositions { get; }

    /// <summary>Top bits every key of this table shares, skipped when placing keys (0: keys may be anything).</summary>
    public int SharedTopBits { get; }

    /// <summary>Postings stored.</summary>
    public int Count { get; private set; }

    /// <summary>Slots allocated.</summary>
    public int Capacity => _keys.Length;

    /// <summary>Bytes held by the arrays.</summary>
    public long Bytes => _keys.Length * (8L + (_positions != null ? 2 : 0));

    /// <summary>Empties the table, keeping its arrays for the postings to come.</summary>
    public void Clear()
    {
        Array.Clear(_docs);
        Count = 0;
    }

    /// <summary>Adds a posting; false when the key is saturated (the posting is dropped).</summary>
    public bool Add(uint key, int doc, ushort position = 0) => Add(key, doc, position, 0);

    /// <summary>Adds a posting, counting <paramref name="heldElsewhere"/> postings of the key kept outside this table.</summary>
    internal bool Add(uint key, int doc, ushort position, int heldElsewhere)
    {
        CheckDoc(doc);
        if (Count + 1 > _keys.Length * MaxLoad) Grow();
        int slot = Home(key, _keys.Length);
        int same = heldElsewhere;
        if (same >= MaxPostingsPerKey) return false;
        while (_docs[slot] != 0)
        {
            if (_keys[slot] == key && ++same >= MaxPostingsPerKey) return false;
            if (++slot == _keys.Length) slot = 0;
        }
        _keys[slot] = key;
        _docs[slot] = doc + 1;
        if (_positions != null) _positions[slot] = position;
        Count++;
        return true;
    }

    /// <summary>Throws unless <paramref name="doc"/> is a valid document id (0..int.MaxValue-1).</summary>
    internal static void CheckDoc(int doc)
    {
        if (doc < 0 || doc == int.MaxValue) throw new ArgumentOutOfRangeException(nameof(doc), doc, "document ids must be in 0..int.MaxValue-1");
    }

    /// <summary>
    /// Copies the postings of <paramref name="key"/> into <paramref name="buffer"/> (length at least
    /// <see cref="MaxPostingsPerKey"/>) and returns how many; a result equal to <see cref="MaxPostingsPerKey"/>
    /// means the key is saturated.
    /// </summary>
    public int Find(uint key, Span<Posting> buffer)
    {
        int slot = Home(key, _keys.Length);
        int n = 0;
        while (_docs[slot] != 0)
        {
            if (_keys[slot] == key)
            {
                buffer[n++] = new Posting(_docs[slot] - 1, _positions != null ? _positions[slot] : (ushort)0);
                if (n == MaxPostingsPerKey || n == buffer.Length) break;
            }
            if (++slot == _keys.Length) slot = 0;
        }
        return n;
    }

    /// <summary>
    /// Every posting as <c>key &lt;&lt; 32 | (document + 1)</c> with its position, sorted ascending. Slots ascend with
    /// the keys' home slots, so the copy is taken in slot order (the entries of the probe run that wraps past the end
    /// of the table, which belong after all others, taken last) and sorted by insertion, which costs about the
    /// displacement of each entry; keys that are not spread evenly fall back to a general sort.
    /// </summary>
    internal void CopySortedTo(Span<ulong> entries, Span<ushort> positions)
    {
        int length = _docs.Length, n = 0;
        int firstEmpty = Array.IndexOf(_docs, 0); // exists: the load never exceeds MaxLoad
        // Slots before the first empty one belong to a run that may have wrapped: those whose home lies after them go last.
        int wrapped = 0;
        for (int i = 0; i < firstEmpty; i++) if (Home(_keys[i], length) > i) wrapped++;
        int tail = Count - wrapped;
        for (int i = 0; i < length; i++)
        {
            if (_docs[i] == 0) continue;
            int at = i < firstEmpty && Home(_keys[i], length) > i ? tail++ : n++;
            entries[at] = ((ulong)_keys[i] << 32) | (uint)_docs[i];
            positions[at] = _positions != null ? _positions[i] : (ushort)0;
        }
        if (!PostingOrder.TryInsertionSort(entries[..Count], positions[..Count], maxMoves: 16L * Count + 1024))
        {
            entries[..Count].Sort(positions[..Count]);
        }
    }

    /// <summary>Drops every posting whose document fails <paramref name="keep"/> (rebuilds the table).</summary>
    public void Retain(Func<int, bool> keep)
    {
        var (keys, docs, positions) = (_keys, _docs, _positions);
        int kept = 0;
        for (int i = 0; i < docs.Length; i++) if (docs[i] != 0 && keep(docs[i] - 1)) kept++;
        Allocate(Math.Max(16, (int)(kept / MaxLoad * 1.25)), out _keys, out _docs, out _positions);
        Count = 0;
        for (int i = 0; i < docs.Length; i++)
        {
            if (docs[i] != 0 && keep(docs[i] - 1)) Insert(keys[i], docs[i], positions != null ? positions[i] : (ushort)0);
        }
    }

    private void Grow()
    {
        var (keys, docs, positions) = (_keys, _docs, _positions);
        Allocate((int)Math.Min(Array.MaxLength, keys.Length * Growth), out _keys, out _docs, out _positions);
        Count = 0;
        for (int i = 0; i < docs.Length; i++)
        {
            if (docs[i] != 0) Insert(keys[i], docs[i], positions != null ? positions[i] : (ushort)0);
        }
    }

    private void Insert(uint key, int storedDoc, ushort position)
    {
        int slot = Home(key, _keys.Length);
        while (_docs[slot] != 0)
        {
            if (++slot == _keys.Length) slot = 0;
        }
        _keys[slot] = key;
        _docs[slot] = storedDoc;
        if (_positions != null) _positions[slot] = position;
        Count++;
    }

    private void Allocate(int capacity, out uint[] keys, out int[] docs, out ushort[]? positions)
    {
        keys = new uint[capacity];
        docs = new int[capacity];
        positions = WithPositions ? new ushort[capacity] : null;
    }

    /// <summary>
    /// The key's home slot: the key's bits below <see cref="SharedTopBits"/> scaled onto the table (multiply-shift), so
    /// home slots ascend with the keys. Keys are hashes (fingerprint n-grams, LSH bands), so they spread evenly.
    /// </summary>
    private int Home(uint key, int capacity) => (int)(((ulong)(key << SharedTopBits) * (ulong)capacity) >> 32);
}
