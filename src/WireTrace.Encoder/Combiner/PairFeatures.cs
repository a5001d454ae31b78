using WireTrace.Core.Similarity;
using WireTrace.Core.Text;

namespace WireTrace.Encoder.Combiner;

/// <summary>
/// What <see cref="PairFeatures"/> needs from one sentence, computed once per sentence (an aligner compares each
/// sentence with many): its profile, encoder vector, normalised words, distinct word 1/2/3-grams, negation count, and
/// the counts the machine-translation-metric features compare (stem 1-4-grams, character 1-6-grams, content stems,
/// capitalised words).
/// </summary>
public sealed class SentenceSide
{
    private SentenceSide(SentenceProfile profile, float[] vector, List<string> words, HashSet<string>[] nGrams, int negations, WordSequence sequence)
    {
        Profile = profile;
        Vector = vector;
        Words = words;
        NGrams = nGrams;
        Negations = negations;
        Sequence = sequence;
    }

    public SentenceProfile Profile { get; }

    public float[] Vector { get; }

    internal List<string> Words { get; }

    /// <summary>Distinct word n-grams for n = 1, 2, 3.</summary>
    internal HashSet<string>[] NGrams { get; }

    internal int Negations { get; }

    /// <summary>Stem sequence and the n-gram counts of <see cref="OverlapMeasures"/>.</summary>
    internal WordSequence Sequence { get; }

    /// <summary>Sentence <paramref name="sentence"/> of <paramref name="document"/> with its encoder vector.</summary>
    public static SentenceSide Of(DocumentProfile document, int sentence, float[] vector)
    {
        if (vector.Length != UniversalSentenceEncoder.Dimensions)
            throw new ArgumentException($"encoder vectors must have {UniversalSentenceEncoder.Dimensions} dimensions", nameof(vector));
        var words = PairFeatures.Words(document.Model, sentence);
        var nGrams = new HashSet<string>[PairFeatures.MaxNGram];
        for (int n = 1; n <= nGrams.Length; n++) nGrams[n - 1] = PairFeatures.NGrams(words, n);
        return new SentenceSide(document.Sentences[sentence], vector, words, nGrams, PairFeatures.NegationCount(document.Model, sentence),
            WordSequence.Of(document.Model, sentence));
    }
}

/// <summary>
/// The features the trained combiner sees for one sentence pair: lexical signals computed here from the public
/// <see cref="SentenceProfile"/> arrays and the run's <see cref="TermStatistics"/> (IDF), the USE-lite cosine, and the
/// element-wise |u − v| and u ⊙ v of the two 512-d vectors (the InferSent / SBERT classifier-head features). Every
/// feature is symmetric in the two sentences (MRPC and STS pairs have no direction). Layout:
/// <see cref="ScalarNames"/>, then 512 × |u − v|, then 512 × u ⊙ v.
/// </summary>
public static class PairFeatures
{
    /// <summary>Names of the scalar features, in vector order (recorded in the weights file).</summary>
    public static IReadOnlyList<string> ScalarNames { get; } =
    [
        "cosine", "cosine_squared",
        "idf_term_dice", "idf_containment_min", "idf_containment_max", "term_dice",
        "char4_dice", "char4_containment_min", "char4_containment_max",
        "unshared_idf_min", "unshared_idf_max",
        "numbers_both", "numbers_jaccard", "numbers_mismatch", "names_jaccard", "names_mismatch",
        "length_ratio", "length_log_mean", "negation_mismatch",
        "cosine_x_idf_term_dice",
        "word1_containment_min", "word1_containment_max", "word2_containment_min", "word2_containment_max",
        "word3_containment_min", "word3_containment_max", "word_lcs_ratio",
        "stem1_precision_min", "stem1_precision_max", "stem1_f1", "stem2_precision_min", "stem2_precision_max", "stem2_f1",
        "stem3_precision_min", "stem3_precision_max", "stem3_f1", "stem4_precision_min", "stem4_precision_max", "stem4_f1",
        "chrf_min", "chrf_max", "stem_edit_rate_longer", "stem_edit_rate_shorter",
        "numbers_one_side", "numbers_unmatched_log",
        "unmatched_content_min", "unmatched_content_max", "unmatched_content_sum",
        "capitalised_unmatched", "length_difference_words", "length_difference_chars", "length_difference_relative",
    ];

    /// <summary>
    /// Index of the first scalar feature that only the boosted trees read (the machine-translation-metric features of
    /// <see cref="OverlapMeasures"/>): the linear heads give these weight 0. Fitted linearly they raise MRPC
    /// cross-validated accuracy too, but extrapolate badly to the unrelated sentence pairs an aligner also compares
    /// (MRPC has none), which cost the alignment of synthetic dev dearly; trees stay within the range they were fitted on.
    /// </summary>
    public static int TreesOnlyFrom { get; } = 27;

    /// <summary>Number of scalar features.</summary>
    public static int ScalarCount => ScalarNames.Count;

    /// <summary>Length of the whole feature vector.</summary>
    public static int Count => ScalarCount + 2 * UniversalSentenceEncoder.Dimensions;

    /// <summary>Longest word n-gram compared.</summary>
    internal const int MaxNGram = 3;

    /// <summary>Writes the features of sentence <paramref name="i"/> of <paramref name="a"/> (vector <paramref name="u"/>) and sentence <paramref name="j"/> of <paramref name="b"/> (vector <paramref name="v"/>) into <paramref name="features"/>.</summary>
    public static void Compute(DocumentProfile a, int i, DocumentProfile b, int j, TermStatistics statistics, float[] u, float[] v, Span<double> features) =>
        Compute(SentenceSide.Of(a, i, u), SentenceSide.Of(b, j, v), statistics, features);

    /// <summary>Writes the features of the two sentences into <paramref name="features"/>.</summary>
    public static void Compute(SentenceSide first, SentenceSide second, TermStatistics statistics, Span<double> features)
    {
        if (features.Length != Count) throw new ArgumentException($"expected {Count} features, got {features.Length}", nameof(features));
        var x = first.Profile;
        var y = second.Profile;
        ReadOnlySpan<float> u = first.Vector, v = second.Vector;
        double cosine = UniversalSentenceEncoder.Cosine(u, v);

        statistics.WeightedOverlap(x.Terms, y.Terms, out double wx, out double wy, out double shared);
        double cx = wx > 0 ? shared / wx : 0, cy = wy > 0 ? shared / wy : 0;
        double idfDice = wx + wy > 0 ? 2 * shared / (wx + wy) : 0;
        int sharedTerms = SortedSets.IntersectionCount<int>(x.Terms, y.Terms);
        int sharedGrams = SortedSets.IntersectionCount<uint>(x.CharGrams, y.CharGrams);
        double gx = x.CharGrams.Length > 0 ? (double)sharedGrams / x.CharGrams.Length : 0;
        double gy = y.CharGrams.Length > 0 ? (double)sharedGrams / y.CharGrams.Length : 0;
        int sharedNumbers = SortedSets.IntersectionCount<int>(x.Numbers, y.Numbers);
        int sharedNames = SortedSets.IntersectionCount<int>(x.Names, y.Names);
        int lx = x.ContentTokenCount, ly = y.ContentTokenCount;

        int k = 0;
        features[k++] = cosine;
        features[k++] = cosine * cosine;
        features[k++] = idfDice;
        features[k++] = Math.Min(cx, cy);
        features[k++] = Math.Max(cx, cy);
        features[k++] = Dice(sharedTerms, x.Terms.Length, y.Terms.Length);
        features[k++] = Dice(sharedGrams, x.CharGrams.Length, y.CharGrams.Length);
        features[k++] = Math.Min(gx, gy);
        features[k++] = Math.Max(gx, gy);
        features[k++] = Math.Log(1 + Math.Min(wx - shared, wy - shared));
        features[k++] = Math.Log(1 + Math.Max(wx - shared, wy - shared));
        features[k++] = x.Numbers.Length > 0 && y.Numbers.Length > 0 ? 1 : 0;
        features[k++] = Jaccard(sharedNumbers, x.Numbers.Length, y.Numbers.Length);
        features[k++] = sharedNumbers < Math.Max(x.Numbers.Length, y.Numbers.Length) ? 1 : 0;
        features[k++] = Jaccard(sharedNames, x.Names.Length, y.Names.Length);
        features[k++] = sharedNames < Math.Max(x.Names.Length, y.Names.Length) ? 1 : 0;
        features[k++] = Math.Max(lx, ly) > 0 ? (double)Math.Min(lx, ly) / Math.Max(lx, ly) : 0;
        features[k++] = Math.Log(1 + (lx + ly) / 2.0);
        features[k++] = first.Negations % 2 != second.Negations % 2 ? 1 : 0;
        features[k++] = cosine * idfDice;
        var wordsA = first.Words;
        var wordsB = second.Words;
        for (int n = 1; n <= MaxNGram; n++)
        {
            var (min, max) = Containments(first.NGrams[n - 1], second.NGrams[n - 1]);
            features[k++] = min;
            features[k++] = max;
        }
        features[k++] = Math.Max(wordsA.Count, wordsB.Count) > 0 ? (double)LongestCommonSubsequence(wordsA, wordsB) / Math.Max(wordsA.Count, wordsB.Count) : 0;
        k = OverlapMeasures.Write(first.Sequence, second.Sequence, x.Numbers, y.Numbers, features, k);
        if (k != ScalarCount) throw new InvalidOperationException($"wrote {k} scalar features, expected {ScalarCount}");

        var difference = features.Slice(ScalarCount, UniversalSentenceEncoder.Dimensions);
        var product = features.Slice(ScalarCount + UniversalSentenceEncoder.Dimensions, UniversalSentenceEncoder.Dimensions);
        for (int d = 0; d < u.Length; d++)
        {
            difference[d] = Math.Abs(u[d] - v[d]);
            product[d] = (double)u[d] * v[d];
        }
    }

    /// <summary>Negation words in a sentence (not, no, never, none, nobody, nothing, neither, nor, without, cannot, …n't).</summary>
    public static int NegationCount(TextModel model, int sentence)
    {
        var s = model.Sentences[sentence];
        int count = 0;
        for (int t = s.FirstToken; t < s.FirstToken + s.TokenCount; t++)
        {
            var norm = model.Tokens[t].Norm;
            if (norm is "not" or "no" or "never" or "none" or "nobody" or "nothing" or "neither" or "nor" or "without" or "cannot"
                || norm.EndsWith("n't", StringComparison.Ordinal) || norm.EndsWith("n\u2019t", StringComparison.Ordinal)) count++;
        }
        return count;
    }

    /// <summary>The normalised words and numbers of a sentence, stopwords included (word n-grams see function words too).</summary>
    internal static List<string> Words(TextModel model, int sentence)
    {
        var s = model.Sentences[sentence];
        var words = new List<string>(s.TokenCount);
        for (int t = s.FirstToken; t < s.FirstToken + s.TokenCount; t++)
        {
            if (model.Tokens[t].IsContent) words.Add(model.Tokens[t].Norm);
        }
        return words;
    }

    /// <summary>Shares of each side's distinct word n-grams found in the other: (smaller, larger).</summary>
    private static (double Min, double Max) Containments(HashSet<string> x, HashSet<string> y)
    {
        if (x.Count == 0 || y.Count == 0) return (0, 0);
        int shared = x.Count(y.Contains);
        double cx = (double)shared / x.Count, cy = (double)shared / y.Count;
        return (Math.Min(cx, cy), Math.Max(cx, cy));
    }

    internal static HashSet<string> NGrams(List<string> words, int n)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (int start = 0; start + n <= words.Count; start++) grams.Add(string.Join('\u0001', words.GetRange(start, n)));
        return grams;
    }

    private static int LongestCommonSubsequence(List<string> a, List<string> b)
    {
        Span<int> previous = b.Count < 256 ? stackalloc int[b.Count + 1] : new int[b.Count + 1];
        Span<int> current = b.Count < 256 ? stackalloc int[b.Count + 1] : new int[b.Count + 1];
        for (int i = 1; i <= a.Count; i++)
        {
            for (int j = 1; j <= b.Count; j++)
            {
                current[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.Count];
    }

    private static double Dice(int shared, int nx, int ny) => nx + ny > 0 ? 2.0 * shared / (nx + ny) : 0;

    private static double Jaccard(int shared, int nx, int ny) => nx + ny - shared > 0 ? (double)shared / (nx + ny - shared) : 0;
}
