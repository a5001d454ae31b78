using Npgsql;
using WireTrace.Core.Documents;
using WireTrace.Tests;

namespace WireTrace.Storage.Tests;

/// <summary>
/// The store contract on a real PostgreSQL server (a fresh database per store name and test; see
/// <see cref="TestPostgres"/>), and what is PostgreSQL's own: schema versioning, opening by URI, a clear error for an
/// unreachable server, the story lock across store instances, concurrent writers.
/// </summary>
public sealed class PostgresArticleStoreTests : ArticleStoreContract
{
    private readonly Dictionary<string, TestDatabase> _databases = [];

    protected override IArticleStore Open(string name)
    {
        if (!_databases.TryGetValue(name, out var db)) _databases[name] = db = TestPostgres.CreateDatabase("store");
        return ArticleStores.Open(db.Uri);
    }

    protected override void AssertSound(IArticleStore store)
    {
        var db = _databases.Values.Single(d => store.Location.EndsWith("/" + d.Name, StringComparison.Ordinal));
        // Postings and term frequencies agree, and every posting belongs to a stored article.
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM terms t WHERE df <> (SELECT count(*) FROM postings p WHERE p.term_id = t.term_id)"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM postings p WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.seq = p.article_seq)"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM assignments s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.article_id)"));
    }

    public override void Dispose()
    {
        foreach (var db in _databases.Values) db.Dispose();
    }

    private static IndexedArticle Item(string id, string text)
        => new(Article.FromText(id, null, text), text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList());

    [PostgresFact]
    public void Opening_creates_a_versioned_schema_once_and_a_newer_schema_is_refused()
    {
        using (Open("s")) { }
        using (Open("s")) { } // a second open migrates nothing
        var db = _databases["s"];
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM schema_version"));
        Assert.Equal(PostgresSchema.CurrentVersion, db.Scalar("SELECT max(version) FROM schema_version"));
        db.Scalar("UPDATE schema_version SET version = 99 RETURNING version");
        var e = Assert.Throws<InvalidOperationException>(() => Open("s"));
        Assert.Contains("99", e.Message);
    }

    [PostgresFact]
    public void Several_processes_opening_a_new_database_at_once_migrate_it_once()
    {
        var db = TestPostgres.CreateDatabase("open");
        _databases["open"] = db;
        var stores = Enumerable.Range(0, 6).AsParallel().Select(_ => ArticleStores.Open(db.Uri)).ToList();
        foreach (var s in stores) s.Dispose();
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM schema_version"));
    }

    [PostgresFact]
    public void Uri_and_connection_string_open_the_same_database()
    {
        using (var a = Open("u")) a.Add([Item("one", "alpha beta")]);
        var b = new NpgsqlConnectionStringBuilder(PostgresAddress.ToConnectionString(_databases["u"].Uri));
        string keyValue = $"Host={b.Host};Port={b.Port};Username={b.Username};Database={b.Database}";
        Assert.True(ArticleStores.IsPostgres(keyValue));
        using var store = ArticleStores.Open(keyValue);
        Assert.Equal(1, store.Count());
        Assert.StartsWith("postgres://", store.Location);
    }

    [Fact]
    public void Db_values_select_the_store_and_uris_become_connection_strings()
    {
        Assert.True(ArticleStores.IsPostgres("postgres://u:p@h:5433/d"));
        Assert.True(ArticleStores.IsPostgres("postgresql://h/d"));
        Assert.True(ArticleStores.IsPostgres("Host=h;Database=d"));
        Assert.False(ArticleStores.IsPostgres("wiretrace.db"));
        Assert.False(ArticleStores.IsPostgres("/data/a=b/wiretrace.db"));
        var b = new NpgsqlConnectionStringBuilder(PostgresAddress.ToConnectionString("postgresql://ann:p%40ss@db.example:5433/news?sslmode=require"));
        Assert.Equal(("db.example", 5433, "news", "ann", "p@ss", SslMode.Require), (b.Host, b.Port, b.Database, b.Username, b.Password, b.SslMode));
        Assert.Equal(5432, new NpgsqlConnectionStringBuilder(PostgresAddress.ToConnectionString("postgres://h/d")).Port);
        Assert.Equal("postgres://ann:***@h/d", PostgresAddress.Redact("postgres://ann:secret@h/d"));
        Assert.DoesNotContain("secret", PostgresAddress.Redact("Host=h;Password=secret;Database=d"));
        var e = Assert.Throws<StoreUnavailableException>(() => ArticleStores.Open("postgres://h/d?colour=blue"));
        Assert.Contains("colour", e.Message);
    }

    [Fact]
    public void An_unreachable_server_is_a_one_line_error_naming_it()
    {
        // Port 1 on loopback: nothing listens there.
        var e = Assert.Throws<StoreUnavailableException>(() => ArticleStores.Open("postgres://nobody:secret@127.0.0.1:1/news"));
        Assert.Contains("postgres://nobody@127.0.0.1:1/news", e.Message);
        Assert.DoesNotContain("secret", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [PostgresFact]
    public void A_missing_database_is_a_clear_error()
    {
        var server = new UriBuilder(TestPostgres.Server!) { Path = "/wt_no_such_database" }.Uri.ToString();
        var e = Assert.Throws<StoreUnavailableException>(() => ArticleStores.Open(server));
        Assert.Contains("wt_no_such_database", e.Message);
        Assert.Contains("does not exist", e.Message);
    }

    [PostgresFact]
    public async Task A_write_that_marks_articles_pending_waits_while_another_process_holds_the_story_lock()
    {
        using var a = Open("lock");
        using var b = Open("lock"); // a second store instance: its own connections, as another process
        a.Add([Item("x", "alpha beta")]);
        Task<AddOutcome> add;
        using (a.LockStories())
        {
            add = Task.Run(() => b.Add([Item("y", "gamma delta")]));
            // The add is blocked on the advisory lock (seen by the server), not merely slow.
            var db = _databases["lock"];
            for (int i = 0; i < 600 && db.Scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == 0; i++) await Task.Delay(50);
            Assert.Equal(1, db.Scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"));
            Assert.False(add.IsCompleted);
            Assert.Equal(1, a.Count());
        }
        Assert.Equal(new AddOutcome(1, 0, 0), await add);
        Assert.Equal(2, b.Count());
    }

    [PostgresFact]
    public async Task Concurrent_writers_on_overlapping_terms_keep_postings_and_frequencies_consistent()
    {
        using var first = Open("c");
        var words = Enumerable.Range(0, 60).Select(i => $"w{i}").ToArray();
        var stores = Enumerable.Range(0, 4).Select(_ => Open("c")).ToList();
        try
        {
            // Each writer adds, replaces and removes articles whose terms overlap with everyone else's.
            await Task.WhenAll(stores.Select((s, w) => Task.Run(() =>
            {
                for (int round = 0; round < 15; round++)
                {
                    var batch = Enumerable.Range(0, 5).Select(k => Item($"a{w}-{round}-{k}", string.Join(' ', words.Skip((w * 7 + round * 3 + k) % 40).Take(20)))).ToList();
                    s.Add(batch);
                    s.Add([Item(batch[0].Article.Id, "replaced " + string.Join(' ', words.Take(10 + round)))]);
                    s.Remove([batch[1].Article.Id]);
                }
            })));
        }
        finally
        {
            foreach (var s in stores) s.Dispose();
        }
        Assert.Equal(4 * 15 * 4, first.Count());
        AssertSound(first);
        var db = _databases["c"];
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM terms WHERE df <= 0"));
        Assert.Equal(4 * 15 * 4, db.Scalar("SELECT count(DISTINCT article_seq) FROM postings"));
    }
}
