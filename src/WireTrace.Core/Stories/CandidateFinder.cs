using WireTrace.Core.Analysis;

namespace WireTrace.Core.Stories;

/// <summary>Two documents worth aligning, and how many rare terms proposed them.</summary>
public readonly record struct CandidatePair(int A, int B, int SharedRareTerms);

/// <summary>
/// Proposes pairs of documents to align from an inverted index over rare terms (stems, numbers, names):
/// terms found in at least two and at most a few documents; pairs sharing enough of them are
/// candidates. Good for piles of thousands; the scalable fingerprint index replaces it at millions.
/// </summary>
public sealed class CandidateFinder : ICandidateSource
{
    /// <param name="namesOnly">Index only capitalised names (entity anchors: the people, places and organisations
    /// of an event), which survive rewording and independent reporting, instead of every content term.</param>
    public CandidateFinder(int minSharedTerms = 5, int maxDocumentFrequency = 100, bool namesOnly = false)
    {
        MinSharedTerms = minSharedTerms;
        MaxDocumentFrequency = maxDocumentFrequency;
        NamesOnly = namesOnly;
    }

    public bool NamesOnly { get; }

    public int MinSharedTerms { get; }

    public int MaxDocumentFrequency { get; }

    /// <summary>Candidate pairs (A &lt; B, indexes into <paramref name="documents"/>), sorted.</summary>
    public IReadOnlyList<CandidatePair> Find(IReadOnlyList<AnalyzedDocument> documents)
        => Find(documents.Select(IndexedTerms).ToList());

    /// <summary>The distinct terms of <paramref name="document"/> this finder indexes (names only, or every content term), sorted.</summary>
    public int[] IndexedTerms(AnalyzedDocument document)
    {
        var seen = new HashSet<int>();
        foreach (var s in document.Profile.Sentences)
        {
            foreach (var t in NamesOnly ? s.Names : s.Terms) seen.Add(t);
        }
        return [.. seen.Order()];
    }

    /// <summary>Candidate pairs from each document's <see cref="IndexedTerms"/> (A &lt; B, list indexes), sorted.</summary>
    public IReadOnlyList<CandidatePair> Find(IReadOnlyList<int[]> termsByDocument)
    {
        var postings = new Dictionary<int, List<int>>();
        for (int d = 0; d < termsByDocument.Count; d++)
        {
            foreach (var t in termsByDocument[d])
            {
                if (!postings.TryGetValue(t, out var list)) postings[t] = list = [];
                list.Add(d);
            }
        }
        // In a small pile every shared term is informative; in a large one, only the rare ones.
        int maxDf = Math.Max(MaxDocumentFrequency, termsByDocument.Count <= 50 ? termsByDocument.Count : 0);
        var shared = new Dictionary<long, int>();
        foreach (var list in postings.Values)
        {
            if (list.Count < 2 || list.Count > maxDf) continue;
            for (int x = 0; x < list.Count; x++)
            {
                for (int y = x + 1; y < list.Count; y++)
                {
                    long key = ((long)list[x] << 32) | (uint)list[y];
                    shared[key] = shared.GetValueOrDefault(key) + 1;
                }
            }
        }
        var pairs = new List<CandidatePair>();
        foreach (var (key, count) in shared)
        {
            if (count >= MinSharedTerms) pairs.Add(new CandidatePair((int)(key >> 32), (int)(key & 0xFFFFFFFF), count));
        }
        pairs.Sort((p, q) => p.A != q.A ? p.A.CompareTo(q.A) : p.B.CompareTo(q.B));
        return pairs;
    }
}
