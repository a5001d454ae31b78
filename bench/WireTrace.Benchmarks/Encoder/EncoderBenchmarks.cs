using BenchmarkDotNet.Attributes;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Encoder;
using WireTrace.Encoder.Inference;
using WireTrace.Encoder.Models;
using WireTrace.Evaluation.Suites;

namespace WireTrace.Benchmarks.Encoder;

/// <summary>
/// The managed Universal Sentence Encoder lite: model load time (model.json + 27 MB of shards + vocabulary +
/// weight repacking), encoding throughput (results per sentence: OperationsPerInvoke) one sentence per call on
/// one thread, all sentences in one call on one thread (default precision, and float32), and all sentences in one call
/// on all cores; and the dense kernel alone (one FFN layer, 256 tokens × 512 → 1536: 0.403 GFLOP per call) in float32
/// and in int8 (row quantisation included). Sentence sets: <c>news</c> = the
/// 31 sentences of the demo's agency story, repeated to 256 (long news sentences, 32.1 pieces on average); <c>sts</c> =
/// the first 256 sentences of STS Benchmark test (short captions and headlines, 9.0 pieces on average). Needs the model
/// installed (wiretrace models install).
/// Run with: dotnet run -c Release --project bench/WireTrace.Benchmarks -- --filter '*EncoderBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class EncoderBenchmarks
{
    private const int Sentences = 256;

    private UniversalSentenceEncoder _oneThread = null!;
    private UniversalSentenceEncoder _oneThreadFloat32 = null!;
    private Int8Weights _kernelInt8 = null!;
    private readonly QuantizedRows _kernelRows = new();
    private UniversalSentenceEncoder _allCores = null!;
    private string[] _sentences = null!;
    private string _directory = null!;
    private float[] _kernelInput = null!;
    private float[] _kernelOutput = null!;
    private PackedWeights _kernelWeights = null!;

    [Params("news", "sts")]
    public string Set { get; set; } = "news";

    [GlobalSetup]
    public void Setup()
    {
        _directory = ModelCache.Default.RequireInstalled(ModelSpec.UseLite);
        _oneThread = UniversalSentenceEncoder.Load(_directory, new EncoderOptions(Threads: 1));
        _oneThreadFloat32 = UniversalSentenceEncoder.Load(_directory, new EncoderOptions(Threads: 1, Precision: EncoderPrecision.Float32));
        _allCores = UniversalSentenceEncoder.Load(_directory);
        string[] all;
        if (Set == "news")
        {
            var text = File.ReadAllText(Path.Combine(RepoRoot(), "samples", "demo", "afp-flood-source.txt"));
            var model = new TextAnalyzer(EnglishStemmer.Default).Analyze(text);
            all = [.. Enumerable.Range(0, model.Sentences.Count).Select(model.SentenceText)];
        }
        else
        {
            var data = EvalDataRoot.Resolve(null, Environment.CurrentDirectory);
            all = [.. File.ReadLines(Path.Combine(data, "stsbenchmark", "sts-test.csv")).SelectMany(l => l.Split('\t')[5..7]).Take(Sentences)];
        }
        if (all.Length == 0) throw new InvalidOperationException("no sentences");
        _sentences = [.. Enumerable.Range(0, Sentences).Select(i => all[i % all.Length])];
        var random = new Random(1);
        _kernelInput = [.. Enumerable.Range(0, 256 * 512).Select(_ => (float)random.NextDouble())];
        _kernelOutput = new float[256 * 1536];
        _kernelWeights = new PackedWeights("ffn1", [.. Enumerable.Range(0, 512 * 1536).Select(_ => (float)random.NextDouble())], 512, 1536, new float[1536], quantize: true);
        _kernelInt8 = _kernelWeights.Int8!;
    }

    [Benchmark]
    public UniversalSentenceEncoder LoadModel() => UniversalSentenceEncoder.Load(_directory);

    [Benchmark(OperationsPerInvoke = Sentences)]
    public float OneSentencePerCall_OneThread()
    {
        float sum = 0;
        foreach (var s in _sentences) sum += _oneThread.Encode(s)[0];
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Sentences)]
    public float AllInOneCall_OneThread() => _oneThread.Encode(_sentences)[0][0];

    [Benchmark(OperationsPerInvoke = Sentences)]
    public float AllInOneCall_OneThread_Float32() => _oneThreadFloat32.Encode(_sentences)[0][0];

    [Benchmark(OperationsPerInvoke = Sentences)]
    public float AllInOneCall_AllCores() => _allCores.Encode(_sentences)[0][0];

    /// <summary>One 256 × 512 → 1536 dense layer with ReLU on the SIMD kernel: 2·256·512·1536 = 0.403 GFLOP.</summary>
    [Benchmark]
    public float DenseKernel_256x512x1536()
    {
        Kernels.Vectorized.Dense(_kernelInput, 256, _kernelWeights, _kernelOutput, Epilogue.BiasRelu);
        return _kernelOutput[0];
    }

    /// <summary>The same layer in int8 (per-row quantisation of the input included; AVX-VNNI where the CPU has it).</summary>
    [Benchmark]
    public float DenseKernelInt8_256x512x1536()
    {
        Kernels.Vectorized.Dense(_kernelInput, 256, _kernelInt8, _kernelOutput, Epilogue.BiasRelu, _kernelRows);
        return _kernelOutput[0];
    }

    private static string RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "WireTrace.slnx"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run from inside the WireTrace repository.");
    }
}
