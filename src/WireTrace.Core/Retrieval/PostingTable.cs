namespace WireTrace.Core.Retrieval;

/// <summary>One entry of a <see cref="PostingTable"/>: a document and a position in it (a sentence index).</summary>
public readonly record struct Posting(int Doc, ushort Position);

/// <summary>
/// A memory-lean multimap from 32-bit keys to postings: open addressing with linear probing over parallel
/// arrays (key, document + 1, optional position), so an entry costs 8 or 10 bytes at a load of at most
/// 0.7, with no object per key or per posting. A key holds at most <see cref="MaxPostingsPerKey"/>
/// postings; once full it is saturated: further postings are dropped and <see cref="Find"/> reports it,
/// so callers can ignore keys that are too common (passim's upper document-frequency bound). Not
/// thread-safe for writes; concurrent reads are safe.
/// </summary>
public sealed class PostingTable
{
    private const double MaxLoad = 0.7;

    private uint[] _keys;
    private int[] _docs; // document + 1; 0 = empty slot
    private ushort[]? _positions;
    private int _shift;

    public PostingTable(int maxPostingsPerKey, bool withPositions, int initialCapacity = 1024)
    {
        if (maxPostingsPerKey < 1) throw new ArgumentOutOfRangeException(nameof(maxPostingsPerKey));
        MaxPostingsPerKey = maxPostingsPerKey;
        WithPositions = withPositions;
        int capacity = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, initialCapacity)));
        Allocate(capacity, out _keys, out _docs, out _positions, out _shift);
    }

    public int MaxPostingsPerKey { get; }

    public bool WithPositions { get; }

    /// <summary>Postings stored.</summary>
    public int Count { get; private set; }

    /// <summary>Slots allocated.</summary>
    public int Capacity => _keys.Length;

    /// <summary>Bytes held by the arrays.</summary>
    public long Bytes => _keys.Length * (8L + (_positions != null ? 2 : 0));

    /// <summary>Adds a posting; false when the key is saturated (the posting is dropped).</summary>
    public bool Add(uint key, int doc, ushort position = 0)
    {
        if (doc < 0 || doc == int.MaxValue) throw new ArgumentOutOfRangeException(nameof(doc), doc, "document ids must be in 0..int.MaxValue-1");
        if (Count + 1 > _keys.Length * MaxLoad) Grow();
        int mask = _keys.Length - 1;
        int slot = Home(key, _shift);
        int same = 0;
        while (_docs[slot] != 0)
        {
            if (_keys[slot] == key && ++same >= MaxPostingsPerKey) return false;
            slot = (slot + 1) & mask;
        }
        _keys[slot] = key;
        _docs[slot] = doc + 1;
        if (_positions != null) _positions[slot] = position;
        Count++;
        return true;
    }

    /// <summary>
    /// Copies the postings of <paramref name="key"/> into <paramref name="buffer"/> (length at least
    /// <see cref="MaxPostingsPerKey"/>) and returns how many; a result equal to <see cref="MaxPostingsPerKey"/>
    /// means the key is saturated.
    /// </summary>
    public int Find(uint key, Span<Posting> buffer)
    {
        int mask = _keys.Length - 1;
        int slot = Home(key, _shift);
        int n = 0;
        while (_docs[slot] != 0)
        {
            if (_keys[slot] == key)
            {
                buffer[n++] = new Posting(_docs[slot] - 1, _positions != null ? _positions[slot] : (ushort)0);
                if (n == MaxPostingsPerKey) break;
            }
            slot = (slot + 1) & mask;
        }
        return n;
    }

    /// <summary>Drops every posting whose document fails <paramref name="keep"/> (rebuilds the table).</summary>
    public void Retain(Func<int, bool> keep)
    {
        var (keys, docs, positions) = (_keys, _docs, _positions);
        int kept = 0;
        for (int i = 0; i < docs.Length; i++) if (docs[i] != 0 && keep(docs[i] - 1)) kept++;
        int capacity = 16;
        while (kept > capacity * MaxLoad) capacity *= 2;
        Allocate(capacity, out _keys, out _docs, out _positions, out _shift);
        Count = 0;
        for (int i = 0; i < docs.Length; i++)
        {
            if (docs[i] != 0 && keep(docs[i] - 1)) Insert(keys[i], docs[i], positions != null ? positions[i] : (ushort)0);
        }
    }

    private void Grow()
    {
        var (keys, docs, positions) = (_keys, _docs, _positions);
        Allocate(keys.Length * 2, out _keys, out _docs, out _positions, out _shift);
        Count = 0;
        for (int i = 0; i < docs.Length; i++)
        {
            if (docs[i] != 0) Insert(keys[i], docs[i], positions != null ? positions[i] : (ushort)0);
        }
    }

    private void Insert(uint key, int storedDoc, ushort position)
    {
        int mask = _keys.Length - 1;
        int slot = Home(key, _shift);
        while (_docs[slot] != 0) slot = (slot + 1) & mask;
        _keys[slot] = key;
        _docs[slot] = storedDoc;
        if (_positions != null) _positions[slot] = position;
        Count++;
    }

    private void Allocate(int capacity, out uint[] keys, out int[] docs, out ushort[]? positions, out int shift)
    {
        keys = new uint[capacity];
        docs = new int[capacity];
        positions = WithPositions ? new ushort[capacity] : null;
        shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
    }

    /// <summary>Fibonacci hashing of the key onto the table (keys are hashes already; this spreads any bias).</summary>
    private static int Home(uint key, int shift) => (int)((key * 0x9E3779B97F4A7C15UL) >> shift);
}
