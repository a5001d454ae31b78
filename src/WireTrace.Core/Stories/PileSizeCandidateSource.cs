using WireTrace.Core.Analysis;

namespace WireTrace.Core.Stories;

/// <summary>Uses one candidate source for piles of up to <paramref name="threshold"/> documents and another above.</summary>
public sealed class PileSizeCandidateSource(int threshold, ICandidateSource small, ICandidateSource large) : ICandidateSource
{
    public IReadOnlyList<CandidatePair> Find(IReadOnlyList<AnalyzedDocument> documents)
        => (documents.Count <= threshold ? small : large).Find(documents);
}
