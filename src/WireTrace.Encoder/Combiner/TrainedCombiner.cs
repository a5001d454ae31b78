using System.Text.Json;
using System.Text.Json.Serialization;
using WireTrace.Core.Alignment;

namespace WireTrace.Encoder.Combiner;

/// <summary>One data file a combiner read: its path under the data root, SHA-256, the pairs used and what for (training, or dev figures only).</summary>
public sealed record CombinerDataFile(string Path, string Sha256, int Pairs, string Use);

/// <summary>One point of a head's hyper-parameter grid with its cross-validated figures on the training split.</summary>
public sealed record CombinerGridPoint(double DenseL2, IReadOnlyDictionary<string, double> CrossValidation);

/// <summary>
/// A trained linear head as stored: what it predicts, the data and loss, the chosen penalties and how they were
/// chosen (the grid with its cross-validated figures), figures on the dev split, and the weights (float32,
/// little-endian, base64; standardisation folded in) over <see cref="PairFeatures"/>.
/// </summary>
public sealed record CombinerHeadFile(
    string Target, string TrainedOn, LinearLoss Loss, double DenseL2, double ScalarL2, string Selection,
    IReadOnlyList<CombinerGridPoint> Grid, IReadOnlyDictionary<string, double> Dev, string Weights, double Bias);

/// <summary>The aligner thresholds for the paraphrase probability and how they were chosen.</summary>
public sealed record CombinerAlignerFile(double MutualSeedThreshold, double SeedThreshold, double ExtendThreshold, string Selection);

/// <summary>One point of the boosted trees' grid (depth, number of trees) with its cross-validated figures on MRPC train.</summary>
public sealed record CombinerTreesGridPoint(int Depth, int Trees, IReadOnlyDictionary<string, double> CrossValidation);

/// <summary>
/// The boosted trees of the paraphrase head as stored: how they are combined with the linear head, their options,
/// how they were chosen (grid with cross-validated figures), dev figures, and the trees (<see cref="BoostedTrees"/>
/// arrays in base64: split features as int16, thresholds and leaf outputs as float32, little-endian) over the
/// scalar features of <see cref="PairFeatures"/>.
/// </summary>
public sealed record CombinerTreesFile(
    string Combination, int Trees, int Depth, double Shrinkage, int MinLeafRows, double LeafL2, int Bins, string Selection,
    IReadOnlyList<CombinerTreesGridPoint> Grid, IReadOnlyDictionary<string, double> Dev, double Bias, string Features, string Thresholds, string Values);

/// <summary>The committed weights file of the combiner: provenance (command, data with SHA-256, encoder), feature names, both heads, the paraphrase head's boosted trees (when cross-validation chose them) and the aligner thresholds.</summary>
public sealed record CombinerFile(
    string Format, string Encoder, string Command, IReadOnlyList<CombinerDataFile> Data,
    IReadOnlyList<string> ScalarFeatures, string DenseFeatures, CombinerHeadFile Paraphrase, CombinerHeadFile Graded, CombinerAlignerFile Aligner,
    CombinerTreesFile? ParaphraseTrees = null);

/// <summary>
/// The trained combiner of the USE-lite cosine, the vectors' element-wise features and the lexical signals
/// (<see cref="PairFeatures"/>): a logistic paraphrase head trained on MRPC train, whose probability (its logit averaged with
/// that of gradient-boosted trees over the scalar features, when the file has them) is the alignment score, and a ridge head
/// trained on STS Benchmark train for graded similarity (0–5). Loaded from the committed
/// weights file (embedded in this assembly) or from any file <c>wiretrace models train-combiner</c> wrote.
/// </summary>
public sealed class TrainedCombiner
{
    /// <summary>The file format this code reads and writes.</summary>
    public const string Format = "wiretrace-combiner/2";

    private const string ResourceName = "WireTrace.Encoder.Combiner.use-lite-combiner.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static readonly Lazy<TrainedCombiner> Committed = new(() =>
    {
        using var stream = typeof(TrainedCombiner).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the committed combiner weights ({ResourceName}) are not embedded in {typeof(TrainedCombiner).Assembly.GetName().Name}");
        return Read(stream, "embedded " + ResourceName);
    });

    /// <summary>Makes a combiner from its file form; the weights are float32, as stored.</summary>
    public TrainedCombiner(CombinerFile file)
    {
        File = file;
        if (file.Format != Format) throw new InvalidDataException($"combiner format '{file.Format}', expected '{Format}'");
        if (!file.ScalarFeatures.SequenceEqual(PairFeatures.ScalarNames))
            throw new InvalidDataException($"combiner features [{string.Join(", ", file.ScalarFeatures)}] differ from this build's [{string.Join(", ", PairFeatures.ScalarNames)}]: retrain it");
        Paraphrase = Decode(file.Paraphrase, "paraphrase");
        Graded = Decode(file.Graded, "graded");
        ParaphraseTrees = file.ParaphraseTrees is { } trees ? DecodeTrees(trees) : null;
        Aligner = AlignerOptions.Default with
        {
            MutualSeedThreshold = file.Aligner.MutualSeedThreshold,
            SeedThreshold = file.Aligner.SeedThreshold,
            ExtendThreshold = file.Aligner.ExtendThreshold,
        };
    }

    /// <summary>The committed combiner (trained on MRPC train and STS Benchmark train).</summary>
    public static TrainedCombiner Default => Committed.Value;

    /// <summary>The file this combiner was made from (provenance and figures).</summary>
    public CombinerFile File { get; }

    /// <summary>Logistic head: σ(raw) is the probability that the pair is a paraphrase.</summary>
    public LinearModel Paraphrase { get; }

    /// <summary>Ridge head: graded similarity on the 0–5 STS scale (clamped when used).</summary>
    public LinearModel Graded { get; }

    /// <summary>Boosted trees over the scalar features whose logit is averaged with the logistic head's (null: the logistic head alone).</summary>
    public BoostedTrees? ParaphraseTrees { get; }

    /// <summary>Aligner thresholds for the paraphrase probability.</summary>
    public AlignerOptions Aligner { get; }

    /// <summary>Probability that the pair with these <see cref="PairFeatures"/> is a paraphrase.</summary>
    public double ParaphraseProbability(ReadOnlySpan<double> features) => Combine(Paraphrase.Raw(features), ParaphraseTrees?.Raw(features));

    /// <summary>
    /// The paraphrase probability from the logistic head's raw output and the trees' (null without trees): σ(linear), or
    /// σ of the mean of the two logits (the geometric mean of the two odds). Averaging logits rather than probabilities
    /// keeps a pair that the logistic head finds clearly unrelated near 0: trees cannot extrapolate beyond MRPC, whose pairs
    /// all share words, so for an unrelated pair their output is merely that of MRPC's least similar pairs.
    /// </summary>
    public static double Combine(double linearRaw, double? treesRaw) =>
        LinearModel.Sigmoid(treesRaw is { } t ? (linearRaw + t) / 2 : linearRaw);

    /// <summary>Graded similarity (0–5) of the pair with these <see cref="PairFeatures"/>.</summary>
    public double GradedSimilarity(ReadOnlySpan<double> features) => Math.Clamp(Graded.Raw(features), 0, 5);

    /// <summary>Reads a combiner file; <paramref name="name"/> names it in errors.</summary>
    public static TrainedCombiner Read(Stream stream, string name)
    {
        CombinerFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CombinerFile>(stream, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name}: not a combiner file (line {e.LineNumber + 1}): {e.Message}", e);
        }
        if (file is null) throw new InvalidDataException($"{name}: empty combiner file");
        try
        {
            return new TrainedCombiner(file);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or NullReferenceException)
        {
            throw new InvalidDataException($"{name}: {e.Message}", e);
        }
    }

    /// <summary>Loads a combiner file from disk.</summary>
    public static TrainedCombiner Load(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>The file as JSON (deterministic: the same combiner gives the same bytes).</summary>
    public static string ToJson(CombinerFile file) => JsonSerializer.Serialize(file, Json) + "\n";

    /// <summary>Base64 of the weights as float32 little-endian (what <see cref="CombinerHeadFile.Weights"/> holds).</summary>
    public static string EncodeWeights(IReadOnlyList<double> weights)
    {
        var bytes = new byte[weights.Count * sizeof(float)];
        for (int k = 0; k < weights.Count; k++) BitConverter.TryWriteBytes(bytes.AsSpan(k * sizeof(float)), (float)weights[k]);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("big-endian hosts are not supported");
        return Convert.ToBase64String(bytes);
    }

    /// <summary>The trees' arrays in their stored form (base64 of int16 split features, float32 thresholds and leaf outputs).</summary>
    public static (string Features, string Thresholds, string Values) EncodeTrees(BoostedTrees trees)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("big-endian hosts are not supported");
        var features = new byte[trees.Features.Length * sizeof(short)];
        for (int i = 0; i < trees.Features.Length; i++) BitConverter.TryWriteBytes(features.AsSpan(i * sizeof(short)), checked((short)trees.Features[i]));
        var thresholds = new byte[trees.Thresholds.Length * sizeof(float)];
        Buffer.BlockCopy(trees.Thresholds, 0, thresholds, 0, thresholds.Length);
        var values = new byte[trees.Values.Length * sizeof(float)];
        Buffer.BlockCopy(trees.Values, 0, values, 0, values.Length);
        return (Convert.ToBase64String(features), Convert.ToBase64String(thresholds), Convert.ToBase64String(values));
    }

    private static BoostedTrees DecodeTrees(CombinerTreesFile file)
    {
        var featureBytes = Convert.FromBase64String(file.Features);
        var thresholdBytes = Convert.FromBase64String(file.Thresholds);
        var valueBytes = Convert.FromBase64String(file.Values);
        var features = new int[featureBytes.Length / sizeof(short)];
        for (int i = 0; i < features.Length; i++) features[i] = BitConverter.ToInt16(featureBytes, i * sizeof(short));
        var thresholds = new float[thresholdBytes.Length / sizeof(float)];
        Buffer.BlockCopy(thresholdBytes, 0, thresholds, 0, thresholds.Length * sizeof(float));
        var values = new float[valueBytes.Length / sizeof(float)];
        Buffer.BlockCopy(valueBytes, 0, values, 0, values.Length * sizeof(float));
        BoostedTrees trees;
        try
        {
            trees = new BoostedTrees(PairFeatures.ScalarCount, file.Depth, (float)file.Bias, features, thresholds, values);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"the paraphrase trees: {e.Message}", e);
        }
        if (trees.Count != file.Trees) throw new InvalidDataException($"the paraphrase trees: {trees.Count} trees stored, the file says {file.Trees}");
        return trees;
    }

    private static LinearModel Decode(CombinerHeadFile head, string which)
    {
        var bytes = Convert.FromBase64String(head.Weights);
        if (bytes.Length != PairFeatures.Count * sizeof(float))
            throw new InvalidDataException($"the {which} head has {bytes.Length / sizeof(float)} weights, expected {PairFeatures.Count}");
        var weights = new double[PairFeatures.Count];
        for (int k = 0; k < weights.Length; k++) weights[k] = BitConverter.ToSingle(bytes, k * sizeof(float));
        return new LinearModel(weights, (float)head.Bias);
    }
}
