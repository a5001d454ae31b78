namespace WireTrace.Core.Retrieval;

/// <summary>How the <see cref="CandidateRetriever"/> indexes and what makes a candidate.</summary>
/// <param name="Bands">LSH bands (must match the fingerprints' sketch: Bands × Rows values).</param>
/// <param name="Rows">Sketch values per LSH band.</param>
/// <param name="MaxBucketSize">An LSH bucket with more documents is ignored.</param>
/// <param name="MaxAnchorFrequency">An anchor held by more documents is ignored (passim's upper df bound).</param>
/// <param name="MinPassageSentences">
/// Sentences of an aligned group of shared anchors (see <see cref="AnchorHits.PassageSentences"/>) that make a
/// partial-reuse candidate (fewer when one side has fewer anchored sentences).
/// </param>
/// <param name="MinLshBands">Shared LSH buckets that make a near-duplicate candidate.</param>
/// <param name="CompactWhenRemoved">Share of removed documents that triggers rebuilding the tables.</param>
public sealed record RetrievalOptions(
    int Bands = 8,
    int Rows = 4,
    int MaxBucketSize = 1000,
    int MaxAnchorFrequency = 100,
    int MinPassageSentences = 2,
    int MinLshBands = 1,
    double CompactWhenRemoved = 0.25)
{
    public static RetrievalOptions Default { get; } = new();
}
