using System.Security.Cryptography;
using WireTrace.Encoder.Combiner;
using WireTrace.Evaluation.Training;
using WireTrace.Tests;

namespace WireTrace.Encoder.Tests.Combiner;

/// <summary>The committed weights file and the training that makes it.</summary>
[Collection(InstalledModelCollection.Name)]
public sealed class TrainedCombinerTests(InstalledModelFixture model)
{
    [Fact]
    public void The_committed_weights_load_from_the_assembly_equal_the_repository_file_and_record_their_training_data()
    {
        var combiner = TrainedCombiner.Default;
        var file = combiner.File;
        var committed = File.ReadAllText(RepoPaths.PathTo("src", "WireTrace.Encoder", "Combiner", "use-lite-combiner.json"));
        Assert.Equal(committed, TrainedCombiner.ToJson(file));
        Assert.StartsWith("wiretrace models train-combiner", file.Command);
        Assert.Equal(PairFeatures.Count, combiner.Paraphrase.Weights.Length);
        Assert.Equal(PairFeatures.Count, combiner.Graded.Weights.Length);
        Assert.Equal(["mrpc/msr-para-train.tsv", "stsbenchmark/sts-train.csv", "mrpc/msr-para-val.tsv", "stsbenchmark/sts-dev.csv"], file.Data.Select(d => d.Path));
        foreach (var data in file.Data)
        {
            using var stream = File.OpenRead(SharedData.PathTo(data.Path.Split('/')));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stream)), data.Sha256);
        }
        Assert.Equal("MRPC train", file.Paraphrase.TrainedOn);
        Assert.Contains(file.Paraphrase.Grid, p => p.DenseL2 == file.Paraphrase.DenseL2);
        Assert.InRange(combiner.Aligner.MutualSeedThreshold, 0.05, 0.95);
        Assert.True(combiner.Aligner.SeedThreshold >= combiner.Aligner.MutualSeedThreshold);
        Assert.True(combiner.Aligner.ExtendThreshold <= combiner.Aligner.MutualSeedThreshold);
        // Cross-validation chose boosted trees averaged with the logistic head; the chosen point is in the grid and beats the logistic head alone.
        var trees = Assert.IsType<CombinerTreesFile>(file.ParaphraseTrees);
        Assert.Equal(trees.Trees, combiner.ParaphraseTrees!.Count);
        // The linear heads give the trees-only (machine-translation-metric) features weight 0; the trees split on some of them.
        Assert.Equal("stem1_precision_min", PairFeatures.ScalarNames[PairFeatures.TreesOnlyFrom]);
        for (int k = PairFeatures.TreesOnlyFrom; k < PairFeatures.ScalarCount; k++)
        {
            Assert.Equal(0, combiner.Paraphrase.Weights[k]);
            Assert.Equal(0, combiner.Graded.Weights[k]);
        }
        Assert.Contains(combiner.ParaphraseTrees!.Features, f => f >= PairFeatures.TreesOnlyFrom);
        var chosen = Assert.Single(trees.Grid, p => p.Depth == trees.Depth && p.Trees == trees.Trees);
        Assert.True(chosen.CrossValidation["accuracy"] > file.Paraphrase.Grid.Max(p => p.CrossValidation["accuracy"]));
    }

    [Fact]
    public void The_paraphrase_probability_is_the_sigmoid_of_the_mean_of_the_logistic_heads_and_the_trees_logits()
    {
        var combiner = TrainedCombiner.Default;
        var random = new Random(5);
        var features = new double[PairFeatures.Count];
        for (int k = 0; k < features.Length; k++) features[k] = random.NextDouble();
        double linear = combiner.Paraphrase.Raw(features);
        double trees = combiner.ParaphraseTrees!.Raw(features);
        Assert.Equal(LinearModel.Sigmoid((linear + trees) / 2), combiner.ParaphraseProbability(features), 12);
        Assert.Equal(LinearModel.Sigmoid(linear), TrainedCombiner.Combine(linear, null), 12);
        // A pair the logistic head finds clearly unrelated stays improbable whatever the trees say.
        Assert.True(TrainedCombiner.Combine(-12, 2) < 0.01);
        // Changing a dense feature moves only the logistic part; the trees read the scalar features alone.
        features[PairFeatures.ScalarCount + 3] += 5;
        Assert.Equal(trees, combiner.ParaphraseTrees.Raw(features), 12);
    }

    [Fact]
    public void A_file_with_other_features_or_a_wrong_weight_count_is_refused_with_its_name()
    {
        var file = TrainedCombiner.Default.File;
        var renamed = file with { ScalarFeatures = [.. file.ScalarFeatures.Skip(1)] };
        var error = Assert.Throws<InvalidDataException>(() => TrainedCombiner.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(TrainedCombiner.ToJson(renamed))), "old.json"));
        Assert.Contains("old.json", error.Message);
        Assert.Contains("retrain", error.Message);
        var truncated = file with { Graded = file.Graded with { Weights = TrainedCombiner.EncodeWeights([1.0, 2.0]) } };
        error = Assert.Throws<InvalidDataException>(() => new TrainedCombiner(truncated));
        Assert.Contains("graded head has 2 weights", error.Message);
        var treesFile = file.ParaphraseTrees!;
        var lessTrees = file with { ParaphraseTrees = treesFile with { Trees = treesFile.Trees + 1 } };
        error = Assert.Throws<InvalidDataException>(() => TrainedCombiner.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(TrainedCombiner.ToJson(lessTrees))), "trees.json"));
        Assert.Contains("trees.json", error.Message);
        Assert.Contains("trees stored", error.Message);
        error = Assert.Throws<InvalidDataException>(() => TrainedCombiner.Read(new MemoryStream("{ not json"u8.ToArray()), "broken.json"));
        Assert.Contains("broken.json", error.Message);
    }

    [Fact]
    public void Training_twice_on_the_same_data_gives_the_same_file_byte_for_byte()
    {
        var options = new CombinerTrainingOptions
        {
            MrpcLimit = 160, StsLimit = 160, Folds = 3, DenseL2Grid = [0.3, 3], MaxIterations = 60, Dev = false,
            TreeDepths = [2], TreeCounts = [10, 30], Boosting = new BoostingOptions(MinLeafRows: 5, Shrinkage: 0.1),
        };
        var first = TrainedCombiner.ToJson(CombinerTraining.Train(SharedData.Root, model.Encoder, options, "test"));
        var second = TrainedCombiner.ToJson(CombinerTraining.Train(SharedData.Root, model.Encoder, options, "test"));
        Assert.Equal(first, second);
        var loaded = TrainedCombiner.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(first)), "trained");
        Assert.Equal(first, TrainedCombiner.ToJson(loaded.File));
        Assert.Equal([160, 160], loaded.File.Data.Select(d => d.Pairs));
        Assert.Equal(2 * options.DenseL2Grid.Count, loaded.File.Paraphrase.Grid.Count);
        Assert.Equal(options.DenseL2Grid.Count, loaded.File.Graded.Grid.Count);
        if (loaded.File.ParaphraseTrees is { } trees) Assert.Equal(2, trees.Grid.Count);
    }
}
