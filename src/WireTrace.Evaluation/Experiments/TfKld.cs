using WireTrace.Core.Text;

namespace WireTrace.Evaluation.Experiments;

/// <summary>Which form of a token the TF-KLD features are made of: its Snowball stem or its normalised form.</summary>
public enum TermForm { Stem, Norm }

/// <summary>
/// The unigram and bigram features of one sentence for TF-KLD (Ji &amp; Eisenstein 2013): the content tokens (words and
/// numbers, stopwords included) of <see cref="TextAnalyzer"/>'s model in the chosen <see cref="TermForm"/>, with their
/// counts. A bigram is its two terms joined by U+0001 (no token contains it).
/// </summary>
public static class SentenceTerms
{
    /// <summary>Separator of a bigram's two terms.</summary>
    public const char BigramSeparator = '\u0001';

    /// <summary>Unigram and bigram counts of sentence <paramref name="sentence"/> of <paramref name="model"/>.</summary>
    public static Dictionary<string, int> Of(TextModel model, int sentence, TermForm form)
    {
        var s = model.Sentences[sentence];
        var terms = new List<string>(s.TokenCount);
        for (int t = s.FirstToken; t < s.FirstToken + s.TokenCount; t++)
        {
            var token = model.Tokens[t];
            if (token.IsContent) terms.Add(form == TermForm.Stem ? token.Stem : token.Norm);
        }
        return Of(terms);
    }

    /// <summary>Unigram and bigram counts of a term sequence.</summary>
    public static Dictionary<string, int> Of(IReadOnlyList<string> terms)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < terms.Count; i++)
        {
            Increment(counts, terms[i]);
            if (i + 1 < terms.Count) Increment(counts, string.Concat(terms[i], BigramSeparator.ToString(), terms[i + 1]));
        }
        return counts;
    }

    private static void Increment(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out int c) ? c + 1 : 1;
}

/// <summary>One labelled sentence pair as TF-KLD counts it: the distinct features of each side and whether it is a paraphrase.</summary>
public sealed record TermPair(IReadOnlyCollection<string> First, IReadOnlyCollection<string> Second, bool Paraphrase);

/// <summary>
/// The discriminative feature weights of TF-KLD (Ji &amp; Eisenstein 2013, "Discriminative Improvements to Distributional
/// Sentence Similarity"): for feature k, p_k = P(k in one sentence | k in the other, paraphrase) and q_k the same for
/// non-paraphrases, counted symmetrically over the labelled pairs with k on at least one side (a pair with k on both
/// sides is two hits, a pair with k on one side one miss), with additive smoothing; the weight is the Bernoulli
/// divergence KL(p_k ‖ q_k). A feature in fewer than <c>minPairs</c> pairs gets no weight.
/// </summary>
public static class KldWeights
{
    /// <summary>Weights of every feature seen in at least <paramref name="minPairs"/> of <paramref name="pairs"/>, in ordinal order of the feature.</summary>
    /// <param name="smoothing">Added to the hits and to the misses of both p and q.</param>
    /// <param name="pooledPrior">Smooth towards the feature's hit rate over both classes instead of ½.</param>
    public static SortedDictionary<string, double> Fit(IEnumerable<TermPair> pairs, double smoothing, int minPairs, bool pooledPrior = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(smoothing);
        // Per feature: hits and misses among paraphrases, then among non-paraphrases.
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            int offset = pair.Paraphrase ? 0 : 2;
            foreach (var term in pair.First.Union(pair.Second, StringComparer.Ordinal))
            {
                if (!counts.TryGetValue(term, out var c)) counts[term] = c = new int[4];
                bool both = pair.First.Contains(term) && pair.Second.Contains(term);
                if (both) c[offset] += 2;
                else c[offset + 1] += 1;
            }
        }
        var weights = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (term, c) in counts)
        {
            int seen = c[0] / 2 + c[1] + c[2] / 2 + c[3];
            if (seen < minPairs) continue;
            // Additive smoothing towards ½ (the paper's), or towards the feature's pooled rate over both classes, which takes a
            // rarely seen feature's p and q to the same value and so its weight towards 0.
            double prior = pooledPrior ? (c[0] + c[2] + 1.0) / (c[0] + c[1] + c[2] + c[3] + 2.0) : 0.5;
            double p = (c[0] + 2 * smoothing * prior) / (c[0] + c[1] + 2 * smoothing);
            double q = (c[2] + 2 * smoothing * prior) / (c[2] + c[3] + 2 * smoothing);
            weights[term] = Divergence(p, q);
        }
        return weights;
    }

    /// <summary>KL(Bernoulli(p) ‖ Bernoulli(q)) in nats; p and q strictly between 0 and 1.</summary>
    public static double Divergence(double p, double q)
    {
        if (p is <= 0 or >= 1 || q is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(p), "p and q must lie strictly between 0 and 1");
        return p * Math.Log(p / q) + (1 - p) * Math.Log((1 - p) / (1 - q));
    }
}

/// <summary>How a <see cref="TfKldSpace"/> is fitted: term form, latent rank, KLD smoothing and support, binary or counted terms, SVD seed.</summary>
public sealed record TfKldOptions(TermForm Form = TermForm.Stem, int Rank = 100, double Smoothing = 1, int MinPairs = 2, bool Binary = false, int Seed = 8, bool PooledPrior = false);

/// <summary>
/// The TF-KLD latent space of Ji &amp; Eisenstein (2013): a sentence is its unigram and bigram counts (or presence, when
/// <see cref="TfKldOptions.Binary"/>) times each feature's <see cref="KldWeights"/> weight, and its latent vector is that
/// row folded into a truncated SVD of the weighted sentence-by-feature matrix (<see cref="TruncatedSvd.Project"/>).
/// Features outside the fitted vocabulary are ignored.
/// </summary>
public sealed class TfKldSpace
{
    private readonly Dictionary<string, int> _index;

    /// <summary>Makes the space from its parts: the vocabulary (ordinal order), its weights and the SVD over it.</summary>
    public TfKldSpace(TfKldOptions options, IReadOnlyList<string> terms, double[] weights, TruncatedSvd svd)
    {
        if (terms.Count != weights.Length || svd.FeatureCount != terms.Count) throw new ArgumentException("terms, weights and basis disagree in length");
        Options = options;
        Terms = terms;
        Weights = weights;
        Svd = svd;
        _index = new Dictionary<string, int>(terms.Count, StringComparer.Ordinal);
        for (int j = 0; j < terms.Count; j++) _index.Add(terms[j], j);
    }

    public TfKldOptions Options { get; }

    /// <summary>The features with a weight, in ordinal order.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>KL(p ‖ q) of each of <see cref="Terms"/>.</summary>
    public double[] Weights { get; }

    public TruncatedSvd Svd { get; }

    /// <summary>Latent dimensions.</summary>
    public int Rank => Svd.Rank;

    /// <summary>
    /// Fits the space: KLD weights from <paramref name="labelled"/> (each side's unigram/bigram counts), then the SVD of the
    /// weighted rows of every sentence of <paramref name="labelled"/> and of <paramref name="unlabelled"/> (unsupervised
    /// sentences, e.g. news text; they never see a label). Sentences with no weighted feature are left out of the SVD.
    /// </summary>
    public static TfKldSpace Fit(
        IReadOnlyList<(Dictionary<string, int> First, Dictionary<string, int> Second, bool Paraphrase)> labelled,
        IEnumerable<Dictionary<string, int>> unlabelled, TfKldOptions options)
    {
        var weighted = KldWeights.Fit(labelled.Select(p => new TermPair(p.First.Keys, p.Second.Keys, p.Paraphrase)), options.Smoothing, options.MinPairs, options.PooledPrior);
        var terms = weighted.Keys.ToList();
        var weights = weighted.Values.ToArray();
        var index = new Dictionary<string, int>(terms.Count, StringComparer.Ordinal);
        for (int j = 0; j < terms.Count; j++) index.Add(terms[j], j);
        var rows = labelled.SelectMany(p => new[] { p.First, p.Second }).Concat(unlabelled)
            .Select(counts => (IReadOnlyList<(int, double)>)Row(counts, index, weights, options.Binary))
            .Where(row => row.Count > 0)
            .ToList();
        var svd = TruncatedSvd.Fit(SparseRows.From(rows, terms.Count), options.Rank, options.Seed);
        return new TfKldSpace(options, terms, weights, svd);
    }

    /// <summary>The latent vector of a sentence with these unigram/bigram counts.</summary>
    public double[] Latent(IReadOnlyDictionary<string, int> counts) => Svd.Project(Row(counts, _index, Weights, Options.Binary));

    /// <summary>The weighted sparse row of a sentence, by ascending feature index.</summary>
    private static List<(int, double)> Row(IReadOnlyDictionary<string, int> counts, IReadOnlyDictionary<string, int> index, double[] weights, bool binary)
    {
        var row = new List<(int, double)>(counts.Count);
        foreach (var (term, count) in counts)
        {
            if (index.TryGetValue(term, out int j) && weights[j] > 0) row.Add((j, (binary ? 1 : count) * weights[j]));
        }
        row.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return row;
    }

    /// <summary>Number of pair features <see cref="PairFeaturesOf"/> writes: u + v, |u − v| (each <see cref="Rank"/>) and the cosine.</summary>
    public int PairFeatureCount => 2 * Rank + 1;

    /// <summary>The pair features of two latent vectors: u + v, |u − v| (Ji &amp; Eisenstein's), then cos(u, v) (0 when either is 0).</summary>
    public static void PairFeaturesOf(ReadOnlySpan<double> u, ReadOnlySpan<double> v, Span<double> features)
    {
        int k = u.Length;
        if (v.Length != k || features.Length != 2 * k + 1) throw new ArgumentException("latent vectors and features disagree in length");
        double dot = 0, uu = 0, vv = 0;
        for (int d = 0; d < k; d++)
        {
            features[d] = u[d] + v[d];
            features[k + d] = Math.Abs(u[d] - v[d]);
            dot += u[d] * v[d];
            uu += u[d] * u[d];
            vv += v[d] * v[d];
        }
        features[2 * k] = uu > 0 && vv > 0 ? dot / Math.Sqrt(uu * vv) : 0;
    }
}
