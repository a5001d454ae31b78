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
/// A similarity is symmetric: <c>Score(a, i, b, j)</c> equals <c>Score(b, j, a, i)</c> with the two containments
/// swapped, so one matrix of scores serves a pair in both directions.
/// </summary>
public interface ISentenceSimilarity
{
    /// <summary>A short name for reports ("lexical", "encoder+lexical").</summary>
    string Name { get; }

    SimilarityScore Score(DocumentProfile a, int sentenceA, DocumentProfile b, int sentenceB);

    /// <summary>Share (IDF-weighted) of sentence <paramref name="sentenceA"/>'s terms found in the union of <paramref name="sentencesB"/>.</summary>
    double Containment(DocumentProfile a, int sentenceA, DocumentProfile b, ReadOnlySpan<int> sentencesB);

    /// <summary>
    /// Every sentence of <paramref name="a"/> against every sentence of <paramref name="b"/>:
    /// <c>scores[i * b.Sentences.Count + j] = Score(a, i, b, j)</c>, and <see cref="SimilarityScore.None"/> where
    /// either sentence is empty. A similarity may compute it faster than cell by cell.
    /// </summary>
    void ScoreMatrix(DocumentProfile a, DocumentProfile b, Span<SimilarityScore> scores)
    {
        int n = a.Sentences.Count, m = b.Sentences.Count;
        if (scores.Length < n * m) throw new ArgumentException($"The matrix needs {n * m} cells.", nameof(scores));
        for (int i = 0; i < n; i++)
        {
            bool empty = a.Sentences[i].IsEmpty;
            for (int j = 0; j < m; j++)
            {
                scores[i * m + j] = empty || b.Sentences[j].IsEmpty ? SimilarityScore.None : Score(a, i, b, j);
            }
        }
    }
}
