using WireTrace.Core.Documents;

namespace WireTrace.Storage.Tests;

/// <summary>
/// The contract of <see cref="IArticleStore"/>, run against every implementation (a derived class per store):
/// round trip and reopening, idempotent add, candidates, remove/expire with postings and story peers,
/// assignments and pending marks, the change version.
/// </summary>
public abstract class ArticleStoreContract : IDisposable
{
    /// <summary>Opens (creating on first use) the store called <paramref name="name"/> in this test; the same name reopens it.</summary>
    protected abstract IArticleStore Open(string name);

    /// <summary>Implementation-specific soundness check of a store (e.g. SQLite's integrity check).</summary>
    protected virtual void AssertSound(IArticleStore store)
    {
    }

    public abstract void Dispose();

    private static IndexedArticle Item(string id, string text, DateOnly? published = null, string? outlet = null)
    {
        var a = Article.FromText(id, $"/in/{id}.txt", text, outlet: outlet, published: published, url: $"https://example.org/{id}");
        return new IndexedArticle(a, text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',').ToLowerInvariant()).Distinct().ToList());
    }

    private const string Flood = "The dam above Kellmoor burst on Friday night. Twelve people died and 3,400 were evacuated from Old Harbour, officials said.";

    [Fact]
    public void Add_get_round_trip_keeps_every_field_and_survives_reopening()
    {
        const string path = "a";
        var item = Item("flood", "KELLMOOR, Jan 5 (AFP) - " + Flood, new DateOnly(2024, 1, 6), "Wire");
        using (var store = Open(path))
        {
            Assert.Equal(new AddOutcome(1, 0, 0), store.Add([item]));
        }
        using var reopened = Open(path);
        var back = reopened.Get("flood");
        Assert.NotNull(back);
        Assert.Equal(item.Article, back);
        Assert.Equal("AFP", back!.Agency);
        Assert.Equal(1, reopened.Count());
        Assert.Equal(["flood"], reopened.PendingIds());
        Assert.Null(reopened.Get("missing"));
        AssertSound(reopened);
    }

    [Fact]
    public void Adding_the_same_id_twice_skips_identical_content_and_replaces_changed_content()
    {
        using var store = Open("i");
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
        using var store = Open("c");
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
        const string path = "r";
        using (var store = Open(path))
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
        using var reopened = Open(path);
        Assert.Equal(["copy", "undated"], reopened.GetMany(["undated", "copy", "new", "old"]).Select(a => a.Id));
        var stats = reopened.Stats();
        Assert.Equal(2, stats.Articles);
        Assert.True(stats.BytesOnDisk > 0);
        AssertSound(reopened);
        // Terms no article holds any more are gone.
        Assert.Empty(reopened.FindCandidates(["delta"], 1, 10));
    }

    [Fact]
    public void Replacing_assignments_clears_pending_and_ignores_removed_articles()
    {
        using var store = Open("p");
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

    [Fact]
    public void The_change_version_grows_with_every_write_and_not_with_reads()
    {
        using var store = Open("v");
        long v0 = store.ChangeVersion();
        store.Add([Item("a", "one two three")]);
        long v1 = store.ChangeVersion();
        Assert.True(v1 > v0);
        _ = store.Get("a");
        _ = store.FindCandidates(["one"], 1, 10);
        _ = store.Stats();
        Assert.Equal(v1, store.ChangeVersion());
        Assert.Equal(new AddOutcome(0, 0, 1), store.Add([Item("a", "one two three")])); // nothing changed
        Assert.Equal(v1, store.ChangeVersion());
        store.ReplaceAssignments(["a"], [new StoryAssignment("a", "a", "a", null, "source", 1)]);
        long v2 = store.ChangeVersion();
        Assert.True(v2 > v1);
        Assert.Equal(0, store.Remove(["missing"]));
        Assert.Equal(v2, store.ChangeVersion());
        Assert.Equal(1, store.Remove(["a"]));
        Assert.True(store.ChangeVersion() > v2);
    }

    [Fact]
    public void Duplicate_ids_in_one_batch_keep_the_last_content()
    {
        using var store = Open("d");
        var outcome = store.Add([Item("x", "first text here"), Item("x", "second text here"), Item("y", "other words")]);
        Assert.Equal(new AddOutcome(2, 1, 0), outcome);
        Assert.Equal(2, store.Count());
        Assert.Contains("second", store.Get("x")!.Text);
        Assert.Empty(store.FindCandidates(["first"], 1, 10));
        Assert.Equal([new StoredCandidate("x", 1)], store.FindCandidates(["second"], 1, 10));
    }
}
