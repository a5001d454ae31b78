namespace WireTrace.Core.Retrieval;

/// <summary>
/// One indexed document proposed for a query, with the evidence: LSH buckets shared (near-duplicate),
/// passage anchors shared and the containment they imply both ways (shared / anchors of the query, shared
/// / anchors of the candidate: an excerpt is contained in its source, not the reverse), and the sentence
/// range holding the shared anchors on each side (-1 when no anchor is shared).
/// </summary>
public readonly record struct CandidateMatch(
    int DocId,
    int LshBands,
    int SharedAnchors,
    double QueryContainment,
    double CandidateContainment,
    int QueryFirstSentence,
    int QueryLastSentence,
    int CandidateFirstSentence,
    int CandidateLastSentence)
{
    /// <summary>Proposed by LSH (whole-document similarity).</summary>
    public bool NearDuplicate => LshBands > 0;
}

/// <summary>A candidate pair A &lt; B with the evidence as seen from A (A is the query side).</summary>
public readonly record struct RetrievedPair(int A, int B, CandidateMatch Evidence);
