namespace WireTrace.Core.Similarity;

/// <summary>
/// How alike two sentences are, as evidence for alignment. <see cref="Score"/> is in [0, 1]; the
/// containments say how much of each side the other holds (for merges and splits).
/// </summary>
public readonly record struct SimilarityScore(double Score, double ContainmentOfA, double ContainmentOfB)
{
    public static SimilarityScore None => default;
}

/// <summary>
/// A sentence similarity: lexical today; a semantic encoder plugs in here without the aligner changing.
/// </summary>
public interface ISentenceSimilarity
{
    /// <summary>A short name for reports ("lexical", "encoder+lexical").</summary>
    string Name { get; }

    SimilarityScore Score(DocumentProfile a, int sentenceA, DocumentProfile b, int sentenceB);

    /// <summary>Share (IDF-weighted) of sentence <paramref name="sentenceA"/>'s terms found in the union of <paramref name="sentencesB"/>.</summary>
    double Containment(DocumentProfile a, int sentenceA, DocumentProfile b, ReadOnlySpan<int> sentencesB);
}
