using System.Buffers;

namespace WireTrace.Core.Similarity;

/// <summary>
/// Lexical sentence similarity: IDF-weighted Dice over stems and numbers, blended with Dice over
/// character 4-grams (inflections, spelling variants, compounds), plus a small bonus for shared
/// numbers and names, which rarely coincide by chance.
/// </summary>
public sealed class LexicalSentenceSimilarity : ISentenceSimilarity
{
    private readonly TermStatistics _statistics;

    public LexicalSentenceSimilarity(TermStatistics statistics, LexicalWeights? weights = null)
    {
        _statistics = statistics;
        Weights = weights ?? LexicalWeights.Default;
    }

    public string Name => "lexical";

    public LexicalWeights Weights { get; }

    public SimilarityScore Score(DocumentProfile a, int sentenceA, DocumentProfile b, int sentenceB)
    {
        var x = a.Sentences[sentenceA];
        var y = b.Sentences[sentenceB];
        if (x.IsEmpty || y.IsEmpty) return SimilarityScore.None;
        _statistics.WeightedOverlap(x.Terms, y.Terms, out double wx, out double wy, out double shared);
        return Combine(x, y, wx, wy, shared);
    }

    /// <summary>
    /// The same scores as <see cref="Score"/>, cell for cell, without visiting the pairs of sentences that share no
    /// term: one pass over both documents' terms sorted by id adds each shared term's weight to the cells of the
    /// sentences holding it, in ascending term order as <see cref="Score"/> adds them; only cells with a shared
    /// weight are then scored.
    /// </summary>
    public void ScoreMatrix(DocumentProfile a, DocumentProfile b, Span<SimilarityScore> scores)
    {
        int n = a.Sentences.Count, m = b.Sentences.Count;
        if (scores.Length < n * m) throw new ArgumentException($"The matrix needs {n * m} cells.", nameof(scores));
        scores[..(n * m)].Clear();
        if (n == 0 || m == 0) return;
        var weightsA = ArrayPool<double>.Shared.Rent(n);
        var weightsB = ArrayPool<double>.Shared.Rent(m);
        var shared = ArrayPool<double>.Shared.Rent(n * m);
        var termsA = a.SentenceTerms;
        var termsB = b.SentenceTerms;
        int countA = termsA.Length, countB = termsB.Length;
        SentenceWeights(a, weightsA);
        SentenceWeights(b, weightsB);
        try
        {
            Array.Clear(shared, 0, n * m);
            bool any = false;
            int p = 0, q = 0;
            while (p < countA && q < countB)
            {
                int ta = (int)(termsA[p] >> 32), tb = (int)(termsB[q] >> 32);
                if (ta < tb) { p++; continue; }
                if (tb < ta) { q++; continue; }
                int endA = p, endB = q;
                while (endA < countA && (int)(termsA[endA] >> 32) == ta) endA++;
                while (endB < countB && (int)(termsB[endB] >> 32) == ta) endB++;
                double idf = _statistics.Idf(ta);
                for (int u = p; u < endA; u++)
                {
                    int row = (int)termsA[u] * m;
                    for (int v = q; v < endB; v++) shared[row + (int)termsB[v]] += idf;
                }
                any = true;
                p = endA;
                q = endB;
            }
            if (!any) return;
            for (int i = 0; i < n; i++)
            {
                var x = a.Sentences[i];
                for (int j = 0; j < m; j++)
                {
                    double s = shared[i * m + j];
                    if (s != 0) scores[i * m + j] = Combine(x, b.Sentences[j], weightsA[i], weightsB[j], s);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(shared);
            ArrayPool<double>.Shared.Return(weightsA);
            ArrayPool<double>.Shared.Return(weightsB);
        }
    }

    /// <summary>Each sentence's total term weight, summed in ascending term order.</summary>
    private void SentenceWeights(DocumentProfile profile, double[] weights)
    {
        for (int i = 0; i < profile.Sentences.Count; i++)
        {
            double w = 0;
            foreach (var t in profile.Sentences[i].Terms) w += _statistics.Idf(t);
            weights[i] = w;
        }
    }

    /// <summary>The score of two sentences from their term weights and the weight they share (0: nothing shared).</summary>
    private SimilarityScore Combine(SentenceProfile x, SentenceProfile y, double wx, double wy, double shared)
    {
        // Sentences that share no stem or number are never aligned: skip the character grams.
        if (shared == 0) return SimilarityScore.None;
        double termDice = wx + wy > 0 ? 2 * shared / (wx + wy) : 0;
        double gramDice = Dice(x.CharGrams, y.CharGrams);
        double anchors = AnchorAgreement(x, y);
        var w = Weights;
        double score = w.Terms * termDice + w.CharGrams * gramDice + w.Anchors * anchors;
        return new SimilarityScore(
            Math.Clamp(score / (w.Terms + w.CharGrams + w.Anchors), 0, 1),
            wx > 0 ? shared / wx : 0,
            wy > 0 ? shared / wy : 0);
    }

    public double Containment(DocumentProfile a, int sentenceA, DocumentProfile b, ReadOnlySpan<int> sentencesB)
    {
        var terms = a.Sentences[sentenceA].Terms;
        double total = 0, found = 0;
        foreach (var t in terms)
        {
            float idf = _statistics.Idf(t);
            total += idf;
            foreach (var j in sentencesB)
            {
                if (Array.BinarySearch(b.Sentences[j].Terms, t) >= 0)
                {
                    found += idf;
                    break;
                }
            }
        }
        return total > 0 ? found / total : 0;
    }

    /// <summary>Dice coefficient of two sorted distinct arrays.</summary>
    internal static double Dice(ReadOnlySpan<uint> x, ReadOnlySpan<uint> y)
    {
        if (x.Length + y.Length == 0) return 0;
        return 2.0 * SortedSets.IntersectionCount(x, y) / (x.Length + y.Length);
    }

    /// <summary>Agreement on numbers and names: 1 when all those of the smaller side are shared, 0 when none or none present.</summary>
    private static double AnchorAgreement(SentenceProfile x, SentenceProfile y)
    {
        int present = Math.Min(x.Numbers.Length + x.Names.Length, y.Numbers.Length + y.Names.Length);
        if (present == 0) return 0;
        int shared = SortedSets.IntersectionCount<int>(x.Numbers, y.Numbers) + SortedSets.IntersectionCount<int>(x.Names, y.Names);
        return Math.Min(1.0, (double)shared / present);
    }
}

/// <summary>Blend weights of <see cref="LexicalSentenceSimilarity"/> (tuned on MRPC train and STS train only).</summary>
public sealed record LexicalWeights(double Terms, double CharGrams, double Anchors)
{
    public static LexicalWeights Default { get; } = new(0.55, 0.35, 0.10);
}
