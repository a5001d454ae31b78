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

    private async Task<string> Scan(string pile, int threads)
    {
        var json = Path.Combine(_temp.Path, Guid.NewGuid().ToString("N") + ".json");
        var (exit, _, err) = await CliRunner.RunAsync("scan", pile, "--json", json, "--threads", threads.ToString(), "--quiet");
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
        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected.ToArray()), streamed);
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

        var one = WithoutPaths(await Scan(pile, threads: 1));
        var two = WithoutPaths(await Scan(shuffled, threads: 2));
        Assert.True(one["stories"]!.AsArray().Count >= 50);
        Assert.Equal(one.ToJsonString(), two.ToJsonString());
    }

    /// <summary>The scan JSON less each document's path (it holds the line number, which the shuffle changes).</summary>
    private static JsonNode WithoutPaths(string json)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var d in root["documents"]!.AsArray()) d!.AsObject().Remove("path");
        return root;
    }
}
