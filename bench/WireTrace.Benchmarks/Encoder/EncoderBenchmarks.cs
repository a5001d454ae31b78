using BenchmarkDotNet.Attributes;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Encoder;
using WireTrace.Encoder.Models;

namespace WireTrace.Benchmarks.Encoder;

/// <summary>
/// The managed Universal Sentence Encoder lite: model load time (model.json + 27 MB of shards +
/// vocabulary) and encoding throughput over the sentences of the demo's ~700-word agency story, one
/// sentence per call and in batches of 32 (results are per sentence: OperationsPerInvoke). Needs the
/// model installed (wiretrace models install).
/// Run with: dotnet run -c Release --project bench/WireTrace.Benchmarks -- --filter '*EncoderBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class EncoderBenchmarks
{
    private const int Sentences = 32;

    private UniversalSentenceEncoder _encoder = null!;
    private string[] _sentences = null!;
    private string _directory = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = ModelCache.Default.RequireInstalled(ModelSpec.UseLite);
        _encoder = UniversalSentenceEncoder.Load(_directory);
        var text = File.ReadAllText(Path.Combine(RepoRoot(), "samples", "demo", "afp-flood-source.txt"));
        var model = new TextAnalyzer(EnglishStemmer.Default).Analyze(text);
        var all = Enumerable.Range(0, model.Sentences.Count).Select(model.SentenceText).ToArray();
        if (all.Length == 0) throw new InvalidOperationException("the demo story has no sentences");
        _sentences = [.. Enumerable.Range(0, Sentences).Select(i => all[i % all.Length])];
    }

    [Benchmark]
    public UniversalSentenceEncoder LoadModel() => UniversalSentenceEncoder.Load(_directory);

    [Benchmark(OperationsPerInvoke = Sentences)]
    public float OneSentencePerCall()
    {
        float sum = 0;
        foreach (var s in _sentences) sum += _encoder.Encode(s)[0];
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Sentences)]
    public float Batch32() => _encoder.Encode(_sentences)[0][0];

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
