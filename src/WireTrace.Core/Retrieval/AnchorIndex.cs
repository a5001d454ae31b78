using System.Buffers;
using System.Runtime.InteropServices;

namespace WireTrace.Core.Retrieval;

/// <summary>What a query shares with one indexed document through passage anchors.</summary>
/// <param name="Shared">Distinct anchors in common.</param>
/// <param name="PassageSentences">
/// Sentences in the best aligned group: shared anchors whose sentence offsets (candidate sentence − query
/// sentence) lie within <see cref="AnchorIndex.OffsetTolerance"/> of each other and whose sentences are near
/// each other (gaps up to <see cref="AnchorIndex.MaxSentenceGap"/>), counted as the smaller of the distinct
/// query sentences and the distinct candidate sentences among them. Reused passages line up
/// (an excerpt keeps a constant offset, a copy too up to dropped sentences); chance collisions of common
/// phrases scatter, and two anchors of one sentence count once.
/// </param>
/// <param name="QueryFirst">First query sentence holding a shared anchor.</param>
/// <param name="QueryLast">Last query sentence holding a shared anchor.</param>
/// <param name="CandidateFirst">First sentence of the indexed document holding a shared anchor.</param>
/// <param name="CandidateLast">Last sentence of the indexed document holding a shared anchor.</param>
public readonly record struct AnchorHits(int Shared, int PassageSentences, int QueryFirst, int QueryLast, int CandidateFirst, int CandidateLast);

/// <summary>
/// Inverted index of passage anchors with positions (the sentence of each anchor) for partial reuse: a
/// query collects, per indexed document, the anchors it shares and where they sit on both sides.
/// Anchors held by more than <see cref="MaxDocumentFrequency"/> documents are ignored as boilerplate (the
/// lower bound of passim's band, two documents, is implicit: a shared anchor is in at least two). Each
/// document's anchor count is kept so containment can be estimated both ways (shared / anchors of each side).
/// </summary>
public sealed class AnchorIndex
{
    private readonly PostingIndex _table;
    private ushort[] _anchorCounts = new ushort[1024];
    private ushort[] _anchoredSentences = new ushort[1024];

    /// <summary>How far apart (in sentences) the offsets of one aligned group of shared anchors may be.</summary>
    public const int OffsetTolerance = 3;

    /// <summary>Largest gap between consecutive query sentences of one aligned group.</summary>
    public const int MaxSentenceGap = 3;

    public AnchorIndex(int maxDocumentFrequency = 100)
    {
        _table = new PostingIndex(maxDocumentFrequency, withPositions: true);
    }

    public int MaxDocumentFrequency => _table.MaxPostingsPerKey;

    /// <summary>Bytes held by the postings and the per-document counts.</summary>
    public long Bytes => _table.Bytes + _anchorCounts.Length * 4L;

    /// <summary>Postings held.</summary>
    public int Count => _table.Count;

    /// <summary>Anchors the document had when added (0 for an unknown document).</summary>
    public int AnchorCount(int doc) => doc < _anchorCounts.Length ? _anchorCounts[doc] : 0;

    /// <summary>Sentences of the document holding at least one anchor (0 for an unknown document).</summary>
    public int AnchoredSentences(int doc) => doc < _anchoredSentences.Length ? _anchoredSentences[doc] : 0;

    /// <summary>Indexes a document's anchors (<paramref name="anchors"/> distinct) with their sentences.</summary>
    public void Add(int doc, ReadOnlySpan<uint> anchors, ReadOnlySpan<ushort> sentences)
    {
        if (anchors.Length != sentences.Length) throw new ArgumentException("one sentence per anchor", nameof(sentences));
        SetCounts(doc, anchors.Length, sentences);
        for (int i = 0; i < anchors.Length; i++) _table.Add(anchors[i], doc, sentences[i]);
    }

    /// <summary>
    /// Indexes the anchors of many documents at once, the postings given flat (anchor, document, sentence; the
    /// first <paramref name="count"/> of each array, every document's anchors distinct and together), each thread
    /// filling its own shards of the table. The same index as <see cref="Add"/> one document at a time.
    /// </summary>
    public void AddMany(uint[] anchors, int[] docs, ushort[] sentences, int count, int maxDegreeOfParallelism = -1)
    {
        for (int start = 0; start < count;)
        {
            int end = start + 1;
            while (end < count && docs[end] == docs[start]) end++;
            SetCounts(docs[start], end - start, sentences.AsSpan(start, end - start));
            start = end;
        }
        _table.AddMany(anchors, docs, sentences, count, maxDegreeOfParallelism);
    }

    private void SetCounts(int doc, int anchors, ReadOnlySpan<ushort> sentences)
    {
        PostingTable.CheckDoc(doc);
        if (doc >= _anchorCounts.Length)
        {
            int size = Math.Max(doc + 1, _anchorCounts.Length * 2);
            Array.Resize(ref _anchorCounts, size);
            Array.Resize(ref _anchoredSentences, size);
        }
        _anchorCounts[doc] = (ushort)Math.Min(anchors, ushort.MaxValue);
        _anchoredSentences[doc] = (ushort)Math.Min(DistinctSentences(sentences), ushort.MaxValue);
    }

    /// <summary>Distinct values in a list of sentence indexes given in reading order.</summary>
    public static int DistinctSentences(ReadOnlySpan<ushort> sentences)
    {
        int n = 0;
        for (int i = 0; i < sentences.Length; i++) if (i == 0 || sentences[i] != sentences[i - 1]) n++;
        return n;
    }

    /// <summary>Adds to <paramref name="hits"/> every indexed document sharing an informative anchor with the query.</summary>
    public void Query(ReadOnlySpan<uint> anchors, ReadOnlySpan<ushort> sentences, Dictionary<int, AnchorHits> hits)
    {
        var flat = new List<Hit>();
        var buffer = ArrayPool<Posting>.Shared.Rent(_table.MaxPostingsPerKey);
        try
        {
            for (int a = 0; a < anchors.Length; a++)
            {
                int n = _table.Find(anchors[a], buffer);
                if (n >= _table.MaxPostingsPerKey) continue; // too common to mean anything
                for (int i = 0; i < n; i++) flat.Add(new Hit(buffer[i].Doc, buffer[i].Position - sentences[a], sentences[a], buffer[i].Position));
            }
        }
        finally
        {
            ArrayPool<Posting>.Shared.Return(buffer);
        }
        flat.Sort();
        var span = CollectionsMarshal.AsSpan(flat);
        for (int start = 0; start < span.Length;)
        {
            int end = start + 1;
            while (end < span.Length && span[end].Doc == span[start].Doc) end++;
            var group = span[start..end];
            int qFirst = int.MaxValue, qLast = -1, cFirst = int.MaxValue, cLast = -1;
            foreach (var h in group)
            {
                qFirst = Math.Min(qFirst, h.Query);
                qLast = Math.Max(qLast, h.Query);
                cFirst = Math.Min(cFirst, h.Candidate);
                cLast = Math.Max(cLast, h.Candidate);
            }
            hits[span[start].Doc] = new AnchorHits(group.Length, BestAlignedGroup(group), qFirst, qLast, cFirst, cLast);
            start = end;
        }
    }

    /// <summary>
    /// The best aligned group: hits whose offsets lie within <see cref="OffsetTolerance"/> and whose query
    /// sentences follow each other with gaps of at most <see cref="MaxSentenceGap"/>; scored as the smaller of
    /// its distinct query and candidate sentences.
    /// </summary>
    private static int BestAlignedGroup(ReadOnlySpan<Hit> hits)
    {
        if (hits.Length == 1) return 1;
        int best = 1;
        var window = hits.Length <= 128 ? stackalloc (int Query, int Candidate)[hits.Length] : new (int, int)[hits.Length];
        Span<int> scratch = hits.Length <= 128 ? stackalloc int[hits.Length] : new int[hits.Length];
        for (int i = 0; i < hits.Length; i++)
        {
            if (i > 0 && hits[i].Offset == hits[i - 1].Offset) continue; // same window as before, or a subset
            int n = 0;
            for (int j = i; j < hits.Length && hits[j].Offset - hits[i].Offset <= OffsetTolerance; j++) window[n++] = (hits[j].Query, hits[j].Candidate);
            if (n <= best) continue;
            var w = window[..n];
            w.Sort();
            for (int runStart = 0; runStart < n;)
            {
                int runEnd = runStart + 1;
                while (runEnd < n && w[runEnd].Query - w[runEnd - 1].Query <= MaxSentenceGap) runEnd++;
                if (runEnd - runStart > best)
                {
                    var run = w[runStart..runEnd];
                    for (int k = 0; k < run.Length; k++) scratch[k] = run[k].Query;
                    int distinctQuery = Distinct(scratch[..run.Length]);
                    for (int k = 0; k < run.Length; k++) scratch[k] = run[k].Candidate;
                    best = Math.Max(best, Math.Min(distinctQuery, Distinct(scratch[..run.Length])));
                }
                runStart = runEnd;
            }
        }
        return best;
    }

    private static int Distinct(Span<int> values)
    {
        values.Sort();
        int n = 0;
        for (int i = 0; i < values.Length; i++) if (i == 0 || values[i] != values[i - 1]) n++;
        return n;
    }

    /// <summary>One shared anchor: ordered by document, then offset, so a document's aligned groups are runs.</summary>
    private readonly record struct Hit(int Doc, int Offset, int Query, int Candidate) : IComparable<Hit>
    {
        public int CompareTo(Hit other)
        {
            int c = Doc.CompareTo(other.Doc);
            if (c != 0) return c;
            c = Offset.CompareTo(other.Offset);
            if (c != 0) return c;
            c = Query.CompareTo(other.Query);
            return c != 0 ? c : Candidate.CompareTo(other.Candidate);
        }
    }

    /// <summary>Merges recent postings into the packed segments, shards in parallel.</summary>
    public void Freeze(int maxDegreeOfParallelism = -1) => _table.Freeze(maxDegreeOfParallelism);

    /// <summary>Drops the documents that fail <paramref name="keep"/>.</summary>
    public void Retain(Func<int, bool> keep)
    {
        _table.Retain(keep);
        for (int d = 0; d < _anchorCounts.Length; d++)
        {
            if (_anchorCounts[d] != 0 && !keep(d)) _anchorCounts[d] = _anchoredSentences[d] = 0;
        }
    }
}
