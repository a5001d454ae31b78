using WireTrace.Core.Text;

namespace WireTrace.Encoder.Combiner;

/// <summary>
/// One sentence as the machine-translation-metric features see it: its content stems in order, their 1-4-gram counts,
/// the character 1-6-gram counts of its normalised words joined by spaces, its distinct non-stopword stems, the
/// capitalised words after the first token, and its length in characters.
/// </summary>
internal sealed record WordSequence(
    IReadOnlyList<string> Stems, IReadOnlyList<Dictionary<string, int>> StemGrams, IReadOnlyList<Dictionary<string, int>> CharGrams,
    HashSet<string> ContentStems, HashSet<string> Capitalised, int Characters)
{
    /// <summary>Longest stem n-gram counted.</summary>
    public const int MaxStemGram = 4;

    /// <summary>Longest character n-gram counted (chrF's usual 6).</summary>
    public const int MaxCharGram = 6;

    /// <summary>The sequence of sentence <paramref name="sentence"/> of <paramref name="model"/>.</summary>
    public static WordSequence Of(TextModel model, int sentence)
    {
        var s = model.Sentences[sentence];
        var stems = new List<string>(s.TokenCount);
        var norms = new List<string>(s.TokenCount);
        var content = new HashSet<string>(StringComparer.Ordinal);
        var capitalised = new HashSet<string>(StringComparer.Ordinal);
        for (int t = s.FirstToken; t < s.FirstToken + s.TokenCount; t++)
        {
            var token = model.Tokens[t];
            if (!token.IsContent) continue;
            stems.Add(token.Stem);
            norms.Add(token.Norm);
            if (!token.IsStopword) content.Add(token.Stem);
            if (token.IsWord && t > s.FirstToken && char.IsUpper(model.Text[token.Span.Start])) capitalised.Add(token.Norm);
        }
        var stemGrams = new Dictionary<string, int>[MaxStemGram];
        for (int n = 1; n <= MaxStemGram; n++) stemGrams[n - 1] = Counts(stems, n);
        var joined = string.Join(' ', norms);
        var charGrams = new Dictionary<string, int>[MaxCharGram];
        for (int n = 1; n <= MaxCharGram; n++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int start = 0; start + n <= joined.Length; start++) Increment(counts, joined.Substring(start, n));
            charGrams[n - 1] = counts;
        }
        return new WordSequence(stems, stemGrams, charGrams, content, capitalised, s.Span.Length);
    }

    /// <summary>Counts of the word n-grams of <paramref name="words"/>.</summary>
    public static Dictionary<string, int> Counts(IReadOnlyList<string> words, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int start = 0; start + n <= words.Count; start++)
        {
            Increment(counts, n == 1 ? words[start] : string.Join('\u0001', Enumerable.Range(start, n).Select(i => words[i])));
        }
        return counts;
    }

    private static void Increment(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out int c) ? c + 1 : 1;
}

/// <summary>
/// Overlap measures in the manner of machine-translation metrics (BLEU's clipped n-gram precision, chrF, TER-like
/// word edit rate; Madnani et al. 2012 used such metrics for paraphrase identification), plus number, content-word,
/// capitalised-word and length differences. Each is symmetric in the two sentences (min / max / sum of both
/// directions), as MRPC and STS pairs have no direction.
/// </summary>
internal static class OverlapMeasures
{
    /// <summary>chrF's recall weight β (chrF2).</summary>
    private const double ChrFBeta = 2;

    /// <summary>Writes the features named after <c>word_lcs_ratio</c> in <see cref="PairFeatures.ScalarNames"/> from position <paramref name="k"/>; returns the position after them.</summary>
    public static int Write(WordSequence a, WordSequence b, int[] numbersA, int[] numbersB, Span<double> features, int k)
    {
        for (int n = 1; n <= WordSequence.MaxStemGram; n++)
        {
            var (pa, pb) = ClippedPrecisions(a.StemGrams[n - 1], b.StemGrams[n - 1]);
            features[k++] = Math.Min(pa, pb);
            features[k++] = Math.Max(pa, pb);
            features[k++] = pa + pb > 0 ? 2 * pa * pb / (pa + pb) : 0;
        }
        var (ca, cb) = ChrFBothWays(a.CharGrams, b.CharGrams);
        features[k++] = Math.Min(ca, cb);
        features[k++] = Math.Max(ca, cb);
        int edits = EditDistance(a.Stems, b.Stems);
        int longer = Math.Max(a.Stems.Count, b.Stems.Count), shorter = Math.Min(a.Stems.Count, b.Stems.Count);
        features[k++] = (double)edits / Math.Max(1, longer);
        features[k++] = (double)edits / Math.Max(1, shorter);
        int sharedNumbers = WireTrace.Core.Similarity.SortedSets.IntersectionCount<int>(numbersA, numbersB);
        features[k++] = (numbersA.Length > 0) != (numbersB.Length > 0) ? 1 : 0;
        features[k++] = Math.Log(1 + numbersA.Length + numbersB.Length - 2 * sharedNumbers);
        int unmatchedA = a.ContentStems.Count(s => !b.ContentStems.Contains(s));
        int unmatchedB = b.ContentStems.Count(s => !a.ContentStems.Contains(s));
        features[k++] = Math.Min(unmatchedA, unmatchedB);
        features[k++] = Math.Max(unmatchedA, unmatchedB);
        features[k++] = unmatchedA + unmatchedB;
        features[k++] = a.Capitalised.Count(w => !b.Capitalised.Contains(w)) + b.Capitalised.Count(w => !a.Capitalised.Contains(w));
        features[k++] = Math.Abs(a.Stems.Count - b.Stems.Count);
        features[k++] = Math.Log(1 + Math.Abs(a.Characters - b.Characters));
        features[k++] = a.Stems.Count + b.Stems.Count > 0 ? (double)Math.Abs(a.Stems.Count - b.Stems.Count) / (a.Stems.Count + b.Stems.Count) : 0;
        return k;
    }

    /// <summary>BLEU's modified precision: the share of <paramref name="candidate"/>'s n-grams found in <paramref name="reference"/>, each counted at most as often as there.</summary>
    public static double ClippedPrecision(Dictionary<string, int> candidate, Dictionary<string, int> reference)
    {
        int total = 0, matched = 0;
        foreach (var (gram, count) in candidate)
        {
            total += count;
            if (reference.TryGetValue(gram, out int there)) matched += Math.Min(count, there);
        }
        return total > 0 ? (double)matched / total : 0;
    }

    /// <summary>Both clipped precisions at once: the clipped matches are the same count in either direction (Σ min of the two counts), so one pass over the smaller side serves both.</summary>
    public static (double OfA, double OfB) ClippedPrecisions(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        int matched = 0;
        foreach (var (gram, count) in small)
        {
            if (large.TryGetValue(gram, out int there)) matched += Math.Min(count, there);
        }
        int totalA = Total(a), totalB = Total(b);
        return (totalA > 0 ? (double)matched / totalA : 0, totalB > 0 ? (double)matched / totalB : 0);
    }

    private static int Total(Dictionary<string, int> counts)
    {
        int total = 0;
        foreach (int count in counts.Values) total += count;
        return total;
    }

    /// <summary>chrF (Popović 2015) of <paramref name="hypothesis"/> against <paramref name="reference"/>: F-β of the character n-gram precision and recall, each averaged over n.</summary>
    public static double ChrF(IReadOnlyList<Dictionary<string, int>> hypothesis, IReadOnlyList<Dictionary<string, int>> reference) =>
        ChrFBothWays(hypothesis, reference).OfA;

    /// <summary>chrF of each side against the other (the precisions of one are the recalls of the other).</summary>
    public static (double OfA, double OfB) ChrFBothWays(IReadOnlyList<Dictionary<string, int>> a, IReadOnlyList<Dictionary<string, int>> b)
    {
        double precisionA = 0, precisionB = 0;
        for (int n = 0; n < a.Count; n++)
        {
            var (pa, pb) = ClippedPrecisions(a[n], b[n]);
            precisionA += pa;
            precisionB += pb;
        }
        precisionA /= a.Count;
        precisionB /= a.Count;
        return (FBeta(precisionA, precisionB), FBeta(precisionB, precisionA));
    }

    private static double FBeta(double precision, double recall)
    {
        double b2 = ChrFBeta * ChrFBeta;
        return precision + recall > 0 ? (1 + b2) * precision * recall / (b2 * precision + recall) : 0;
    }

    /// <summary>Word-level Levenshtein distance (insertions, deletions and substitutions of whole words).</summary>
    public static int EditDistance(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (int j = 0; j <= b.Count; j++) previous[j] = j;
        for (int i = 1; i <= a.Count; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Count; j++)
            {
                int substitute = previous[j - 1] + (string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Count];
    }
}
