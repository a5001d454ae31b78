using System.Globalization;
using System.Security.Cryptography;
using WireTrace.Encoder;
using WireTrace.Encoder.Combiner;
using WireTrace.Encoder.Models;
using WireTrace.Evaluation.Datasets;
using WireTrace.Evaluation.Metrics;
using WireTrace.Evaluation.Suites;

namespace WireTrace.Evaluation.Training;

/// <summary>
/// How <see cref="CombinerTraining"/> trains. <see cref="DenseL2Grid"/> is searched by <see cref="Folds"/>-fold
/// cross-validation on each train split (folds shuffled with <see cref="Seed"/>); <see cref="ScalarL2"/> is fixed.
/// <see cref="MrpcLimit"/> / <see cref="StsLimit"/> take only the first pairs of a train split (tests);
/// <see cref="Dev"/> also scores the dev splits (reported, never used for choosing).
/// </summary>
public sealed record CombinerTrainingOptions
{
    public int Folds { get; init; } = 5;

    public int Seed { get; init; } = 8;

    public IReadOnlyList<double> DenseL2Grid { get; init; } = [0.01, 0.03, 0.1, 0.3, 1, 3, 10];

    public double ScalarL2 { get; init; } = 1e-3;

    public int MaxIterations { get; init; } = 400;

    public int? MrpcLimit { get; init; }

    public int? StsLimit { get; init; }

    public bool Dev { get; init; } = true;

    /// <summary>Tree depths tried for the paraphrase head's boosted trees (with each of <see cref="TreeCounts"/>); empty: no trees.</summary>
    public IReadOnlyList<int> TreeDepths { get; init; } = [2, 3, 4];

    /// <summary>Numbers of trees tried (prefixes of one fit of the largest).</summary>
    public IReadOnlyList<int> TreeCounts { get; init; } = [100, 200, 400];

    /// <summary>The boosting options other than depth and number of trees.</summary>
    public BoostingOptions Boosting { get; init; } = new();
}

/// <summary>
/// Trains the <see cref="TrainedCombiner"/> from the shared data: the paraphrase head (logistic regression) on MRPC
/// train, the graded head (ridge regression) on STS Benchmark train, each pair featurised as the MRPC / STS suites
/// see it (<see cref="SentencePairScorer"/>: each side one sentence, IDF from the split's train sentences), with
/// penalties chosen by cross-validation on train only; the aligner thresholds come from the paraphrase head's
/// out-of-fold probabilities on MRPC train. The paraphrase head may also average in the logit of gradient-boosted trees
/// over the scalar features, when that raises the cross-validated accuracy. Nothing reads a test split. Deterministic: the same data, options
/// and encoder give the same file, byte for byte.
/// </summary>
public static class CombinerTraining
{
    /// <summary>The lexical aligner thresholds the seed and extension thresholds are mapped from (by rank on MRPC train).</summary>
    private const double LexicalSeed = 0.5, LexicalExtend = 0.22;

    /// <summary>Trains both heads and returns the weights file (with <paramref name="command"/> recorded in it).</summary>
    public static CombinerFile Train(string dataRoot, UniversalSentenceEncoder encoder, CombinerTrainingOptions options, string command, Action<string>? log = null)
    {
        log ??= _ => { };
        var mrpc = new MrpcDataset(EvalDataRoot.Require(dataRoot, MrpcDataset.FolderName, "MRPC"));
        var sts = new StsBenchmarkDataset(EvalDataRoot.Require(dataRoot, StsBenchmarkDataset.FolderName, "STS Benchmark"));
        var mrpcTrainAll = mrpc.Read(MrpcSplit.Train).ToList();
        var stsTrainAll = sts.Read(StsSplit.Train).ToList();
        var mrpcTrain = options.MrpcLimit is { } ml ? mrpcTrainAll.Take(ml).ToList() : mrpcTrainAll;
        var stsTrain = options.StsLimit is { } sl ? stsTrainAll.Take(sl).ToList() : stsTrainAll;
        var data = new List<CombinerDataFile>
        {
            DataFile(dataRoot, mrpc.PathOf(MrpcSplit.Train), mrpcTrain.Count, "training: paraphrase head, aligner thresholds"),
            DataFile(dataRoot, sts.PathOf(StsSplit.Train), stsTrain.Count, "training: graded head"),
        };

        // Backgrounds as the suites build them: all of each train split's sentences.
        var mrpcScorer = new SentencePairScorer(mrpcTrainAll.SelectMany(p => new[] { p.S1, p.S2 }));
        var stsScorer = new SentencePairScorer(stsTrainAll.SelectMany(p => new[] { p.S1, p.S2 }));

        log($"MRPC train: featurising {mrpcTrain.Count} pairs");
        var mrpcSet = Featurise(mrpcScorer, mrpcTrain.Select(p => (p.S1, p.S2, p.Paraphrase ? 1.0 : 0.0)).ToList(), encoder);
        log($"STS Benchmark train: featurising {stsTrain.Count} pairs");
        var stsSet = Featurise(stsScorer, stsTrain.Select(p => (p.S1, p.S2, p.Score)).ToList(), encoder);
        // The linear heads do not read the trees-only features (PairFeatures.TreesOnlyFrom): zeroed columns are constant, so
        // LinearTrainer gives them weight 0. The trees read every scalar feature (mrpcSet).
        var mrpcLinear = WithoutTreesOnlyFeatures(mrpcSet);
        var stsLinear = WithoutTreesOnlyFeatures(stsSet);

        var gradedGrid = new List<CombinerGridPoint>();
        double gradedLambda = double.NaN, bestSpearman = double.NegativeInfinity;
        foreach (double lambda in options.DenseL2Grid)
        {
            var raw = OutOfFold(stsLinear, LinearLoss.Squared, new Regularisation(lambda, options.ScalarL2, PairFeatures.ScalarCount), options);
            var predicted = raw.Select(r => Math.Clamp(r, 0, 5)).ToList();
            double spearman = Correlation.Spearman(predicted, stsSet.Targets), pearson = Correlation.Pearson(predicted, stsSet.Targets);
            gradedGrid.Add(new CombinerGridPoint(lambda, new SortedDictionary<string, double>(StringComparer.Ordinal) { ["spearman"] = Round(spearman), ["pearson"] = Round(pearson) }));
            log(FormattableString.Invariant($"  graded head, dense L2 {lambda}: {options.Folds}-fold CV Spearman {spearman:0.0000}, Pearson {pearson:0.0000}"));
            if (spearman > bestSpearman) (bestSpearman, gradedLambda) = (spearman, lambda);
        }
        var graded = Round(LinearTrainer.Fit(stsLinear.Features, PairFeatures.Count, stsSet.Targets, AllRows(stsSet), LinearLoss.Squared,
            new Regularisation(gradedLambda, options.ScalarL2, PairFeatures.ScalarCount), options.MaxIterations));

        // The paraphrase head may also see the graded head's output (trained on STS train only) as one more feature; whether it
        // does is chosen with the penalty by cross-validation. Its weight folds back into the same linear model.
        var stacked = Stack(mrpcLinear, graded);
        var paraphraseGrid = new List<CombinerGridPoint>();
        double[]? bestOutOfFold = null, bestOutOfFoldRaw = null;
        double bestLambda = double.NaN, bestAccuracy = double.NegativeInfinity;
        bool bestStacked = false;
        foreach (bool stack in new[] { false, true })
        {
            foreach (double lambda in options.DenseL2Grid)
            {
                var set = stack ? stacked : mrpcLinear;
                var raw = OutOfFold(set, LinearLoss.Logistic, ParaphrasePenalty(lambda, stack, options), options);
                var probabilities = raw.Select(LinearModel.Sigmoid).ToArray();
                var scores = ThresholdSelection.Apply(Examples(probabilities, mrpcSet.Targets), 0.5);
                var figures = new SortedDictionary<string, double>(StringComparer.Ordinal)
                {
                    ["accuracy"] = Round(scores.Accuracy), ["f1"] = Round(scores.F1), ["log_loss"] = Round(LogLoss(probabilities, mrpcSet.Targets)),
                    ["graded_head_as_feature"] = stack ? 1 : 0,
                };
                paraphraseGrid.Add(new CombinerGridPoint(lambda, figures));
                log(FormattableString.Invariant($"  paraphrase head, dense L2 {lambda}{(stack ? ", graded head as a feature" : "")}: {options.Folds}-fold CV accuracy {scores.Accuracy:0.0000}, F1 {scores.F1:0.0000}, log-loss {figures["log_loss"]:0.0000}"));
                if (scores.Accuracy > bestAccuracy)
                {
                    (bestAccuracy, bestLambda, bestOutOfFold, bestOutOfFoldRaw, bestStacked) = (scores.Accuracy, lambda, probabilities, raw, stack);
                }
            }
        }
        var fitted = LinearTrainer.Fit((bestStacked ? stacked : mrpcLinear).Features, StackedWidth(bestStacked), mrpcSet.Targets, AllRows(mrpcSet), LinearLoss.Logistic,
            ParaphrasePenalty(bestLambda, bestStacked, options), options.MaxIterations);
        var paraphrase = Round(bestStacked ? Unstack(fitted, graded) : fitted);

        // Boosted trees over the scalar features, their logit averaged with the logistic head's (TrainedCombiner.Combine): depth and number of trees by the same
        // cross-validation (same folds); kept only when the average beats the logistic head alone.
        var treesGrid = new List<CombinerTreesGridPoint>();
        int bestDepth = 0, bestTrees = 0;
        double treesAccuracy = bestAccuracy;
        double[] chosenOutOfFold = bestOutOfFold!;
        foreach (int depth in options.TreeDepths)
        {
            var boosting = options.Boosting with { Depth = depth, Trees = options.TreeCounts.Max() };
            var raws = TreesOutOfFold(mrpcSet, boosting, options);
            foreach (int count in options.TreeCounts)
            {
                var averaged = bestOutOfFoldRaw!.Select((raw, i) => TrainedCombiner.Combine(raw, raws[count][i])).ToArray();
                var alone = ThresholdSelection.Apply(Examples(raws[count].Select(LinearModel.Sigmoid).ToArray(), mrpcSet.Targets), 0.5);
                var scores = ThresholdSelection.Apply(Examples(averaged, mrpcSet.Targets), 0.5);
                treesGrid.Add(new CombinerTreesGridPoint(depth, count, new SortedDictionary<string, double>(StringComparer.Ordinal)
                {
                    ["accuracy"] = Round(scores.Accuracy), ["f1"] = Round(scores.F1), ["log_loss"] = Round(LogLoss(averaged, mrpcSet.Targets)),
                    ["trees_alone_accuracy"] = Round(alone.Accuracy), ["trees_alone_f1"] = Round(alone.F1),
                }));
                log(FormattableString.Invariant($"  paraphrase trees, depth {depth}, {count} trees: {options.Folds}-fold CV accuracy {scores.Accuracy:0.0000}, F1 {scores.F1:0.0000} combined with the logistic head; alone {alone.Accuracy:0.0000}, F1 {alone.F1:0.0000}"));
                if (scores.Accuracy > treesAccuracy) (treesAccuracy, bestDepth, bestTrees, chosenOutOfFold) = (scores.Accuracy, depth, count, averaged);
            }
        }
        var chosenBoosting = options.Boosting with { Depth = Math.Max(1, bestDepth), Trees = bestTrees };
        var trees = bestTrees > 0
            ? BoostingTrainer.Fit(mrpcSet.Features, PairFeatures.Count, PairFeatures.ScalarCount, mrpcSet.Targets, AllRows(mrpcSet), chosenBoosting)
            : null;
        bestOutOfFold = chosenOutOfFold;

        // Aligner thresholds from out-of-fold probabilities on MRPC train: the mutual seed maximises accuracy; the seed and
        // extension thresholds sit at the same rank of MRPC train as the lexical scorer's 0.5 and 0.22.
        var outOfFold = Examples(bestOutOfFold!, mrpcSet.Targets);
        double mutual = Round(ThresholdSelection.Best(outOfFold, ThresholdObjective.Accuracy).Threshold);
        var lexical = mrpcTrain.Select(p => mrpcScorer.Score(p.S1, p.S2)).Where((_, i) => mrpcSet.Kept[i]).ToArray();
        double seed = Math.Max(mutual, Round(SameRank(lexical, LexicalSeed, bestOutOfFold!)));
        double extend = Math.Min(mutual, Round(SameRank(lexical, LexicalExtend, bestOutOfFold!)));
        var aligner = new CombinerAlignerFile(mutual, seed, extend, FormattableString.Invariant(
            $"mutual seed: the accuracy-best threshold on the paraphrase head's {options.Folds}-fold out-of-fold probabilities on MRPC train; seed and extension: the probabilities at the same rank of MRPC train as the lexical scorer's {LexicalSeed} and {LexicalExtend} (seed at least, extension at most the mutual seed)"));
        log(FormattableString.Invariant($"  aligner thresholds: mutual seed {mutual}, seed {seed}, extension {extend}"));

        var paraphraseDev = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var gradedDev = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (options.Dev)
        {
            log("dev splits (reported only): featurising MRPC dev and STS Benchmark dev");
            var mrpcDev = Featurise(mrpcScorer, mrpc.Read(MrpcSplit.Validation).Select(p => (p.S1, p.S2, p.Paraphrase ? 1.0 : 0.0)).ToList(), encoder);
            var devProbabilities = Predict(mrpcDev, paraphrase).Select((raw, i) =>
                TrainedCombiner.Combine(raw, trees?.Raw(mrpcDev.Features.AsSpan(i * PairFeatures.Count, PairFeatures.Count)))).ToArray();
            var atHalf = ThresholdSelection.Apply(Examples(devProbabilities, mrpcDev.Targets), 0.5);
            var atMutual = ThresholdSelection.Apply(Examples(devProbabilities, mrpcDev.Targets), mutual);
            paraphraseDev["accuracy_at_0.5"] = Round(atHalf.Accuracy);
            paraphraseDev["f1_at_0.5"] = Round(atHalf.F1);
            paraphraseDev["accuracy_at_mutual_seed"] = Round(atMutual.Accuracy);
            paraphraseDev["f1_at_mutual_seed"] = Round(atMutual.F1);
            var stsDev = Featurise(stsScorer, sts.Read(StsSplit.Dev).Select(p => (p.S1, p.S2, p.Score)).ToList(), encoder);
            var devGraded = Predict(stsDev, graded).Select(r => Math.Clamp(r, 0, 5)).ToList();
            gradedDev["spearman"] = Round(Correlation.Spearman(devGraded, stsDev.Targets));
            gradedDev["pearson"] = Round(Correlation.Pearson(devGraded, stsDev.Targets));
            data.Add(DataFile(dataRoot, mrpc.PathOf(MrpcSplit.Validation), mrpcDev.Targets.Length, "dev figures only (not used for choosing)"));
            data.Add(DataFile(dataRoot, sts.PathOf(StsSplit.Dev), stsDev.Targets.Length, "dev figures only (not used for choosing)"));
            log(FormattableString.Invariant($"  MRPC dev: accuracy/F1 {atHalf.Accuracy:0.0000}/{atHalf.F1:0.0000} at 0.5, {atMutual.Accuracy:0.0000}/{atMutual.F1:0.0000} at the mutual seed {mutual}; STS dev Spearman {gradedDev["spearman"]:0.0000}, Pearson {gradedDev["pearson"]:0.0000}"));
        }

        var spec = ModelSpec.UseLite;
        return new CombinerFile(
            TrainedCombiner.Format,
            $"{spec.Id} ({spec.NpmSpecifier}, model.json sha256 {spec.Files[0].Sha256})",
            command,
            data,
            PairFeatures.ScalarNames.ToList(),
            $"|u - v| ({UniversalSentenceEncoder.Dimensions}), u * v ({UniversalSentenceEncoder.Dimensions}) of the two USE-lite vectors",
            Head("paraphrase probability (logistic; sigmoid of the raw output)", "MRPC train", LinearLoss.Logistic, bestLambda, options,
                FormattableString.Invariant($"dense L2, and whether the graded head's output is one more feature (its weight folded into these weights), with the best {options.Folds}-fold cross-validated accuracy at 0.5 on MRPC train (folds shuffled with seed {options.Seed}); chosen: {(bestStacked ? "with" : "without")} the graded head"),
                paraphraseGrid, paraphraseDev, paraphrase),
            Head("graded similarity 0-5 (ridge; clamped to [0, 5])", "STS Benchmark train (all genres)", LinearLoss.Squared, gradedLambda, options,
                FormattableString.Invariant($"dense L2 with the best {options.Folds}-fold cross-validated Spearman on STS Benchmark train (folds shuffled with seed {options.Seed})"),
                gradedGrid, gradedDev, graded),
            aligner,
            trees is null ? null : TreesFile(trees, chosenBoosting, treesGrid, paraphraseDev, options));
    }

    private static CombinerTreesFile TreesFile(BoostedTrees trees, BoostingOptions boosting, List<CombinerTreesGridPoint> grid, SortedDictionary<string, double> dev, CombinerTrainingOptions options)
    {
        var (features, thresholds, values) = TrainedCombiner.EncodeTrees(trees);
        return new CombinerTreesFile(
            "paraphrase probability = sigmoid((logistic head's raw output + trees' raw output) / 2); the trees read the scalar features only",
            boosting.Trees, boosting.Depth, boosting.Shrinkage, boosting.MinLeafRows, boosting.LeafL2, boosting.Bins,
            FormattableString.Invariant($"depth and number of trees with the best {options.Folds}-fold cross-validated accuracy at 0.5 of the combined probability on MRPC train (the logistic head's folds), kept only when above the logistic head alone; dev figures are those of the combined probability (in the paraphrase head's dev)"),
            grid, dev, trees.Bias, features, thresholds, values);
    }

    /// <summary>Out-of-fold raw outputs of boosted trees on the scalar features, for each number of trees in <see cref="CombinerTrainingOptions.TreeCounts"/> (prefixes of one fit per fold).</summary>
    private static Dictionary<int, double[]> TreesOutOfFold(FeatureSet set, BoostingOptions boosting, CombinerTrainingOptions options)
    {
        int n = set.Targets.Length;
        var foldOf = Folds(n, options);
        var raws = options.TreeCounts.ToDictionary(c => c, _ => new double[n]);
        Parallel.For(0, options.Folds, fold =>
        {
            var train = Enumerable.Range(0, n).Where(i => foldOf[i] != fold).ToList();
            var trees = BoostingTrainer.Fit(set.Features, PairFeatures.Count, PairFeatures.ScalarCount, set.Targets, train, boosting);
            for (int i = 0; i < n; i++)
            {
                if (foldOf[i] != fold) continue;
                var row = set.Features.AsSpan(i * PairFeatures.Count, PairFeatures.Count);
                foreach (int count in options.TreeCounts) raws[count][i] = trees.Raw(row, count);
            }
        });
        return raws;
    }

    /// <summary>Fold of each of <paramref name="n"/> rows: a shuffle with the options' seed, dealt round-robin.</summary>
    private static int[] Folds(int n, CombinerTrainingOptions options) => Folds(n, options.Folds, options.Seed);

    /// <summary>Fold of each of <paramref name="n"/> rows: a shuffle with <paramref name="seed"/>, dealt round-robin into <paramref name="folds"/> folds (the combiner's folds, shared by experiments that compare with it).</summary>
    internal static int[] Folds(int n, int folds, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        var foldOf = new int[n];
        for (int i = 0; i < n; i++) foldOf[order[i]] = i % folds;
        return foldOf;
    }

    /// <summary>Pairs turned into <see cref="PairFeatures"/> rows (pairs with a side that has no words are left out).</summary>
    private sealed record FeatureSet(double[] Features, double[] Targets, bool[] Kept);

    private static FeatureSet Featurise(SentencePairScorer scorer, IReadOnlyList<(string S1, string S2, double Target)> pairs, UniversalSentenceEncoder encoder)
    {
        var profiles = pairs.Select(p => scorer.Profiles(p.S1, p.S2)).ToList();
        var kept = profiles.Select(p => p.A.Sentences.Count > 0 && p.B.Sentences.Count > 0).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new List<string>();
        for (int i = 0; i < profiles.Count; i++)
        {
            if (!kept[i]) continue;
            foreach (var profile in new[] { profiles[i].A, profiles[i].B })
            {
                var text = profile.Model.SentenceText(0);
                if (index.TryAdd(text, texts.Count)) texts.Add(text);
            }
        }
        var vectors = encoder.Encode(texts);
        int rows = kept.Count(k => k);
        var features = new double[rows * PairFeatures.Count];
        var targets = new double[rows];
        int r = 0;
        for (int i = 0; i < profiles.Count; i++)
        {
            if (!kept[i]) continue;
            var (a, b) = profiles[i];
            PairFeatures.Compute(a, 0, b, 0, scorer.Statistics, vectors[index[a.Model.SentenceText(0)]], vectors[index[b.Model.SentenceText(0)]],
                features.AsSpan(r * PairFeatures.Count, PairFeatures.Count));
            targets[r++] = pairs[i].Target;
        }
        return new FeatureSet(features, targets, kept);
    }

    /// <summary>Out-of-fold raw outputs: each row predicted by the model fitted on the other folds. Folds run in parallel; each fit is sequential, so the result is deterministic.</summary>
    private static double[] OutOfFold(FeatureSet set, LinearLoss loss, Regularisation penalty, CombinerTrainingOptions options)
    {
        int n = set.Targets.Length;
        int width = set.Features.Length / n;
        var foldOf = Folds(n, options);
        var raw = new double[n];
        Parallel.For(0, options.Folds, fold =>
        {
            var train = Enumerable.Range(0, n).Where(i => foldOf[i] != fold).ToList();
            var model = LinearTrainer.Fit(set.Features, width, set.Targets, train, loss, penalty, options.MaxIterations);
            for (int i = 0; i < n; i++)
            {
                if (foldOf[i] == fold) raw[i] = model.Raw(set.Features.AsSpan(i * width, width));
            }
        });
        return raw;
    }

    /// <summary>The set with the trees-only feature columns set to 0.</summary>
    private static FeatureSet WithoutTreesOnlyFeatures(FeatureSet set)
    {
        var features = (double[])set.Features.Clone();
        for (int r = 0; r < set.Targets.Length; r++)
        {
            features.AsSpan(r * PairFeatures.Count + PairFeatures.TreesOnlyFrom, PairFeatures.ScalarCount - PairFeatures.TreesOnlyFrom).Clear();
        }
        return set with { Features = features };
    }

    private static int StackedWidth(bool stacked) => PairFeatures.Count + (stacked ? 1 : 0);

    private static Regularisation ParaphrasePenalty(double lambda, bool stacked, CombinerTrainingOptions options) =>
        new(lambda, options.ScalarL2, PairFeatures.ScalarCount + (stacked ? 1 : 0));

    /// <summary>The set with the graded head's raw output put in front of each row's features (in the scalar block).</summary>
    private static FeatureSet Stack(FeatureSet set, LinearModel graded)
    {
        int n = set.Targets.Length, width = PairFeatures.Count;
        var features = new double[n * (width + 1)];
        for (int i = 0; i < n; i++)
        {
            var row = set.Features.AsSpan(i * width, width);
            features[i * (width + 1)] = graded.Raw(row);
            row.CopyTo(features.AsSpan(i * (width + 1) + 1, width));
        }
        return set with { Features = features };
    }

    /// <summary>Folds a model over [graded output, features] back into one over the features: w_k + w_0 · g_k, b + w_0 · g_bias.</summary>
    private static LinearModel Unstack(LinearModel stacked, LinearModel graded)
    {
        double w0 = stacked.Weights[0];
        var weights = new double[PairFeatures.Count];
        for (int k = 0; k < weights.Length; k++) weights[k] = stacked.Weights[k + 1] + w0 * graded.Weights[k];
        return new LinearModel(weights, stacked.Bias + w0 * graded.Bias);
    }

    private static double[] Predict(FeatureSet set, LinearModel model) =>
        Enumerable.Range(0, set.Targets.Length).Select(i => model.Raw(set.Features.AsSpan(i * PairFeatures.Count, PairFeatures.Count))).ToArray();

    private static List<int> AllRows(FeatureSet set) => Enumerable.Range(0, set.Targets.Length).ToList();

    private static List<ScoredExample> Examples(double[] scores, double[] targets) =>
        scores.Select((s, i) => new ScoredExample(s, targets[i] > 0.5)).ToList();

    private static double LogLoss(double[] probabilities, double[] targets) =>
        -probabilities.Select((p, i) => targets[i] > 0.5 ? Math.Log(Math.Max(p, 1e-15)) : Math.Log(Math.Max(1 - p, 1e-15))).Average();

    /// <summary>The value of <paramref name="to"/> at the rank where <paramref name="from"/> crosses <paramref name="threshold"/>: as many pairs score at least it.</summary>
    private static double SameRank(double[] from, double threshold, double[] to)
    {
        int above = from.Count(s => s >= threshold);
        if (above == 0) return 1;
        var sorted = to.OrderByDescending(s => s).ToArray();
        return sorted[above - 1];
    }

    /// <summary>Weights as stored (float32), so the trained combiner and the loaded file predict the same.</summary>
    private static LinearModel Round(LinearModel model) => new(model.Weights.Select(w => (double)(float)w).ToArray(), (float)model.Bias);

    private static double Round(double value) => Math.Round(value, 6);

    private static CombinerHeadFile Head(string target, string trainedOn, LinearLoss loss, double lambda, CombinerTrainingOptions options, string selection,
        List<CombinerGridPoint> grid, SortedDictionary<string, double> dev, LinearModel model) =>
        new(target, trainedOn, loss, lambda, options.ScalarL2, selection, grid, dev, TrainedCombiner.EncodeWeights(model.Weights), model.Bias);

    private static CombinerDataFile DataFile(string dataRoot, string path, int pairs, string use)
    {
        using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new CombinerDataFile(Path.GetRelativePath(dataRoot, path).Replace('\\', '/'), hash, pairs, use);
    }
}
