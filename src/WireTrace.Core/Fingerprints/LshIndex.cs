using System.Runtime.InteropServices;
using WireTrace.Core.Hashing;
using WireTrace.Core.Retrieval;

namespace WireTrace.Core.Fingerprints;

/// <summary>
/// Locality-sensitive hashing over MinHash sketches by banding: the sketch is cut into b bands of r values,
/// each band hashed to a bucket key; two documents are candidates when they share a bucket in at least one
/// band, which happens with probability 1 − (1 − J^r)^b for Jaccard similarity J (an S-curve: with b = 8,
/// r = 4, J = 0.8 gives 0.97, J = 0.5 gives 0.41, J = 0.2 gives 0.013). Buckets live in one
/// <see cref="PostingIndex"/>; a bucket larger than <c>maxBucketSize</c> is ignored as uninformative.
/// </summary>
public sealed class LshIndex
{
    private readonly PostingIndex _table;

    public LshIndex(int bands, int rows, int maxBucketSize = 1000)
    {
        if (bands < 1 || rows < 1) throw new ArgumentOutOfRangeException(nameof(bands), "bands and rows must be positive");
        Bands = bands;
        Rows = rows;
        _table = new PostingIndex(maxBucketSize, withPositions: false);
    }

    public int Bands { get; }

    public int Rows { get; }

    public int MaxBucketSize => _table.MaxPostingsPerKey;

    /// <summary>Bytes held by the buckets.</summary>
    public long Bytes => _table.Bytes;

    /// <summary>Postings held (one per band per document with a sketch).</summary>
    public int Count => _table.Count;

    /// <summary>The bucket key of every band of <paramref name="sketch"/>.</summary>
    public void BandKeys(ReadOnlySpan<uint> sketch, Span<uint> keys)
    {
        if (sketch.Length != Bands * Rows) throw new ArgumentException($"a sketch of {Bands * Rows} values is expected, not {sketch.Length}", nameof(sketch));
        for (int b = 0; b < Bands; b++)
        {
            var band = MemoryMarshal.Cast<uint, int>(sketch.Slice(b * Rows, Rows));
            keys[b] = MinHashSketcher.Fold(XxHash64.Hash(band, (ulong)b + 1));
        }
    }

    /// <summary>Indexes a document's sketch (an empty sketch is not indexed).</summary>
    public void Add(int doc, ReadOnlySpan<uint> sketch)
    {
        if (sketch.Length == 0) return;
        Span<uint> keys = stackalloc uint[Bands];
        BandKeys(sketch, keys);
        foreach (var key in keys) _table.Add(key, doc);
    }

    /// <summary>
    /// Indexes many documents' bucket keys at once (<see cref="Bands"/> keys per document, from <see cref="BandKeys"/>,
    /// the first <paramref name="count"/> of each array), each thread filling its own shards of the table.
    /// </summary>
    public void AddMany(uint[] keys, int[] docs, int count, int maxDegreeOfParallelism = -1) =>
        _table.AddMany(keys, docs, null, count, maxDegreeOfParallelism);

    /// <summary>Adds to <paramref name="bandsShared"/> (document → bands shared) every document sharing a bucket with <paramref name="sketch"/>.</summary>
    public void Query(ReadOnlySpan<uint> sketch, Dictionary<int, int> bandsShared)
    {
        if (sketch.Length == 0) return;
        Span<uint> keys = stackalloc uint[Bands];
        BandKeys(sketch, keys);
        var buffer = System.Buffers.ArrayPool<Posting>.Shared.Rent(_table.MaxPostingsPerKey);
        foreach (var key in keys)
        {
            int n = _table.Find(key, buffer);
            if (n >= _table.MaxPostingsPerKey) continue;
            for (int i = 0; i < n; i++)
            {
                ref int count = ref CollectionsMarshal.GetValueRefOrAddDefault(bandsShared, buffer[i].Doc, out _);
                count++;
            }
        }
        System.Buffers.ArrayPool<Posting>.Shared.Return(buffer);
    }

    /// <summary>Documents sharing a bucket with <paramref name="sketch"/>, sorted.</summary>
    public IReadOnlyList<int> Candidates(ReadOnlySpan<uint> sketch)
    {
        var hits = new Dictionary<int, int>();
        Query(sketch, hits);
        var docs = hits.Keys.ToArray();
        Array.Sort(docs);
        return docs;
    }

    /// <summary>Merges recent postings into the packed segments, shards in parallel.</summary>
    public void Freeze(int maxDegreeOfParallelism = -1) => _table.Freeze(maxDegreeOfParallelism);

    /// <summary>Drops the documents that fail <paramref name="keep"/>.</summary>
    public void Retain(Func<int, bool> keep) => _table.Retain(keep);
}
