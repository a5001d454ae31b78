using System.Text.Json;

namespace WireTrace.Storage.Tests;

/// <summary><c>index add samples/demo</c>, <c>query</c>, <c>index stats/remove/expire</c>, against <c>scan</c> on the same corpus.</summary>
public sealed class IndexCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Stored_stories_equal_the_scan_of_the_same_corpus_and_query_finds_the_excerpt_source()
    {
        var db = _temp.File("demo.db");
        var (exit, output, error) = await Cli.RunAsync("index", "add", Cli.Sample("demo"), "--db", db);
        Assert.True(exit == 0, error);
        Assert.Contains("10 added", output);

        var scanJson = _temp.File("scan.json");
        Assert.Equal(0, (await Cli.RunAsync("scan", Cli.Sample("demo"), "--json", scanJson, "-q")).Exit);
        var scan = JsonDocument.Parse(File.ReadAllText(scanJson)).RootElement;
        var expected = new SortedDictionary<string, (string Story, string? Parent, string Relation)>(StringComparer.Ordinal);
        foreach (var story in scan.GetProperty("stories").EnumerateArray())
        {
            string source = story.GetProperty("source").GetString()!;
            expected[source] = (source, null, "source");
            foreach (var d in story.GetProperty("derivations").EnumerateArray())
            {
                expected[d.GetProperty("derived").GetString()!] = (source, d.GetProperty("from").GetString(), d.GetProperty("relation").GetString()!);
            }
        }
        Assert.NotEmpty(expected);

        using (var store = SqliteArticleStore.Open(db))
        {
            var stored = store.AllAssignments().ToDictionary(a => a.ArticleId, a => (a.StoryId, a.Parent, a.Relation), StringComparer.Ordinal);
            Assert.Equal(expected.Keys, stored.Keys.Order(StringComparer.Ordinal));
            foreach (var (id, want) in expected) Assert.Equal(want, stored[id]);
            Assert.Equal(10, store.Count());
            Assert.Empty(store.PendingIds());
        }

        var queryJson = _temp.File("query.json");
        (exit, output, error) = await Cli.RunAsync("query", Cli.Sample("demo", "excerpt.txt"), "--db", db, "--json", queryJson);
        Assert.True(exit == 0, error);
        Assert.Contains("excerpt: excerpt of afp-flood-source", output);
        var result = JsonDocument.Parse(File.ReadAllText(queryJson)).RootElement;
        var s = Assert.Single(result.GetProperty("stories").EnumerateArray());
        Assert.Equal("afp-flood-source", s.GetProperty("source").GetString());
        var derivation = s.GetProperty("derivations").EnumerateArray().Single(d => d.GetProperty("derived").GetString() == "excerpt");
        Assert.Equal("afp-flood-source", derivation.GetProperty("from").GetString());
        Assert.Equal("excerpt", derivation.GetProperty("relation").GetString());
        Assert.Contains(result.GetProperty("documents").EnumerateArray(), d => d.GetProperty("id").GetString() == "afp-flood-source");

        // Querying added nothing.
        using (var store = SqliteArticleStore.Open(db)) Assert.Equal(10, store.Count());
    }

    [Fact]
    public async Task A_renamed_copy_queried_against_the_index_finds_its_source_and_an_unrelated_text_finds_none()
    {
        var db = _temp.File("q.db");
        Assert.Equal(0, (await Cli.RunAsync("index", "add", Cli.Sample("demo"), "--db", db, "-q")).Exit);
        var copy = _temp.File("fresh-copy.txt");
        File.WriteAllText(copy, File.ReadAllText(Cli.Sample("demo", "afp-flood-source.txt")));
        var other = _temp.File("weather.txt");
        File.WriteAllText(other, "Sunshine is expected across the northern hills this weekend, with light winds and mild afternoons. Forecasters see no rain before Tuesday.");
        var (exit, output, error) = await Cli.RunAsync("query", copy, other, "--db", db);
        Assert.True(exit == 0, error);
        Assert.Contains("fresh-copy: duplicate of afp-flood-source", output);
        Assert.Contains("weather: no story in the index", output);
    }

    [Fact]
    public async Task Adding_again_is_idempotent_and_remove_expire_stats_work()
    {
        var db = _temp.File("r.db");
        Assert.Equal(0, (await Cli.RunAsync("index", "add", Cli.Sample("demo"), "--db", db, "-q")).Exit);
        List<StoryAssignment> before;
        using (var store = SqliteArticleStore.Open(db)) before = [.. store.AllAssignments()];

        var (exit, output, _) = await Cli.RunAsync("index", "add", Cli.Sample("demo"), "--db", db);
        Assert.Equal(0, exit);
        Assert.Contains("0 added, 0 updated, 10 unchanged; stories recomputed for 0 articles", output);
        using (var store = SqliteArticleStore.Open(db)) Assert.Equal(before, store.AllAssignments());

        (exit, output, _) = await Cli.RunAsync("index", "stats", "--db", db);
        Assert.Equal(0, exit);
        Assert.Matches(@"articles\s+10", output);
        Assert.Matches(@"stories\s+1", output);
        Assert.Contains("bytes/article", output);

        (exit, output, _) = await Cli.RunAsync("index", "remove", "excerpt", "--db", db);
        Assert.Equal(0, exit);
        using (var store = SqliteArticleStore.Open(db))
        {
            Assert.Null(store.Get("excerpt"));
            Assert.Empty(store.PendingIds());
            // The copy of the excerpt now hangs off the source itself.
            Assert.Equal("afp-flood-source", store.AssignmentOf("copy-of-excerpt")!.Parent);
        }

        (exit, _, _) = await Cli.RunAsync("index", "expire", "--before", "2024-01-06", "--db", db);
        Assert.Equal(0, exit);
        using (var store = SqliteArticleStore.Open(db))
        {
            Assert.All(store.GetMany(before.Select(b => b.ArticleId)), a => Assert.True(a.Published is null || a.Published >= new DateOnly(2024, 1, 6)));
            Assert.Equal("ok", store.IntegrityCheck());
        }
        Assert.Equal(2, (await Cli.RunAsync("index", "expire", "--before", "yesterday", "--db", db)).Exit);
    }
}

public sealed class IndexCommandInputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Index_add_without_readable_input_fails_and_creates_no_file()
    {
        var db = _temp.File("none.db");
        var (exit, _, error) = await Cli.RunAsync("index", "add", _temp.File("missing-folder"), "--db", db);
        Assert.Equal(2, exit);
        Assert.Contains("no readable input", error);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task Query_without_an_index_says_how_to_make_one()
    {
        var (exit, _, error) = await Cli.RunAsync("query", Cli.Sample("demo", "excerpt.txt"), "--db", _temp.File("absent.db"));
        Assert.Equal(2, exit);
        Assert.Contains("index add", error);
    }
}
