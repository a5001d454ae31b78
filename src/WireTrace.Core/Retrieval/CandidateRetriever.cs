using System.Buffers;
using WireTrace.Core.Fingerprints;

namespace WireTrace.Core.Retrieval;

/// <summary>
/// The retrieval layer: an incremental index of document fingerprints that proposes candidate pairs from
/// two kinds of evidence, LSH buckets over MinHash sketches (near-duplicates) and shared passage anchors
/// (partial reuse inside longer articles, where whole-document similarity is low). Memory-lean: postings
/// are bit-packed and grouped by key (<see cref="PostingIndex"/>: 64 key shards, each a packed segment plus a
/// small hash table of recent postings), not objects; <see cref="IndexBytes"/> measures them.
/// <see cref="AddRange"/> indexes a batch on many threads (each owns a range of shards) with the same result
/// as <see cref="Add"/> one by one.
/// <see cref="Remove"/> marks a document removed (it stops appearing at once) and the tables are rebuilt
/// once removed documents exceed <see cref="RetrievalOptions.CompactWhenRemoved"/> of those indexed.
/// Writes are single-threaded; <see cref="Query"/> may run on many threads between writes. Results are
/// sorted by document id and do not depend on the order documents were added nor on the thread count (a full
/// anchor or bucket is ignored by queries, whoever filled it).
/// </summary>
public sealed class CandidateRetriever
{
    private readonly LshIndex _lsh;
    private readonly AnchorIndex _anchors;
    private byte[] _state = new byte[1024]; // 0 absent, 1 live, 2 removed
    private int _removed;

    public CandidateRetriever(RetrievalOptions? options = null)
    {
        Options = options ?? RetrievalOptions.Default;
        _lsh = new LshIndex(Options.Bands, Options.Rows, Options.MaxBucketSize);
        _anchors = new AnchorIndex(Options.MaxAnchorFrequency);
    }

    public RetrievalOptions Options { get; }

    /// <summary>Live documents.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes held by the index (LSH buckets, anchor postings, per-document state), texts excluded.</summary>
    public long IndexBytes => _lsh.Bytes + _anchors.Bytes + _state.Length;

    public LshIndex Lsh => _lsh;

    public AnchorIndex Anchors => _anchors;

    public bool Contains(int docId) => docId >= 0 && docId < _state.Length && _state[docId] == 1;

    /// <summary>Indexes a document. Ids are small non-negative integers (array indexes); re-adding a removed id is allowed.</summary>
    public void Add(int docId, DocumentFingerprints fingerprints)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(docId);
        if (Contains(docId)) throw new InvalidOperationException($"document {docId} is already indexed");
        if (docId < _state.Length && _state[docId] == 2) Compact(); // purge its old postings first
        if (docId >= _state.Length) Array.Resize(ref _state, Math.Max(docId + 1, _state.Length * 2));
        _lsh.Add(docId, fingerprints.Sketch);
        _anchors.Add(docId, fingerprints.Anchors, fingerprints.AnchorSentences);
        _state[docId] = 1;
        Count++;
    }

    /// <summary>
    /// Indexes <paramref name="documents"/> under the ids <paramref name="firstDocId"/>, <paramref name="firstDocId"/> + 1, …,
    /// on up to <paramref name="maxDegreeOfParallelism"/> threads (each owns a range of the index's key shards).
    /// The index is the same as after <see cref="Add"/> of each document in turn, whatever the thread count.
    /// </summary>
    public void AddRange(int firstDocId, IReadOnlyList<DocumentFingerprints> documents, int maxDegreeOfParallelism = -1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstDocId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)firstDocId + documents.Count, int.MaxValue - 1L, nameof(documents));
        bool compact = false;
        for (int i = 0; i < documents.Count; i++)
        {
            int id = firstDocId + i;
            if (Contains(id)) throw new InvalidOperationException($"document {id} is already indexed");
            compact |= id < _state.Length && _state[id] == 2;
        }
        if (compact) Compact(); // purge the old postings of re-added ids first
        int last = firstDocId + documents.Count - 1;
        if (last >= _state.Length) Array.Resize(ref _state, Math.Max(last + 1, _state.Length * 2));

        int lshCount = 0, anchorCount = 0;
        foreach (var d in documents)
        {
            if (d.Sketch.Length > 0) lshCount += _lsh.Bands;
            anchorCount += d.Anchors.Length;
        }
        // Work arrays from the shared pool: a batch's postings run to megabytes, which would otherwise be fresh
        // large-object allocations at every batch.
        var lshKeys = ArrayPool<uint>.Shared.Rent(lshCount);
        var lshDocs = ArrayPool<int>.Shared.Rent(lshCount);
        var anchorKeys = ArrayPool<uint>.Shared.Rent(anchorCount);
        var anchorDocs = ArrayPool<int>.Shared.Rent(anchorCount);
        var anchorSentences = ArrayPool<ushort>.Shared.Rent(anchorCount);
        try
        {
            int l = 0, a = 0;
            for (int i = 0; i < documents.Count; i++)
            {
                var d = documents[i];
                if (d.Sketch.Length > 0)
                {
                    _lsh.BandKeys(d.Sketch, lshKeys.AsSpan(l, _lsh.Bands));
                    lshDocs.AsSpan(l, _lsh.Bands).Fill(firstDocId + i);
                    l += _lsh.Bands;
                }
                d.Anchors.CopyTo(anchorKeys, a);
                d.AnchorSentences.CopyTo(anchorSentences, a);
                anchorDocs.AsSpan(a, d.Anchors.Length).Fill(firstDocId + i);
                a += d.Anchors.Length;
            }
            _lsh.AddMany(lshKeys, lshDocs, lshCount, maxDegreeOfParallelism);
            _anchors.AddMany(anchorKeys, anchorDocs, anchorSentences, anchorCount, maxDegreeOfParallelism);
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(lshKeys);
            ArrayPool<int>.Shared.Return(lshDocs);
            ArrayPool<uint>.Shared.Return(anchorKeys);
            ArrayPool<int>.Shared.Return(anchorDocs);
            ArrayPool<ushort>.Shared.Return(anchorSentences);
        }
        for (int i = 0; i < documents.Count; i++) _state[firstDocId + i] = 1; // a document without anchors keeps counts of 0
        Count += documents.Count;
    }

    /// <summary>Removes a document; false when it was not indexed.</summary>
    public bool Remove(int docId)
    {
        if (!Contains(docId)) return false;
        _state[docId] = 2;
        Count--;
        _removed++;
        if (_removed > Options.CompactWhenRemoved * (Count + _removed)) Compact();
        return true;
    }

    /// <summary>Merges recent postings into the packed segments (the index then costs its postings and little more), key shards in parallel.</summary>
    public void Freeze(int maxDegreeOfParallelism = -1)
    {
        _lsh.Freeze(maxDegreeOfParallelism);
        _anchors.Freeze(maxDegreeOfParallelism);
    }

    /// <summary>Rebuilds the tables without the removed documents.</summary>
    public void Compact()
    {
        if (_removed == 0) return;
        Func<int, bool> live = d => d < _state.Length && _state[d] == 1;
        _lsh.Retain(live);
        _anchors.Retain(live);
        for (int d = 0; d < _state.Length; d++) if (_state[d] == 2) _state[d] = 0;
        _removed = 0;
    }

    /// <summary>The indexed documents proposed for <paramref name="fingerprints"/>, sorted by id; the index is not changed.</summary>
    /// <param name="excludeDocId">A document to leave out (the query itself when it is indexed).</param>
    public IReadOnlyList<CandidateMatch> Query(DocumentFingerprints fingerprints, int excludeDocId = -1)
    {
        var bands = new Dictionary<int, int>();
        var hits = new Dictionary<int, AnchorHits>();
        _lsh.Query(fingerprints.Sketch, bands);
        _anchors.Query(fingerprints.Anchors, fingerprints.AnchorSentences, hits);
        var result = new List<CandidateMatch>();
        int queryAnchors = fingerprints.Anchors.Length;
        int querySentences = AnchorIndex.DistinctSentences(fingerprints.AnchorSentences);
        foreach (var (doc, h) in hits)
        {
            if (doc == excludeDocId || !Contains(doc)) continue;
            int candidateAnchors = _anchors.AnchorCount(doc);
            int needed = Math.Max(1, Math.Min(Options.MinPassageSentences, Math.Min(querySentences, _anchors.AnchoredSentences(doc))));
            bands.TryGetValue(doc, out int shared);
            if (h.PassageSentences < needed && shared < Options.MinLshBands) continue;
            result.Add(Match(doc, shared, h, queryAnchors, candidateAnchors));
        }
        foreach (var (doc, shared) in bands)
        {
            if (shared < Options.MinLshBands || hits.ContainsKey(doc) || doc == excludeDocId || !Contains(doc)) continue;
            result.Add(Match(doc, shared, new AnchorHits(0, 0, -1, -1, -1, -1), queryAnchors, _anchors.AnchorCount(doc)));
        }
        result.Sort((x, y) => x.DocId.CompareTo(y.DocId));
        return result;
    }

    private static CandidateMatch Match(int doc, int bands, AnchorHits h, int queryAnchors, int candidateAnchors) => new(
        doc,
        bands,
        h.Shared,
        queryAnchors == 0 ? 0 : (double)h.Shared / queryAnchors,
        candidateAnchors == 0 ? 0 : (double)h.Shared / candidateAnchors,
        h.QueryFirst,
        h.QueryLast,
        h.CandidateFirst,
        h.CandidateLast);

    /// <summary>
    /// Every candidate pair among <paramref name="documents"/> (ids are list indexes): indexes them all in order,
    /// then queries each (in parallel) and keeps every pair proposed from either side, once, A &lt; B, sorted, with
    /// the evidence as seen from A. The result depends neither on the thread count nor on which side proposed it.
    /// </summary>
    public static IReadOnlyList<RetrievedPair> FindPairs(IReadOnlyList<DocumentFingerprints> documents, RetrievalOptions? options = null, int maxDegreeOfParallelism = -1)
    {
        var retriever = new CandidateRetriever(options);
        retriever.AddRange(0, documents, maxDegreeOfParallelism);
        retriever.Freeze(maxDegreeOfParallelism);
        var perDocument = new IReadOnlyList<CandidateMatch>[documents.Count];
        Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            d => perDocument[d] = retriever.Query(documents[d], d));
        var pairs = new List<RetrievedPair>();
        for (int d = 0; d < documents.Count; d++)
        {
            foreach (var m in perDocument[d])
            {
                if (m.DocId > d)
                {
                    pairs.Add(new RetrievedPair(d, m.DocId, m));
                }
                else if (!ContainsDoc(perDocument[m.DocId], d))
                {
                    pairs.Add(new RetrievedPair(m.DocId, d, Flip(m, d)));
                }
            }
        }
        pairs.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        return pairs;
    }

    private static bool ContainsDoc(IReadOnlyList<CandidateMatch> sorted, int doc)
    {
        int lo = 0, hi = sorted.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int c = sorted[mid].DocId.CompareTo(doc);
            if (c == 0) return true;
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        return false;
    }

    /// <summary>The same evidence seen from the other side: <paramref name="queryDoc"/> becomes the candidate.</summary>
    private static CandidateMatch Flip(CandidateMatch m, int queryDoc) => new(
        queryDoc,
        m.LshBands,
        m.SharedAnchors,
        m.CandidateContainment,
        m.QueryContainment,
        m.CandidateFirstSentence,
        m.CandidateLastSentence,
        m.QueryFirstSentence,
        m.QueryLastSentence);
}
