using WireTrace.Core.Analysis;

namespace WireTrace.Core.Stories;

/// <summary>
/// Where <see cref="StoryBuilder"/> gets the pairs it aligns: <see cref="CandidateFinder"/> (rare shared terms,
/// in memory, for piles of thousands) or <c>WireTrace.Core.Retrieval.FingerprintCandidateSource</c> (LSH and
/// passage anchors, for millions).
/// </summary>
public interface ICandidateSource
{
    /// <summary>Candidate pairs (A &lt; B, indexes into <paramref name="documents"/>), sorted.</summary>
    IReadOnlyList<CandidatePair> Find(IReadOnlyList<AnalyzedDocument> documents);
}
