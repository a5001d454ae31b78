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

/// <summary>The committed weights file of the combiner: provenance (command, data with SHA-256, encoder), feature names, both heads and the aligner thresholds.</summary>
public sealed record CombinerFile(
    string Format, string Encoder, string Command, IReadOnlyList<CombinerDataFile> Data,
    IReadOnlyList<string> ScalarFeatures, string DenseFeatures, CombinerHeadFile Paraphrase, CombinerHeadFile Graded, CombinerAlignerFile Aligner);

/// <summary>
/// The trained combiner of the USE-lite cosine, the vectors' element-wise features and the lexical signals
/// (<see cref="PairFeatures"/>): a logistic paraphrase head trained on MRPC train, whose probability is the alignment
/// score, and a ridge head trained on STS Benchmark train for graded similarity (0–5). Loaded from the committed
/// weights file (embedded in this assembly) or from any file <c>wiretrace models train-combiner</c> wrote.
/// </summary>
public sealed class TrainedCombiner
{
    /// <summary>The file format this code reads and writes.</summary>
    public const string Format = "wiretrace-combiner/1";

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

    /// <summary>Aligner thresholds for the paraphrase probability.</summary>
    public AlignerOptions Aligner { get; }

    /// <summary>Probability that the pair with these <see cref="PairFeatures"/> is a paraphrase.</summary>
    public double ParaphraseProbability(ReadOnlySpan<double> features) => LinearModel.Sigmoid(Paraphrase.Raw(features));

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
