using System.Text.Json;
using Spectre.Console;
using WireTrace.Cli.Commands;
using WireTrace.Core.Analysis;
using WireTrace.Core.Retrieval;
using WireTrace.Core.Stories;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;

namespace WireTrace.Cli.Tests;

/// <summary><c>wiretrace bench</c> end to end on a small generated corpus and on a JSONL corpus.</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<JsonElement> Bench(params string[] args)
    {
        var json = Path.Combine(_temp.Path, Guid.NewGuid().ToString("N") + ".json");
        var (exit, _, err) = await CliRunner.RunAsync(["bench", .. args, "--json", json, "--quiet"]);
        Assert.True(exit == 0, err);
        return JsonDocument.Parse(File.ReadAllText(json)).RootElement.Clone();
    }

    [Fact]
    public async Task Small_generated_corpus_finds_its_planted_pairs_whatever_the_thread_count()
    {
        var one = await Bench("--docs", "300", "--seed", "7", "--rate", "0.2", "--threads", "1", "--queries", "100");
        var recall = one.GetProperty("recall");
        Assert.True(recall.GetProperty("planted").GetInt32() >= 30);
        Assert.True(recall.GetProperty("recall").GetDouble() >= 0.99, recall.ToString());
        var kinds = recall.GetProperty("byKind").EnumerateArray().Select(k => k.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["copy", "excerpt", "partial-rewrite"], kinds);
        Assert.True(one.GetProperty("memory").GetProperty("indexBytesPerArticle").GetDouble() > 0);
        Assert.True(one.GetProperty("queries").GetProperty("p99Milliseconds").GetDouble() > 0);
        Assert.InRange(one.GetProperty("queries").GetProperty("candidatesPerArticle").GetDouble(), 0, 5);

        var two = await Bench("--docs", "300", "--seed", "7", "--rate", "0.2", "--threads", "2", "--queries", "100");
        Assert.Equal(recall.ToString(), two.GetProperty("recall").ToString());
        Assert.Equal(
            one.GetProperty("queries").GetProperty("candidatesPerArticle").GetDouble(),
            two.GetProperty("queries").GetProperty("candidatesPerArticle").GetDouble());
        Assert.Equal(one.GetProperty("memory").GetProperty("indexBytes").GetInt64(), two.GetProperty("memory").GetProperty("indexBytes").GetInt64());
    }

    [Fact]
    public async Task Reads_a_jsonl_corpus_with_planted_pairs()
    {
        var source = File.ReadAllText(CliRunner.Sample("demo", "afp-flood-source.txt"));
        var sentences = source.Split(". ");
        var lines = new[]
        {
            JsonSerializer.Serialize(new { id = "src", text = source }),
            JsonSerializer.Serialize(new { id = "other", text = File.ReadAllText(CliRunner.Sample("demo", "unrelated-budget.txt")) }),
            JsonSerializer.Serialize(new { id = "part", text = string.Join(". ", sentences.Skip(2).Take(4)) + ".", source = "src", kind = "excerpt" }),
        };
        var file = _temp.File("corpus.jsonl", string.Join('\n', lines));
        var result = await Bench("--corpus", file);
        Assert.Equal(3, result.GetProperty("documents").GetInt32());
        Assert.Equal(1, result.GetProperty("recall").GetProperty("found").GetInt32());
    }

    [Fact]
    public async Task Written_corpus_reads_back_with_its_pairs_and_gives_the_same_figures()
    {
        var corpus = Path.Combine(_temp.Path, "written.jsonl");
        var generated = await Bench("--docs", "300", "--seed", "5", "--rate", "0.2", "--queries", "50", "--write-corpus", corpus);
        var pairs = corpus + ".pairs.jsonl";
        Assert.Equal(300, File.ReadLines(corpus).Count());
        Assert.Equal(generated.GetProperty("recall").GetProperty("planted").GetInt32(), File.ReadLines(pairs).Count());
        Assert.Equal(50, File.ReadLines(corpus + ".sample.txt").Count());
        var first = JsonDocument.Parse(File.ReadLines(pairs).First()).RootElement;
        Assert.StartsWith("doc-", first.GetProperty("source").GetString());
        Assert.StartsWith("doc-", first.GetProperty("derived").GetString());

        var read = await Bench("--corpus", corpus, "--pairs", pairs, "--seed", "5", "--queries", "50");
        Assert.Equal(generated.GetProperty("recall").ToString(), read.GetProperty("recall").ToString());
        Assert.Equal(generated.GetProperty("memory").GetProperty("indexBytes").GetInt64(), read.GetProperty("memory").GetProperty("indexBytes").GetInt64());
        Assert.Equal(
            generated.GetProperty("queries").GetProperty("candidatesPerArticle").GetDouble(),
            read.GetProperty("queries").GetProperty("candidatesPerArticle").GetDouble());

        var bad = _temp.File("bad-pairs.jsonl", "{\"source\": \"doc-0000001\", \"derived\": \"nope\"}");
        var (exit, _, err) = await CliRunner.RunAsync("bench", "--corpus", corpus, "--pairs", bad, "--quiet");
        Assert.Equal(2, exit);
        Assert.Contains("bad-pairs.jsonl:1", err);
    }

    [Fact]
    public async Task Bad_corpus_file_is_an_error_message_not_a_crash()
    {
        var file = _temp.File("bad.jsonl", "{\"text\": \"no id\"}");
        var (exit, _, err) = await CliRunner.RunAsync("bench", "--corpus", file, "--quiet");
        Assert.Equal(2, exit);
        Assert.Contains("needs \"id\"", err);

        var broken = _temp.File("broken.jsonl", "{\"id\": \"a\", \"text\": \"fine\"}\n\n{\"id\": \"b\", \"text\": ");
        (exit, _, err) = await CliRunner.RunAsync("bench", "--corpus", broken, "--quiet");
        Assert.Equal(2, exit);
        Assert.Contains("broken.jsonl:3: not a JSON object", err);
    }
}

/// <summary>
/// The fingerprint retriever against the rare-term finder on the demo corpus's gold pairs. The retriever finds
/// every pair that reuses text (duplicate, near-duplicate, excerpt, copy of an excerpt, partial rewrite; today also
/// the paraphrase, which keeps a few word runs) but not the independent same-event report, which shares names and
/// words but no passage; the rare-term finder finds all seven, so it stays the default of <c>scan</c>
/// (see docs/BENCHMARKS.md).
/// </summary>
public sealed class CandidateSourceDemoTests
{
    [Fact]
    public void Retriever_finds_every_text_reuse_pair_of_the_demo_and_the_old_finder_all_pairs()
    {
        var context = new AnalysisContext(new TextAnalyzer(EnglishStemmer.Default));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        var corpus = CorpusLoader.Load([CliRunner.Sample("demo")], context, console, false, CancellationToken.None);
        var docs = corpus.Documents.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var gold = JsonDocument.Parse(File.ReadAllText(CliRunner.Sample("demo.gold.json"))).RootElement.GetProperty("members")
            .EnumerateObject().Select(m => (m.Name, Parent: m.Value.GetProperty("parent").GetString()!, Relation: m.Value.GetProperty("relation").GetString()!))
            .ToList();
        var oldPairs = Pairs(new CandidateFinder().Find(docs), docs);
        var newPairs = Pairs(new FingerprintCandidateSource().Find(docs), docs);
        Assert.Equal(7, gold.Count);
        foreach (var (name, parent, relation) in gold)
        {
            Assert.Contains(Key(name, parent), oldPairs);
            Assert.True(newPairs.Contains(Key(name, parent)) || relation is "paraphrase" or "same-event", $"{name} <- {parent} ({relation})");
        }
        // Nothing proposed between the flood story and the unrelated budget or football articles.
        Assert.DoesNotContain(newPairs, p => p.Item1.StartsWith("unrelated") || p.Item2.StartsWith("unrelated"));
    }

    private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);

    private static HashSet<(string, string)> Pairs(IReadOnlyList<CandidatePair> pairs, IReadOnlyList<AnalyzedDocument> docs) =>
        pairs.Select(p => Key(docs[p.A].Id, docs[p.B].Id)).ToHashSet();
}
