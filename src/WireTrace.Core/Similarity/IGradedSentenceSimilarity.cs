namespace WireTrace.Core.Similarity;

/// <summary>
/// A sentence similarity that also grades how alike two sentences' meanings are on the STS scale (0 unrelated …
/// 5 equivalent), from a head trained for graded similarity, while <see cref="ISentenceSimilarity.Score"/> stays
/// the score the aligner thresholds. Graded-similarity evaluations (STS) use <see cref="Graded"/> when it exists.
/// </summary>
public interface IGradedSentenceSimilarity : ISentenceSimilarity
{
    /// <summary>Graded similarity of the two sentences on the 0–5 STS scale.</summary>
    double Graded(DocumentProfile a, int sentenceA, DocumentProfile b, int sentenceB);
}
