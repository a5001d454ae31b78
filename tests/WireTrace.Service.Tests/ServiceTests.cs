using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WireTrace.Service.Tests;

/// <summary>The service over a SQLite file.</summary>
public sealed class ServiceTests : ServiceContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wiretrace-service-sqlite-").FullName;

    protected override string Database => Path.Combine(_folder, "service.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The service over a PostgreSQL database of its own (see <see cref="WireTrace.Tests.TestPostgres"/>).</summary>
public sealed class PostgresServiceTests : ServiceContract, IDisposable
{
    private readonly WireTrace.Tests.TestDatabase _db = WireTrace.Tests.TestPostgres.CreateDatabase("service");

    protected override string Database => _db.Uri;

    public void Dispose() => _db.Dispose();
}

/// <summary>What the service does, whichever store it runs on.</summary>
public abstract class ServiceContract : IAsyncLifetime
{
    private ServiceHost _host = null!;

    private HttpClient Client => _host.Client;

    /// <summary>The <c>--db</c> value.</summary>
    protected abstract string Database { get; }

    public async Task InitializeAsync() => _host = await ServiceHost.StartAsync(database: Database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_story_read_again_is_served_from_the_cache_until_the_store_changes_even_from_another_process()
    {
        await PostDemo();
        var first = await (await Client.GetAsync("/stories/afp-flood-source")).Content.ReadAsStringAsync();
        var again = await (await Client.GetAsync("/stories/afp-flood-source")).Content.ReadAsStringAsync();
        Assert.Equal(first, again);
        Assert.DoesNotContain("\"late-copy\"", first);

        // A write through another store instance on the same database (as another process would) invalidates it.
        using (var other = WireTrace.Storage.ArticleStores.Open(Database))
        {
            var indexer = new WireTrace.Storage.StoryIndexer(other);
            indexer.Add([WireTrace.Core.Documents.Article.FromText("late-copy", null, "Copycat News - " + Demo.Text("afp-flood-source"))]);
            indexer.RecomputePending();
        }
        var story = await (await Client.GetAsync("/stories/afp-flood-source")).ReadJson();
        var members = story.GetProperty("stories")[0].GetProperty("members").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("late-copy", members);
        string report = await (await Client.GetAsync("/stories/afp-flood-source/report")).Content.ReadAsStringAsync();
        Assert.Contains("late-copy", report);
    }

    private async Task<JsonElement> PostDemo()
    {
        var response = await Client.PostAsync("/articles", ServiceHost.Json(Demo.Articles()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJson();
    }

    [Fact]
    public async Task Posted_articles_form_the_demo_story_which_can_be_read_as_json_and_as_a_report()
    {
        var added = await PostDemo();
        Assert.Equal(8, added.GetProperty("added").GetInt32());
        var excerpt = added.GetProperty("articles").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "excerpt");
        Assert.Equal("afp-flood-source", excerpt.GetProperty("story").GetString());
        Assert.Equal("afp-flood-source", excerpt.GetProperty("parent").GetString());
        Assert.Equal("excerpt", excerpt.GetProperty("relation").GetString());

        var story = await (await Client.GetAsync("/stories/afp-flood-source")).ReadJson();
        var s = Assert.Single(story.GetProperty("stories").EnumerateArray());
        Assert.Equal("afp-flood-source", s.GetProperty("source").GetString());
        var relations = s.GetProperty("derivations").EnumerateArray()
            .ToDictionary(d => d.GetProperty("derived").GetString()!, d => (d.GetProperty("from").GetString(), d.GetProperty("relation").GetString()));
        Assert.Equal(("afp-flood-source", "excerpt"), relations["excerpt"]);
        Assert.Equal(("excerpt", "near-duplicate"), relations["copy-of-excerpt"]);
        Assert.Equal(("afp-flood-source", "paraphrase"), relations["paraphrase-llm"]);
        Assert.Contains(story.GetProperty("documents").EnumerateArray(), d => d.GetProperty("id").GetString() == "excerpt" && d.GetProperty("sentences").GetArrayLength() > 0);

        var report = await Client.GetAsync("/stories/afp-flood-source/report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("text/html", report.Content.Headers.ContentType!.MediaType);
        string html = await report.Content.ReadAsStringAsync();
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("afp-flood-source", html);
        Assert.Contains("copy-of-excerpt", html);

        var health = await (await Client.GetAsync("/health")).ReadJson();
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(8, health.GetProperty("articles").GetInt64());
        Assert.Equal(0, health.GetProperty("pending").GetInt64());
    }

    [Fact]
    public async Task Match_finds_the_source_without_adding_the_article()
    {
        await PostDemo();
        var query = new JsonObject { ["id"] = "reposted", ["text"] = Demo.Text("excerpt"), ["outlet"] = "Somewhere", ["published"] = "2024-01-07" };
        var response = await Client.PostAsync("/match", ServiceHost.Json(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadJson();
        var story = Assert.Single(result.GetProperty("stories").EnumerateArray());
        Assert.Equal("afp-flood-source", story.GetProperty("source").GetString());
        var d = story.GetProperty("derivations").EnumerateArray().Single(x => x.GetProperty("derived").GetString() == "reposted");
        Assert.Contains(d.GetProperty("relation").GetString(), new[] { "duplicate", "near-duplicate", "excerpt" });
        Assert.Empty(result.GetProperty("unrelated").EnumerateArray());

        var unrelated = await (await Client.PostAsync("/match", ServiceHost.Json(new JsonArray(new JsonObject
        {
            ["id"] = "weather",
            ["text"] = "Sunshine is expected across the northern hills this weekend, with light winds. Forecasters see no rain before Tuesday.",
        })))).ReadJson();
        Assert.Empty(unrelated.GetProperty("stories").EnumerateArray());
        Assert.Equal("weather", Assert.Single(unrelated.GetProperty("unrelated").EnumerateArray()).GetString());

        var health = await (await Client.GetAsync("/health")).ReadJson();
        Assert.Equal(8, health.GetProperty("articles").GetInt64());
    }

    public static TheoryData<string, string, string, int, string> BadRequests => new()
    {
        { "/articles", "{\"id\": \"a\", \"text\": ", "application/json", 400, "malformed JSON" },
        { "/match", "not json at all", "application/json", 400, "malformed JSON" },
        { "/articles", "{\"id\": \"a\"}", "application/json", 400, "missing field" },
        { "/articles", "{\"text\": \"some words\"}", "application/json", 400, "missing field" },
        { "/articles", "[{\"id\": \"a\", \"text\": \"x y\"}, 3]", "application/json", 400, "wrong body" },
        { "/articles", "{\"id\": 5, \"text\": \"x y\"}", "application/json", 400, "invalid field" },
        { "/articles", "{\"id\": \"a\", \"text\": \"x y\", \"published\": \"last week\"}", "application/json", 400, "invalid field" },
        { "/articles", "[]", "application/json", 400, "no articles" },
        { "/articles", "[{\"id\": \"a\", \"text\": \"x\"}, {\"id\": \"a\", \"text\": \"y\"}]", "application/json", 400, "repeated id" },
        { "/articles", "\"just a string\"", "application/json", 400, "wrong body" },
        { "/articles", "{\"id\": \"a\", \"text\": \"x y\"}", "text/plain", 415, "unsupported media type" },
        { "/match", "id=a&text=b", "application/x-www-form-urlencoded", 415, "unsupported media type" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_requests_get_a_4xx_with_a_json_error(string path, string body, string mediaType, int status, string error)
    {
        var response = await Client.PostAsync(path, ServiceHost.Raw(body, mediaType));
        Assert.Equal(status, (int)response.StatusCode);
        var json = await response.ReadJson();
        Assert.Equal(error, json.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_declared_or_streamed()
    {
        var big = new JsonObject { ["id"] = "big", ["text"] = new string('x', 2 * 1024 * 1024) };
        var response = await Client.PostAsync("/articles", ServiceHost.Json(big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request too large", (await response.ReadJson()).GetProperty("error").GetString());

        // Chunked (no Content-Length): the limit holds while reading.
        var streamed = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(big.ToJsonString())));
        streamed.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/match") { Content = streamed };
        request.Headers.TransferEncodingChunked = true;
        response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request too large", (await response.ReadJson()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Unknown_stories_and_endpoints_get_404_with_a_json_error()
    {
        foreach (var path in new[] { "/stories/nope", "/stories/nope/report", "/nowhere" })
        {
            var response = await Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var json = await response.ReadJson();
            Assert.Contains(json.GetProperty("error").GetString(), new[] { "unknown story", "not found" });
        }
    }

    [Fact]
    public async Task Concurrent_reads_matches_and_writes_all_succeed()
    {
        await PostDemo();
        var match = new JsonObject { ["id"] = "q", ["text"] = Demo.Text("excerpt") }.ToJsonString();
        string copy = Demo.Text("afp-flood-source");
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        int next = 0;
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= 200)
            {
                HttpResponseMessage r = (i % 4) switch
                {
                    0 => await Client.GetAsync("/stories/afp-flood-source"),
                    1 => await Client.PostAsync("/match", ServiceHost.Raw(match)),
                    2 => await Client.PostAsync("/articles", ServiceHost.Json(new JsonObject { ["id"] = $"copy-{i}", ["text"] = i % 20 == 2 ? copy : Synthetic.Text(i) })),
                    _ => await Client.GetAsync("/health"),
                };
                if (!r.IsSuccessStatusCode) failures.Add($"{i}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            }
        })).ToArray();
        await Task.WhenAll(workers);
        Assert.Empty(failures);
        var health = await (await Client.GetAsync("/health")).ReadJson();
        Assert.Equal(8 + 50, health.GetProperty("articles").GetInt64());
        var story = await (await Client.GetAsync("/stories/afp-flood-source")).ReadJson();
        var members = story.GetProperty("stories")[0].GetProperty("members").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Equal(7 + 10, members.Count); // the seven posted demo members (not unrelated-budget), the ten copies, none of the synthetic texts
        Assert.Equal(0, health.GetProperty("pending").GetInt64());
        var copy22 = await (await Client.PostAsync("/articles", ServiceHost.Json(new JsonObject { ["id"] = "copy-22", ["text"] = copy }))).ReadJson();
        Assert.Equal(1, copy22.GetProperty("unchanged").GetInt32());
        Assert.Equal("afp-flood-source", copy22.GetProperty("articles")[0].GetProperty("story").GetString());
    }
}
