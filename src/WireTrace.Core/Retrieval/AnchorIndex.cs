using System.Buffers;
using System.Runtime.InteropServices;

namespace WireTrace.Core.Retrieval;

/// <summary>What a query shares with one indexed document through passage anchors.</summary>
/// <param name="Shared">Distinct anchors in common.</param>
/// <param name="QueryFirst">First query sentence holding a shared anchor.</param>
/// <param name="QueryLast">Last query sentence holding a shared anchor.</param>
/// <param name="CandidateFirst">First sentence of the indexed document holding a shared anchor.</param>
/// <param name="CandidateLast">Last sentence of the indexed document holding a shared anchor.</param>
public record struct AnchorHits(int Shared, int QueryFirst, int QueryLast, int CandidateFirst, int CandidateLast);

/// <summary>
/// Inverted index of passage anchors with positions (the sentence of each anchor) for partial reuse: a
/// query collects, per indexed document, the anchors it shares and where they sit on both sides.
/// Anchors held by more than <see cref="MaxDocumentFrequency"/> documents are ignored as boilerplate (the
/// lower bound of passim's band, two documents, is implicit: a shared anchor is in at least two). Each
/// document's anchor count is kept so containment can be estimated both ways (shared / anchors of each side).
/// </summary>
public sealed class AnchorIndex
{
    private readonly PostingTable _table;
    private ushort[] _anchorCounts = new ushort[1024];

    public AnchorIndex(int maxDocumentFrequency = 100)
    {
        _table = new PostingTable(maxDocumentFrequency, withPositions: true);
    }

    public int MaxDocumentFrequency => _table.MaxPostingsPerKey;

    /// <summary>Bytes held by the postings and the per-document counts.</summary>
    public long Bytes => _table.Bytes + _anchorCounts.Length * 2L;

    /// <summary>Postings held.</summary>
    public int Count => _table.Count;

    /// <summary>Anchors the document had when added (0 for an unknown document).</summary>
    public int AnchorCount(int doc) => doc < _anchorCounts.Length ? _anchorCounts[doc] : 0;

    /// <summary>Indexes a document's anchors (<paramref name="anchors"/> distinct) with their sentences.</summary>
    public void Add(int doc, ReadOnlySpan<uint> anchors, ReadOnlySpan<ushort> sentences)
    {
        if (doc >= _anchorCounts.Length) Array.Resize(ref _anchorCounts, Math.Max(doc + 1, _anchorCounts.Length * 2));
        _anchorCounts[doc] = (ushort)Math.Min(anchors.Length, ushort.MaxValue);
        for (int i = 0; i < anchors.Length; i++) _table.Add(anchors[i], doc, sentences[i]);
    }

    /// <summary>Accumulates into <paramref name="hits"/> every indexed document sharing an informative anchor with the query.</summary>
    public void Query(ReadOnlySpan<uint> anchors, ReadOnlySpan<ushort> sentences, Dictionary<int, AnchorHits> hits)
    {
        var buffer = ArrayPool<Posting>.Shared.Rent(_table.MaxPostingsPerKey);
        try
        {
            for (int a = 0; a < anchors.Length; a++)
            {
                int n = _table.Find(anchors[a], buffer);
                if (n >= _table.MaxPostingsPerKey) continue; // too common to mean anything
                int q = sentences[a];
                for (int i = 0; i < n; i++)
                {
                    ref var h = ref CollectionsMarshal.GetValueRefOrAddDefault(hits, buffer[i].Doc, out bool existed);
                    int c = buffer[i].Position;
                    h = existed
                        ? new AnchorHits(h.Shared + 1, Math.Min(h.QueryFirst, q), Math.Max(h.QueryLast, q), Math.Min(h.CandidateFirst, c), Math.Max(h.CandidateLast, c))
                        : new AnchorHits(1, q, q, c, c);
                }
            }
        }
        finally
        {
            ArrayPool<Posting>.Shared.Return(buffer);
        }
    }

    /// <summary>Drops the documents that fail <paramref name="keep"/>.</summary>
    public void Retain(Func<int, bool> keep)
    {
        _table.Retain(keep);
        for (int d = 0; d < _anchorCounts.Length; d++) if (_anchorCounts[d] != 0 && !keep(d)) _anchorCounts[d] = 0;
    }
}
