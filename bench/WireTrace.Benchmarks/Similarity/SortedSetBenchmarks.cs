using System.Text.Json;
using BenchmarkDotNet.Attributes;
using WireTrace.Core.Analysis;
using WireTrace.Core.Documents;
using WireTrace.Core.Similarity;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;

namespace WireTrace.Benchmarks.Similarity;

/// <summary>
/// Counting the character 4-grams two sentences share (the gram Dice of the lexical sentence similarity), for every
/// sentence of the demo's agency story against every sentence of its partial rewrite: the plain branch-free merge
/// against the <see cref="System.Runtime.Intrinsics.Vector256"/> block compare, on one thread. The time is for the whole matrix
/// (the setup prints its size: divide for the time per sentence pair).
/// Run with: dotnet run -c Release --project bench/WireTrace.Benchmarks -- --filter '*SortedSetBenchmarks*' --job short
/// </summary>
public class SortedSetBenchmarks
{
    private uint[][] _source = [];
    private uint[][] _derived = [];
    private int _pairs;

    [GlobalSetup]
    public void Setup()
    {
        var demo = Path.Combine(Analysis.PairAnalysisBenchmarks.RepoRoot(), "samples", "demo");
        var context = new AnalysisContext(new TextAnalyzer(EnglishStemmer.Default));
        var source = context.Add(Article.FromText("source", "source", File.ReadAllText(Path.Combine(demo, "afp-flood-source.txt"))));
        string rewrite = File.ReadLines(Path.Combine(demo, "rewrites.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .First(e => e.GetProperty("id").GetString() == "partial-rewrite").GetProperty("text").GetString()!;
        var derived = context.Add(Article.FromText("partial", "partial", rewrite));
        _source = [.. source.Profile.Sentences.Select(s => s.CharGrams)];
        _derived = [.. derived.Profile.Sentences.Select(s => s.CharGrams)];
        _pairs = _source.Length * _derived.Length;
        Console.WriteLine($"// {_source.Length} x {_derived.Length} = {_pairs} sentence pairs, {_source.Average(g => g.Length):F0} and {_derived.Average(g => g.Length):F0} grams per sentence");
        if (Plain() != Vector256()) throw new InvalidOperationException("the two paths disagree");
    }

    [Benchmark(Baseline = true)]
    public long Plain()
    {
        long n = 0;
        foreach (var x in _source) foreach (var y in _derived) n += SortedSets.IntersectionCountScalar<uint>(x, y);
        return n;
    }

    [Benchmark]
    public long Vector256()
    {
        long n = 0;
        foreach (var x in _source) foreach (var y in _derived) n += SortedSets.IntersectionCountVector256<uint>(x, y);
        return n;
    }
}
