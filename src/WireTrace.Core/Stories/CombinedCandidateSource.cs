using WireTrace.Core.Analysis;

namespace WireTrace.Core.Stories;

/// <summary>
/// The union of several candidate sources (each pair once, with the strongest evidence any source gave it):
/// fingerprints for text reuse, entity anchors for reports of the same event that share no passage.
/// </summary>
public sealed class CombinedCandidateSource(params ICandidateSource[] sources) : ICandidateSource
{
    public IReadOnlyList<CandidatePair> Find(IReadOnlyList<AnalyzedDocument> documents)
    {
        var pairs = new Dictionary<(int, int), CandidatePair>();
        foreach (var source in sources)
        {
            foreach (var p in source.Find(documents))
            {
                if (!pairs.TryGetValue((p.A, p.B), out var known) || p.SharedRareTerms > known.SharedRareTerms) pairs[(p.A, p.B)] = p;
            }
        }
        return pairs.Values.OrderBy(p => p.A).ThenBy(p => p.B).ToList();
    }
}
