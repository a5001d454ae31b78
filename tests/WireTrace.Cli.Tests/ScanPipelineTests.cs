using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using WireTrace.Cli.Commands;
using WireTrace.Core.Analysis;
using WireTrace.Core.Stories;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Reports.Json;

namespace WireTrace.Cli.Tests;

/// <summary>
/// The streaming scan (piles above <see cref="StoryBuilder.ExhaustiveCandidatesUpTo"/> articles) against the in-memory
/// <see cref="StoryBuilder.Build"/>, and its independence from the thread count and the input order.
/// </summary>
public sealed class ScanPipelineTests : IDisposable
{
    private const int Articles = 520;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A generated pile just above the in-memory threshold, 20 % of it planted copies, excerpts and rewrites.</summary>
    private async Task<string> Pile()
    {
        var file = Path.Combine(_temp.Path, "pile.jsonl");
        var (exit, _, err) = await CliRunner.RunAsync("bench", "--docs", Articles.ToString(), "--seed", "5", "--rate", "0.2", "--write-corpus", file, "--quiet");
        Assert.True(exit == 0, err);
        Assert.Equal(Articles, File.ReadLines(file).Count());
        return file;
    }

    private async Task<string> Scan(string pile, int threads, string? html = null)
    {
        var json = Path.Combine(_temp.Path, Guid.NewGuid().ToString("N") + ".json");
        string[] report = html is null ? [] : ["--html", html];
        var (exit, _, err) = await CliRunner.RunAsync(["scan", pile, "--json", json, "--threads", threads.ToString(), "--quiet", .. report]);
        Assert.True(exit == 0, err);
        return File.ReadAllText(json);
    }

    [Fact]
    public async Task Streaming_scan_gives_the_stories_of_the_in_memory_story_builder()
    {
        var pile = await Pile();
        var streamed = await Scan(pile, threads: 2);

        var context = new AnalysisContext(new TextAnalyzer(EnglishStemmer.Default));
        var corpus = CorpusLoader.Load([pile], context, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }), showProgress: false, CancellationToken.None);
        var analyzer = context.CreateAnalyzer();
        var stories = new StoryBuilder(analyzer).Build(corpus.Documents);
        using var expected = new MemoryStream();
        ContractJsonWriter.WriteScan(expected, corpus.Documents, stories, corpus.Skipped, analyzer.Similarity.Name);

        Assert.True(stories.Stories.Count >= 50, $"only {stories.Stories.Count} stories");
        // The same JSON, written compact (no indentation) for a large pile.
        var compact = JsonNode.Parse(expected.ToArray())!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default });
        Assert.Equal(compact, streamed);
    }

    [Fact]
    public async Task Streaming_scan_does_not_depend_on_thread_count_or_input_order()
    {
        var pile = await Pile();
        var lines = File.ReadAllLines(pile);
        var random = new Random(11);
        random.Shuffle(lines);
        var shuffled = Path.Combine(_temp.Path, "shuffled.jsonl");
        File.WriteAllLines(shuffled, lines);

        var html = Path.Combine(_temp.Path, "report.html");
        var one = WithoutPaths(await Scan(pile, threads: 1, html));
        var two = WithoutPaths(await Scan(shuffled, threads: 2));
        int stories = one["stories"]!.AsArray().Count;
        Assert.True(stories >= 50);
        Assert.Equal(one.ToJsonString(), two.ToJsonString());

        // The HTML report of a large pile says which part of it it shows.
        var page = File.ReadAllText(html);
        Assert.Contains(stories > ScanCommand.HtmlStoryLimit
            ? $"this report shows the {ScanCommand.HtmlStoryLimit} largest of {stories:N0} stories among {Articles} articles"
            : $"{Articles} articles scanned", page);
    }

    [Fact]
    public async Task Components_told_whole_or_in_blocks_give_the_same_stories()
    {
        var pile = await Pile();
        var whole = await Scan(pile, threads: 2);

        // Blocks of 3 pairs: a component of more than 3 pairs is told on all threads, and one of more than 24 articles
        // (the pile's largest) is verified in blocks of 3 pairs and its derivations analysed again; blocks of 100 pairs
        // move the bounds to 100 pairs and 800 articles, so the largest is told whole on all threads. Every path must
        // give the stories of the default one, where every component is small enough for one thread.
        int large = 0, wholeOnAllThreads = 0;
        foreach (int block in (int[])[3, 100])
        {
            using var pipeline = new ScanPipeline(threads: 2, verifyBlock: block);
            var outcome = pipeline.Run([pile], ScanProgress.None, CancellationToken.None);
            large += pipeline.LargeComponents;
            wholeOnAllThreads += pipeline.WholeComponents;
            using var json = new MemoryStream();
            new StoryWriter(pipeline, outcome, CancellationToken.None).WriteJson(json, ScanProgress.None);
            Assert.Equal(whole, System.Text.Encoding.UTF8.GetString(json.ToArray()));
        }
        Assert.True(large > 0);
        Assert.True(wholeOnAllThreads > 0);
    }

    [Fact]
    public async Task Streaming_scan_reports_bad_lines_by_file_and_line_and_goes_on()
    {
        var pile = await Pile();
        var good = File.ReadAllLines(pile);
        var first = JsonNode.Parse(good[0])!["id"]!.GetValue<string>();
        File.AppendAllLines(pile,
        [
            "{\"id\": \"broken\", \"text\": ",                                  // malformed JSON
            "{\"text\": \"an article without an id <script>alert(1)</script>\"}",  // missing id
            $"{{\"id\": \"{first}\", \"text\": \"the same id again\"}}",           // duplicate id
        ]);
        var (exit, _, err) = await CliRunner.RunAsync(["scan", pile, "--json", Path.Combine(_temp.Path, "bad.json"), "--quiet"]);
        Assert.True(exit == 0, err);
        foreach (int line in new[] { Articles + 1, Articles + 2, Articles + 3 }) Assert.Contains($"pile.jsonl:{line}", err);
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(_temp.Path, "bad.json")))!;
        Assert.Equal(Articles, root["documents"]!.AsArray().Count);
        Assert.Equal(3, root["skipped"]!.AsArray().Count);
    }

    /// <summary>The scan JSON less each document's path (it holds the line number, which the shuffle changes).</summary>
    private static JsonNode WithoutPaths(string json)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var d in root["documents"]!.AsArray()) d!.AsObject().Remove("path");
        return root;
    }
}
