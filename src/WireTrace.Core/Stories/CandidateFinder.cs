using WireTrace.Core.Analysis;
using WireTrace.Core.Similarity;

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
    public int[] IndexedTerms(AnalyzedDocument document) => IndexedTerms(document.Profile);

    /// <summary>The distinct terms of <paramref name="profile"/> this finder indexes (names only, or every content term), sorted.</summary>
    public int[] IndexedTerms(DocumentProfile profile)
    {
        if (NamesOnly) return profile.Names.Sorted;
        var seen = new HashSet<int>();
        foreach (var s in profile.Sentences)
        {
            foreach (var t in s.Terms) seen.Add(t);
        }
        return [.. seen.Order()];
    }

    /// <summary>Candidate pairs from each document's <see cref="IndexedTerms"/> (A &lt; B, list indexes), sorted.</summary>
    /// <remarks>
    /// Postings of the terms within the document-frequency band are laid out in one array (documents ascending);
    /// then each document counts, in a dense per-thread counter, the later documents it shares such terms with.
    /// Work is the number of shared-term incidences, with no hashing per pair; documents are counted in parallel.
    /// </remarks>
    public IReadOnlyList<CandidatePair> Find(IReadOnlyList<int[]> termsByDocument)
    {
        int n = termsByDocument.Count;
        // In a small pile every shared term is informative; in a large one, only the rare ones.
        int maxDf = Math.Max(MaxDocumentFrequency, n <= 50 ? n : 0);
        var slotOf = new Dictionary<int, int>();
        var df = new List<int>();
        foreach (var terms in termsByDocument)
        {
            foreach (var t in terms)
            {
                if (!slotOf.TryGetValue(t, out int slot))
                {
                    slotOf[t] = slot = df.Count;
                    df.Add(0);
                }
                df[slot]++;
            }
        }
        // Postings of the informative terms (2 ≤ df ≤ maxDf), each list in document order.
        var start = new int[df.Count + 1];
        for (int s = 0; s < df.Count; s++) start[s + 1] = start[s] + (df[s] >= 2 && df[s] <= maxDf ? df[s] : 0);
        var postings = new int[start[^1]];
        var fill = start[..^1];
        var kept = new int[n][];
        for (int d = 0; d < n; d++)
        {
            var mine = new List<int>();
            foreach (var t in termsByDocument[d])
            {
                int s = slotOf[t];
                if (start[s + 1] == start[s]) continue;
                postings[fill[s]++] = d;
                mine.Add(s);
            }
            kept[d] = [.. mine];
        }

        var found = new List<CandidatePair>?[n];
        Parallel.For(0, n, () => new int[n], (d, _, counts) =>
        {
            var touched = new List<int>();
            foreach (var s in kept[d])
            {
                var list = postings.AsSpan(start[s], start[s + 1] - start[s]);
                int i = list.BinarySearch(d);
                for (i = i + 1; i < list.Length; i++)
                {
                    int e = list[i];
                    if (counts[e]++ == 0) touched.Add(e);
                }
            }
            touched.Sort();
            foreach (var e in touched)
            {
                if (counts[e] >= MinSharedTerms) (found[d] ??= []).Add(new CandidatePair(d, e, counts[e]));
                counts[e] = 0;
            }
            return counts;
        }, _ => { });
        var pairs = new List<CandidatePair>();
        foreach (var list in found)
        {
            if (list != null) pairs.AddRange(list);
        }
        return pairs;
    }
}
