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
        error = Assert.Throws<InvalidDataException>(() => TrainedCombiner.Read(new MemoryStream("{ not json"u8.ToArray()), "broken.json"));
        Assert.Contains("broken.json", error.Message);
    }

    [Fact]
    public void Training_twice_on_the_same_data_gives_the_same_file_byte_for_byte()
    {
        var options = new CombinerTrainingOptions { MrpcLimit = 160, StsLimit = 160, Folds = 3, DenseL2Grid = [0.3, 3], MaxIterations = 60, Dev = false };
        var first = TrainedCombiner.ToJson(CombinerTraining.Train(SharedData.Root, model.Encoder, options, "test"));
        var second = TrainedCombiner.ToJson(CombinerTraining.Train(SharedData.Root, model.Encoder, options, "test"));
        Assert.Equal(first, second);
        var loaded = TrainedCombiner.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(first)), "trained");
        Assert.Equal(first, TrainedCombiner.ToJson(loaded.File));
        Assert.Equal([160, 160], loaded.File.Data.Select(d => d.Pairs));
        Assert.Equal(2 * options.DenseL2Grid.Count, loaded.File.Paraphrase.Grid.Count);
        Assert.Equal(options.DenseL2Grid.Count, loaded.File.Graded.Grid.Count);
    }
}
