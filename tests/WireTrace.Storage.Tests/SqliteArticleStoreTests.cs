using Microsoft.Data.Sqlite;
using WireTrace.Core.Documents;

namespace WireTrace.Storage.Tests;

public sealed class SqliteArticleStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static IndexedArticle Item(string id, string text, DateOnly? published = null, string? outlet = null)
    {
        var a = Article.FromText(id, $"/in/{id}.txt", text, outlet: outlet, published: published, url: $"https://example.org/{id}");
        return new IndexedArticle(a, text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',').ToLowerInvariant()).Distinct().ToList());
    }

    private const string Flood = "The dam above Kellmoor burst on Friday night. Twelve people died and 3,400 were evacuated from Old Harbour, officials said.";

    [Fact]
    public void Add_get_round_trip_keeps_every_field_and_survives_reopening()
    {
        var path = _temp.File("a.db");
        var item = Item("flood", "KELLMOOR, Jan 5 (AFP) - " + Flood, new DateOnly(2024, 1, 6), "Wire");
        using (var store = SqliteArticleStore.Open(path))
        {
            Assert.Equal(new AddOutcome(1, 0, 0), store.Add([item]));
        }
        using var reopened = SqliteArticleStore.Open(path);
        var back = reopened.Get("flood");
        Assert.NotNull(back);
        Assert.Equal(item.Article, back);
        Assert.Equal("AFP", back!.Agency);
        Assert.Equal(1, reopened.Count());
        Assert.Equal(["flood"], reopened.PendingIds());
        Assert.Null(reopened.Get("missing"));
        Assert.Equal("ok", reopened.IntegrityCheck());
    }

    [Fact]
    public void Opening_creates_a_versioned_schema_in_wal_mode()
    {
        var path = _temp.File("v.db");
        using (SqliteArticleStore.Open(path)) { }
        using (SqliteArticleStore.Open(path)) { } // a second open migrates nothing
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*), MAX(version) FROM schema_version";
        using (var r = cmd.ExecuteReader())
        {
            Assert.True(r.Read());
            Assert.Equal(1, r.GetInt64(0));
            Assert.Equal(SqliteSchema.CurrentVersion, r.GetInt64(1));
        }
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)cmd.ExecuteScalar()!);
    }

    [Fact]
    public void A_newer_schema_is_refused()
    {
        var path = _temp.File("new.db");
        using (SqliteArticleStore.Open(path)) { }
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE schema_version SET version = 99";
            cmd.ExecuteNonQuery();
        }
        var e = Assert.Throws<InvalidOperationException>(() => SqliteArticleStore.Open(path));
        Assert.Contains("99", e.Message);
    }

    [Fact]
    public void Adding_the_same_id_twice_skips_identical_content_and_replaces_changed_content()
    {
        using var store = SqliteArticleStore.Open(_temp.File("i.db"));
        var first = Item("flood", Flood);
        Assert.Equal(new AddOutcome(1, 0, 0), store.Add([first]));
        store.ReplaceAssignments(["flood"], [new StoryAssignment("flood", "flood", "flood", null, "source", 1)]);
        Assert.Empty(store.PendingIds());

        // Same content read from another path: skipped, still not pending.
        Assert.Equal(new AddOutcome(0, 0, 1), store.Add([first with { Article = first.Article with { Path = "/elsewhere.txt" } }]));
        Assert.Empty(store.PendingIds());
        Assert.Equal(1, store.Count());

        var changed = Item("flood", Flood.Replace("Twelve", "Thirteen"));
        Assert.Equal(new AddOutcome(0, 1, 0), store.Add([changed]));
        Assert.Equal(1, store.Count());
        Assert.Contains("Thirteen", store.Get("flood")!.Text);
        Assert.Equal(["flood"], store.PendingIds());
        Assert.Null(store.AssignmentOf("flood"));
        // Postings follow the new text: "thirteen" finds it, "twelve" no longer does.
        Assert.Single(store.FindCandidates(["thirteen"], 1, 10));
        Assert.Empty(store.FindCandidates(["twelve"], 1, 10));
    }

    [Fact]
    public void Candidates_count_shared_terms_and_ignore_common_ones()
    {
        using var store = SqliteArticleStore.Open(_temp.File("c.db"));
        store.Add([Item("a", "alpha beta gamma delta common"), Item("b", "alpha beta gamma common"), Item("c", "alpha zeta common")]);
        var found = store.FindCandidates(["alpha", "beta", "gamma", "delta"], 3, 10);
        Assert.Equal([new StoredCandidate("a", 4), new StoredCandidate("b", 3)], found);
        // "alpha" is in 3 articles: with a document-frequency limit of 2 it no longer counts.
        Assert.Equal([new StoredCandidate("a", 3)], store.FindCandidates(["alpha", "beta", "gamma", "delta"], 3, 2));
        Assert.Empty(store.FindCandidates(["common"], 1, 2));
    }

    [Fact]
    public void Remove_and_expire_drop_articles_postings_and_assignments_and_reopen_their_stories()
    {
        var path = _temp.File("r.db");
        using (var store = SqliteArticleStore.Open(path))
        {
            store.Add([
                Item("old", "alpha beta gamma", new DateOnly(2023, 5, 1)),
                Item("copy", "alpha beta gamma copy", new DateOnly(2024, 1, 2)),
                Item("new", "alpha delta", new DateOnly(2024, 2, 1)),
                Item("undated", "alpha epsilon"),
            ]);
            store.ReplaceAssignments(["old", "copy", "new", "undated"], [
                new StoryAssignment("old", "old", "old", null, "source", 1),
                new StoryAssignment("copy", "old", "old", "old", "near-duplicate", 0.9),
            ]);
            Assert.Equal(2, store.Story("old").Count);
            Assert.Equal(["copy", "new", "old"], store.WithStoryPeers(["copy", "new"]).Order(StringComparer.Ordinal));

            Assert.Equal(1, store.ExpireBefore(new DateOnly(2024, 1, 1)));
            Assert.Null(store.Get("old"));
            Assert.Null(store.AssignmentOf("old"));
            Assert.Equal(["copy"], store.PendingIds()); // its story lost a member
            Assert.Equal([new StoredCandidate("copy", 3)], store.FindCandidates(["alpha", "beta", "gamma"], 2, 10));

            Assert.Equal(1, store.Remove(["new", "missing"]));
        }
        using var reopened = SqliteArticleStore.Open(path);
        Assert.Equal(["copy", "undated"], reopened.GetMany(["undated", "copy", "new", "old"]).Select(a => a.Id));
        var stats = reopened.Stats();
        Assert.Equal(2, stats.Articles);
        Assert.True(stats.BytesOnDisk > 0);
        Assert.Equal("ok", reopened.IntegrityCheck());
        // Terms no article holds any more are gone.
        Assert.Empty(reopened.FindCandidates(["delta"], 1, 10));
    }

    [Fact]
    public void Replacing_assignments_clears_pending_and_ignores_removed_articles()
    {
        using var store = SqliteArticleStore.Open(_temp.File("p.db"));
        store.Add([Item("a", "one two"), Item("b", "one three")]);
        store.ReplaceAssignments(["a", "b", "gone"], [
            new StoryAssignment("a", "a", "a", null, "source", 1),
            new StoryAssignment("b", "a", "a", "a", "excerpt", 0.8),
            new StoryAssignment("gone", "a", "a", "a", "excerpt", 0.8),
        ]);
        Assert.Empty(store.PendingIds());
        Assert.Equal(["a", "b"], store.Story("a").Select(s => s.ArticleId));
        Assert.Equal("excerpt", store.AssignmentOf("b")!.Relation);
        Assert.Null(store.AssignmentOf("gone"));
        Assert.Empty(store.Story("b"));
    }
}
