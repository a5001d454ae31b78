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

        WeightedOverlap(x.Terms, y.Terms, out double wx, out double wy, out double shared);
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

    private void WeightedOverlap(int[] x, int[] y, out double wx, out double wy, out double shared)
    {
        wx = 0; wy = 0; shared = 0;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                float idf = _statistics.Idf(x[i]);
                wx += idf; wy += idf; shared += idf;
                i++; j++;
            }
            else if (x[i] < y[j]) wx += _statistics.Idf(x[i++]);
            else wy += _statistics.Idf(y[j++]);
        }
        while (i < x.Length) wx += _statistics.Idf(x[i++]);
        while (j < y.Length) wy += _statistics.Idf(y[j++]);
    }

    /// <summary>Dice coefficient of two sorted distinct arrays.</summary>
    internal static double Dice(ReadOnlySpan<uint> x, ReadOnlySpan<uint> y)
    {
        if (x.Length + y.Length == 0) return 0;
        int i = 0, j = 0, n = 0;
        while (i < x.Length && j < y.Length)
        {
            uint a = x[i], b = y[j];
            if (a == b) { n++; i++; j++; }
            else if (a < b) i++;
            else j++;
        }
        return 2.0 * n / (x.Length + y.Length);
    }

    internal static int IntersectionCount(ReadOnlySpan<int> x, ReadOnlySpan<int> y)
    {
        int i = 0, j = 0, n = 0;
        while (i < x.Length && j < y.Length)
        {
            int a = x[i], b = y[j];
            if (a == b) { n++; i++; j++; }
            else if (a < b) i++;
            else j++;
        }
        return n;
    }

    /// <summary>Agreement on numbers and names: 1 when all those of the smaller side are shared, 0 when none or none present.</summary>
    private static double AnchorAgreement(SentenceProfile x, SentenceProfile y)
    {
        int present = Math.Min(x.Numbers.Length + x.Names.Length, y.Numbers.Length + y.Names.Length);
        if (present == 0) return 0;
        int shared = IntersectionCount(x.Numbers, y.Numbers) + IntersectionCount(x.Names, y.Names);
        return Math.Min(1.0, (double)shared / present);
    }
}

/// <summary>Blend weights of <see cref="LexicalSentenceSimilarity"/> (tuned on MRPC train and STS train only).</summary>
public sealed record LexicalWeights(double Terms, double CharGrams, double Anchors)
{
    public static LexicalWeights Default { get; } = new(0.55, 0.35, 0.10);
}
