using System.Globalization;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Encoder;
using WireTrace.Encoder.Combiner;
using WireTrace.Evaluation.Datasets;
using WireTrace.Evaluation.Metrics;
using WireTrace.Evaluation.Suites;
using WireTrace.Evaluation.Training;

namespace WireTrace.Evaluation.Experiments;

/// <summary>
/// Options of <see cref="TfKldExperiment"/>: the TF-KLD space, whether unlabelled BBC article sentences join the SVD, the
/// folds (those of <c>wiretrace models train-combiner</c>), and the rank of the PCA of the USE-lite vectors for the bilinear head.
/// </summary>
public sealed record TfKldExperimentOptions
{
    public TfKldOptions Space { get; init; } = new();

    public bool News { get; init; }

    public int Folds { get; init; } = 5;

    public int Seed { get; init; } = 8;

    public int BilinearRank { get; init; } = 32;
}

/// <summary>One variant's figures: accuracy and F1 at 0.5, out-of-fold on MRPC train and on MRPC dev (fitted on all of train).</summary>
public sealed record TfKldVariant(string Name, BinaryScores CrossValidation, BinaryScores Dev);

/// <summary>
/// Does TF-KLD (Ji &amp; Eisenstein 2013) or a bilinear head over the USE-lite vectors raise the combiner's MRPC accuracy?
/// Measures, by cross-validation on MRPC train with the combiner's folds and on MRPC dev, the reference (the combiner's
/// logistic head over its linear features, L2 1, averaged in logit space with depth-4 boosted trees of 100 over the
/// scalar features) against: TF-KLD latent pair features alone (logistic); those appended to the logistic head; their
/// cosine given to the trees; four supervised KLD scalars given to the trees (the naive-Bayes log-odds of which features
/// the two sides share, the KLD mass shared and unshared, the shared share); and the symmetric products and absolute
/// differences of the PCA-projected USE-lite vectors appended to the logistic head (a full-rank symmetric bilinear form
/// u'ᵀ W v' in the PCA space). Labels come from MRPC train only: the KLD weights are fitted inside each fold on its
/// training part, and the rows a model is fitted on get their TF-KLD features from spaces fitted without them (inner
/// 5-fold cross-fitting), since features fitted on a row's own label look better on it than on new pairs. No test split is read.
/// </summary>
public static class TfKldExperiment
{
    private const int KldScalars = 4;

    private static readonly BoostingOptions Trees = new(Trees: 100, Depth: 4);

    /// <summary>Runs every variant and returns their figures.</summary>
    public static IReadOnlyList<TfKldVariant> Run(string dataRoot, UniversalSentenceEncoder encoder, TfKldExperimentOptions options, Action<string>? log = null)
    {
        log ??= _ => { };
        var mrpc = new MrpcDataset(EvalDataRoot.Require(dataRoot, MrpcDataset.FolderName, "MRPC"));
        var trainPairs = mrpc.Read(MrpcSplit.Train).ToList();
        var scorer = new SentencePairScorer(trainPairs.SelectMany(p => new[] { p.S1, p.S2 }));
        var train = Featurise(scorer, trainPairs, encoder, options.Space.Form);
        var dev = Featurise(scorer, mrpc.Read(MrpcSplit.Validation).ToList(), encoder, options.Space.Form);
        var news = new List<Dictionary<string, int>>();
        if (options.News)
        {
            var analyzer = new TextAnalyzer(EnglishStemmer.Default);
            var bbc = new BbcNewsSummaryDataset(EvalDataRoot.Require(dataRoot, "bbc-news-summary", "BBC News Summary"));
            foreach (var article in bbc.Read())
            {
                var model = analyzer.Analyze(article.BodyText);
                for (int s = 0; s < model.Sentences.Count; s++) news.Add(SentenceTerms.Of(model, s, options.Space.Form));
            }
        }
        log(string.Create(CultureInfo.InvariantCulture, $"MRPC train {train.Count} pairs, dev {dev.Count}; {news.Count} unlabelled news sentences; {options.Space}"));

        int n = train.Count;
        var foldOf = CombinerTraining.Folds(n, options.Folds, options.Seed);
        var bilinear = new BilinearFeatures(train.Vectors, options.BilinearRank);

        var outOfFold = new Dictionary<string, double[]>(StringComparer.Ordinal);
        Parallel.For(0, options.Folds, new ParallelOptions { MaxDegreeOfParallelism = 2 }, fold =>
        {
            var rows = Enumerable.Range(0, n).Where(i => foldOf[i] != fold).ToList();
            var held = Enumerable.Range(0, n).Where(i => foldOf[i] == fold).ToList();
            var raw = Variants(train, rows, train, held, news, bilinear, options);
            lock (outOfFold)
            {
                foreach (var (name, values) in raw)
                {
                    if (!outOfFold.TryGetValue(name, out var all)) outOfFold[name] = all = new double[n];
                    for (int h = 0; h < held.Count; h++) all[held[h]] = values[h];
                }
            }
            log(string.Create(CultureInfo.InvariantCulture, $"  fold {fold} done"));
        });
        var devRaw = Variants(train, Enumerable.Range(0, n).ToList(), dev, Enumerable.Range(0, dev.Count).ToList(), news, bilinear, options);
        return outOfFold.Keys.Order(StringComparer.Ordinal)
            .Select(name => new TfKldVariant(name, Scores(outOfFold[name], train.Targets), Scores(devRaw[name], dev.Targets)))
            .ToList();
    }

    /// <summary>MRPC pairs as the combiner sees them (pairs with a side without words left out), with each side's TF-KLD terms and USE-lite vector.</summary>
    private sealed record PairSet(double[] Features, double[] Linear, double[] Targets, List<(Dictionary<string, int> A, Dictionary<string, int> B)> Terms, List<(float[] U, float[] V)> Vectors)
    {
        public int Count => Targets.Length;
    }

    private static PairSet Featurise(SentencePairScorer scorer, List<MrpcPair> pairs, UniversalSentenceEncoder encoder, TermForm form)
    {
        var profiles = pairs.Select(p => scorer.Profiles(p.S1, p.S2)).ToList();
        var kept = Enumerable.Range(0, pairs.Count).Where(i => profiles[i].A.Sentences.Count > 0 && profiles[i].B.Sentences.Count > 0).ToList();
        var texts = kept.SelectMany(i => new[] { profiles[i].A.Model.SentenceText(0), profiles[i].B.Model.SentenceText(0) }).Distinct(StringComparer.Ordinal).ToList();
        var index = texts.Select((text, i) => (text, i)).ToDictionary(e => e.text, e => e.i, StringComparer.Ordinal);
        var vectors = encoder.Encode(texts);
        int width = PairFeatures.Count;
        var features = new double[kept.Count * width];
        var targets = new double[kept.Count];
        var terms = new List<(Dictionary<string, int>, Dictionary<string, int>)>();
        var sides = new List<(float[], float[])>();
        for (int r = 0; r < kept.Count; r++)
        {
            var (a, b) = profiles[kept[r]];
            var (u, v) = (vectors[index[a.Model.SentenceText(0)]], vectors[index[b.Model.SentenceText(0)]]);
            PairFeatures.Compute(a, 0, b, 0, scorer.Statistics, u, v, features.AsSpan(r * width, width));
            targets[r] = pairs[kept[r]].Paraphrase ? 1 : 0;
            terms.Add((SentenceTerms.Of(a.Model, 0, form), SentenceTerms.Of(b.Model, 0, form)));
            sides.Add((u, v));
        }
        // The logistic head's view: the trees-only scalars zeroed, as CombinerTraining does.
        var linear = (double[])features.Clone();
        for (int r = 0; r < kept.Count; r++) linear.AsSpan(r * width + PairFeatures.TreesOnlyFrom, PairFeatures.ScalarCount - PairFeatures.TreesOnlyFrom).Clear();
        return new PairSet(features, linear, targets, terms, sides);
    }

    /// <summary>Raw outputs of every variant for <paramref name="evaluated"/> rows of <paramref name="target"/>, fitted on <paramref name="rows"/> of <paramref name="train"/>.</summary>
    private static Dictionary<string, double[]> Variants(PairSet train, List<int> rows, PairSet target, List<int> evaluated, List<Dictionary<string, int>> news,
        BilinearFeatures bilinear, TfKldExperimentOptions options)
    {
        int width = PairFeatures.Count, scalars = PairFeatures.ScalarCount;
        var raw = new Dictionary<string, double[]>(StringComparer.Ordinal);
        double[] Evaluate(Func<int, double> model) => evaluated.Select(model).ToArray();

        var logistic = LinearTrainer.Fit(train.Linear, width, train.Targets, rows, LinearLoss.Logistic, new Regularisation(1, 1e-3, scalars), 400);
        var trees = BoostingTrainer.Fit(train.Features, width, scalars, train.Targets, rows, Trees);
        var logisticRaw = Evaluate(i => logistic.Raw(target.Linear.AsSpan(i * width, width)));
        var treesRaw = Evaluate(i => trees.Raw(target.Features.AsSpan(i * width, width)));
        raw["reference: logistic head + trees"] = Average(logisticRaw, treesRaw);

        // TF-KLD: the space fitted on the rows; the rows' own features cross-fitted.
        var space = FitSpace(train, rows, news, options.Space);
        int latentWidth = space.PairFeatureCount;
        var trainLatent = new double[train.Count * latentWidth];
        var trainKld = new double[train.Count * KldScalars];
        const int Inner = 5;
        for (int inner = 0; inner < Inner; inner++)
        {
            var fit = rows.Where((_, j) => j % Inner != inner).ToList();
            var innerSpace = FitSpace(train, fit, news, options.Space);
            var counts = KldCounts.Of(train, fit);
            foreach (int i in rows.Where((_, j) => j % Inner == inner))
            {
                TfKldSpace.PairFeaturesOf(innerSpace.Latent(train.Terms[i].A), innerSpace.Latent(train.Terms[i].B), trainLatent.AsSpan(i * latentWidth, latentWidth));
                counts.Write(train.Terms[i], options.Space.Smoothing, trainKld.AsSpan(i * KldScalars, KldScalars));
            }
        }
        var targetLatent = new double[target.Count * latentWidth];
        var targetKld = new double[target.Count * KldScalars];
        var allCounts = KldCounts.Of(train, rows);
        foreach (int i in evaluated)
        {
            TfKldSpace.PairFeaturesOf(space.Latent(target.Terms[i].A), space.Latent(target.Terms[i].B), targetLatent.AsSpan(i * latentWidth, latentWidth));
            allCounts.Write(target.Terms[i], options.Space.Smoothing, targetKld.AsSpan(i * KldScalars, KldScalars));
        }

        foreach (double lambda in new[] { 0.1, 1, 10 })
        {
            var alone = LinearTrainer.Fit(trainLatent, latentWidth, train.Targets, rows, LinearLoss.Logistic, new Regularisation(lambda, lambda, 0), 400);
            raw[string.Create(CultureInfo.InvariantCulture, $"TF-KLD latent alone (logistic, L2 {lambda})")] = Evaluate(i => alone.Raw(targetLatent.AsSpan(i * latentWidth, latentWidth)));
        }
        var appended = Concatenate(train.Linear, width, trainLatent, latentWidth);
        var appendedTarget = Concatenate(target.Linear, width, targetLatent, latentWidth);
        var withLatent = LinearTrainer.Fit(appended, width + latentWidth, train.Targets, rows, LinearLoss.Logistic, new Regularisation(1, 1e-3, scalars), 400);
        raw["TF-KLD latent in the logistic head + trees"] = Average(Evaluate(i => withLatent.Raw(appendedTarget.AsSpan(i * (width + latentWidth), width + latentWidth))), treesRaw);

        var cosine = new double[train.Count];
        var cosineTarget = new double[target.Count];
        for (int i = 0; i < train.Count; i++) cosine[i] = trainLatent[i * latentWidth + latentWidth - 1];
        for (int i = 0; i < target.Count; i++) cosineTarget[i] = targetLatent[i * latentWidth + latentWidth - 1];
        raw["logistic head + trees with the TF-KLD latent cosine"] = Average(logisticRaw, TreesWith(train, rows, target, evaluated, cosine, cosineTarget, 1));
        raw["logistic head + trees with 4 KLD scalars"] = Average(logisticRaw, TreesWith(train, rows, target, evaluated, trainKld, targetKld, KldScalars));

        var products = bilinear.Of(train.Vectors);
        var productsTarget = bilinear.Of(target.Vectors);
        var withProducts = Concatenate(train.Linear, width, products, bilinear.Width);
        var withProductsTarget = Concatenate(target.Linear, width, productsTarget, bilinear.Width);
        var bilinearHead = LinearTrainer.Fit(withProducts, width + bilinear.Width, train.Targets, rows, LinearLoss.Logistic, new Regularisation(1, 1e-3, scalars), 400);
        var bilinearRaw = Evaluate(i => bilinearHead.Raw(withProductsTarget.AsSpan(i * (width + bilinear.Width), width + bilinear.Width)));
        raw[$"bilinear (PCA {bilinear.Rank}) in the logistic head"] = bilinearRaw;
        raw[$"bilinear (PCA {bilinear.Rank}) in the logistic head + trees"] = Average(bilinearRaw, treesRaw);
        return raw;
    }

    private static TfKldSpace FitSpace(PairSet train, List<int> rows, List<Dictionary<string, int>> news, TfKldOptions options) =>
        TfKldSpace.Fit(rows.Select(i => (train.Terms[i].A, train.Terms[i].B, train.Targets[i] > 0.5)).ToList(), news, options);

    /// <summary>Trees over the scalar features and <paramref name="extraWidth"/> more per row.</summary>
    private static double[] TreesWith(PairSet train, List<int> rows, PairSet target, List<int> evaluated, double[] extra, double[] extraTarget, int extraWidth)
    {
        int scalars = PairFeatures.ScalarCount;
        var x = Concatenate(Scalars(train), scalars, extra, extraWidth);
        var xTarget = Concatenate(Scalars(target), scalars, extraTarget, extraWidth);
        var trees = BoostingTrainer.Fit(x, scalars + extraWidth, scalars + extraWidth, train.Targets, rows, Trees);
        return evaluated.Select(i => trees.Raw(xTarget.AsSpan(i * (scalars + extraWidth), scalars + extraWidth))).ToArray();
    }

    private static double[] Scalars(PairSet set)
    {
        int width = PairFeatures.Count, scalars = PairFeatures.ScalarCount;
        var result = new double[set.Count * scalars];
        for (int i = 0; i < set.Count; i++) set.Features.AsSpan(i * width, scalars).CopyTo(result.AsSpan(i * scalars));
        return result;
    }

    private static double[] Concatenate(double[] left, int leftWidth, double[] right, int rightWidth)
    {
        int n = left.Length / leftWidth;
        var result = new double[n * (leftWidth + rightWidth)];
        for (int i = 0; i < n; i++)
        {
            left.AsSpan(i * leftWidth, leftWidth).CopyTo(result.AsSpan(i * (leftWidth + rightWidth)));
            right.AsSpan(i * rightWidth, rightWidth).CopyTo(result.AsSpan(i * (leftWidth + rightWidth) + leftWidth));
        }
        return result;
    }

    private static double[] Average(double[] a, double[] b) => a.Zip(b, (x, y) => (x + y) / 2).ToArray();

    private static BinaryScores Scores(double[] raw, double[] targets) =>
        ThresholdSelection.Apply(raw.Select((r, i) => new ScoredExample(LinearModel.Sigmoid(r), targets[i] > 0.5)).ToList(), 0.5);

    /// <summary>
    /// Per feature, how often the two sides of labelled pairs share it (hits) or not (misses), among paraphrases and
    /// non-paraphrases; <see cref="Write"/> turns a pair into the four KLD scalars, smoothing each rate towards the
    /// feature's pooled hit rate.
    /// </summary>
    private sealed class KldCounts(Dictionary<string, int[]> counts)
    {
        public static KldCounts Of(PairSet set, IEnumerable<int> rows)
        {
            var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
            foreach (int i in rows)
            {
                var (a, b) = set.Terms[i];
                int offset = set.Targets[i] > 0.5 ? 0 : 2;
                foreach (var term in a.Keys.Union(b.Keys, StringComparer.Ordinal))
                {
                    if (!counts.TryGetValue(term, out var c)) counts[term] = c = new int[4];
                    c[offset + (a.ContainsKey(term) && b.ContainsKey(term) ? 0 : 1)]++;
                }
            }
            return new KldCounts(counts);
        }

        /// <summary>Naive-Bayes log-odds of the pair's shared / unshared features, KLD mass shared, unshared, and the shared share.</summary>
        public void Write((Dictionary<string, int> A, Dictionary<string, int> B) pair, double smoothing, Span<double> into)
        {
            double logOdds = 0, shared = 0, unshared = 0;
            foreach (var term in pair.A.Keys.Union(pair.B.Keys, StringComparer.Ordinal))
            {
                if (!counts.TryGetValue(term, out var c)) continue;
                double prior = (c[0] + c[2] + 1.0) / (c[0] + c[1] + c[2] + c[3] + 2.0);
                double p = (c[0] + smoothing * prior) / (c[0] + c[1] + smoothing);
                double q = (c[2] + smoothing * prior) / (c[2] + c[3] + smoothing);
                double weight = KldWeights.Divergence(p, q);
                if (pair.A.ContainsKey(term) && pair.B.ContainsKey(term))
                {
                    logOdds += Math.Log(p / q);
                    shared += weight;
                }
                else
                {
                    logOdds += Math.Log((1 - p) / (1 - q));
                    unshared += weight;
                }
            }
            into[0] = logOdds;
            into[1] = shared;
            into[2] = unshared;
            into[3] = shared + unshared > 0 ? shared / (shared + unshared) : 0;
        }
    }

    /// <summary>
    /// The symmetric products (p_a q_b + p_b q_a) / 2 for a ≤ b and |p_a − q_a| of the two sides' USE-lite vectors projected
    /// on the first principal components of MRPC train's sentence vectors (unsupervised), whitened.
    /// </summary>
    private sealed class BilinearFeatures
    {
        private readonly double[] _mean = new double[UniversalSentenceEncoder.Dimensions];
        private readonly TruncatedSvd _pca;
        private readonly double[] _scale;

        public BilinearFeatures(List<(float[] U, float[] V)> vectors, int rank)
        {
            var sentences = vectors.SelectMany(p => new[] { p.U, p.V }).ToList();
            foreach (var v in sentences)
            {
                for (int k = 0; k < _mean.Length; k++) _mean[k] += v[k] / sentences.Count;
            }
            _pca = TruncatedSvd.Fit(SparseRows.From(sentences.Select(Centred).ToList(), _mean.Length), rank, seed: 8);
            _scale = _pca.SingularValues.Select(s => s > 0 ? Math.Sqrt(sentences.Count) / s : 0).ToArray();
            Rank = rank;
        }

        public int Rank { get; }

        public int Width => Rank * (Rank + 1) / 2 + Rank;

        public double[] Of(List<(float[] U, float[] V)> pairs)
        {
            var result = new double[pairs.Count * Width];
            for (int i = 0; i < pairs.Count; i++)
            {
                var p = Project(pairs[i].U);
                var q = Project(pairs[i].V);
                int k = i * Width;
                for (int a = 0; a < Rank; a++)
                {
                    for (int b = a; b < Rank; b++) result[k++] = (p[a] * q[b] + p[b] * q[a]) / 2;
                }
                for (int a = 0; a < Rank; a++) result[k++] = Math.Abs(p[a] - q[a]);
            }
            return result;
        }

        private IReadOnlyList<(int, double)> Centred(float[] v) => Enumerable.Range(0, v.Length).Select(k => (k, v[k] - _mean[k])).ToList();

        private double[] Project(float[] v)
        {
            var z = _pca.Project(Centred(v));
            for (int k = 0; k < Rank; k++) z[k] *= _scale[k];
            return z;
        }
    }
}
