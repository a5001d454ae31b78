using System.Text.Json;
using BenchmarkDotNet.Attributes;
using WireTrace.Core.Alignment;
using WireTrace.Core.Analysis;
using WireTrace.Core.Documents;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;

namespace WireTrace.Benchmarks.Analysis;

/// <summary>
/// Pair analysis (alignment, word diffs, relation, direction, facts) of a derived article against its
/// ~700-word source, on one thread: the demo's agency story against its partial rewrite (inserted and
/// dropped material, fact changes) and against its model-written paraphrase (every sentence reworded).
/// Run with: dotnet run -c Release --project bench/WireTrace.Benchmarks -- --filter '*PairAnalysisBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class PairAnalysisBenchmarks
{
    private PairAnalyzer _analyzer = null!;
    private SentenceAligner _aligner = null!;
    private AnalyzedDocument _source = null!;
    private AnalyzedDocument _partial = null!;
    private AnalyzedDocument _paraphrase = null!;
    private AnalyzedDocument _nearDuplicate = null!;

    [GlobalSetup]
    public void Setup()
    {
        var demo = Path.Combine(RepoRoot(), "samples", "demo");
        var context = new AnalysisContext(new TextAnalyzer(EnglishStemmer.Default));
        _source = context.Add(FromText("afp-flood-source", File.ReadAllText(Path.Combine(demo, "afp-flood-source.txt"))));
        _nearDuplicate = context.Add(FromText("copy-scraped", File.ReadAllText(Path.Combine(demo, "copy-scraped.txt"))));
        foreach (var line in File.ReadLines(Path.Combine(demo, "rewrites.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            var id = json.RootElement.GetProperty("id").GetString()!;
            var text = json.RootElement.GetProperty("text").GetString()!;
            if (id == "partial-rewrite") _partial = context.Add(FromText(id, text));
            if (id == "paraphrase-llm") _paraphrase = context.Add(FromText(id, text));
        }
        _analyzer = context.CreateAnalyzer();
        _aligner = new SentenceAligner(_analyzer.Similarity);
        if (_source.Model.WordCount < 600) throw new InvalidOperationException("the source should be a ~700-word article");
    }

    [Benchmark]
    public PairAnalysis PartialRewrite() => _analyzer.Analyze(_source, _partial);

    [Benchmark]
    public PairAnalysis Paraphrase() => _analyzer.Analyze(_source, _paraphrase);

    /// <summary>The sentence alignment alone (similarity matrix, seeds, extension, merges, word diffs) of the paraphrase.</summary>
    [Benchmark]
    public object ParaphraseAlignmentOnly() => _aligner.Align(_source.Profile, _paraphrase.Profile);

    [Benchmark]
    public PairAnalysis ScrapedCopy() => _analyzer.Analyze(_source, _nearDuplicate);

    private static Article FromText(string id, string text) => Article.FromText(id, id, text);

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WireTrace.slnx"))) return dir.FullName;
        }
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WireTrace.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run from inside the WireTrace repository.");
    }
}
