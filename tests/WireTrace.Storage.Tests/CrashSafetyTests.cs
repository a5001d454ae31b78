using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace WireTrace.Storage.Tests;

/// <summary>
/// <c>wiretrace index add</c> killed with SIGKILL while storing a corpus of a few thousand articles: the file
/// stays sound, holds whole batches only, and a second run ends in the same state as an uninterrupted run.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int BatchSize = 20;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_killed_index_add_leaves_whole_batches_and_a_second_run_finishes_the_job()
    {
        var corpus = _temp.File("reuters.jsonl");
        int total = ReutersCorpus.Write(corpus, originals: 1000);
        var inputIds = File.ReadLines(corpus).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToList();
        Assert.Equal(total, inputIds.Count);

        // Reference: one uninterrupted run.
        var reference = _temp.File("reference.db");
        var (exit, _, error) = await Cli.RunAsync("index", "add", corpus, "--db", reference, "--batch-size", $"{BatchSize}", "-q");
        Assert.True(exit == 0, error);

        // Interrupted run: a child process killed once some batches are stored.
        var crashed = _temp.File("crashed.db");
        List<string> seen = [];
        using (var child = Cli.Start("index", "add", corpus, "--db", crashed, "--batch-size", $"{BatchSize}", "-q"))
        {
            // A dedicated thread polls (the thread pool may be starved by the child's analysis on a small machine).
            var poller = new Thread(() =>
            {
                var clock = Stopwatch.StartNew();
                while (!child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120))
                {
                    if (StoredCount(crashed, seen) >= 3 * BatchSize)
                    {
                        child.Kill(); // SIGKILL on Linux
                        return;
                    }
                    Thread.Sleep(2);
                }
            }) { Priority = ThreadPriority.Highest };
            poller.Start();
            poller.Join();
            await child.WaitForExitAsync();
            Assert.True(child.ExitCode != 0, "the child finished before it could be killed");
        }

        long stored;
        string polls = string.Join(" ", seen.Distinct().TakeLast(5));
        using (var store = SqliteArticleStore.Open(crashed))
        {
            Assert.Equal("ok", store.IntegrityCheck());
            stored = store.Count();
            Assert.True(stored >= 3 * BatchSize && stored < total, $"killed after {stored} of {total} articles (polls saw {polls})");
            Assert.Equal(0, stored % BatchSize); // whole batches only
            var ids = store.GetMany(inputIds).Select(a => a.Id).ToHashSet();
            Assert.Equal(inputIds.Take((int)stored).ToHashSet(), ids); // the first batches, in order
            Assert.Equal(0, Scalar(crashed, "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM postings p WHERE p.article_seq = a.seq)"));
            Assert.Equal(0, Scalar(crashed, "SELECT COUNT(*) FROM terms t WHERE df <> (SELECT COUNT(*) FROM postings p WHERE p.term_id = t.term_id)"));
            Assert.Equal(stored, store.PendingIds().Count); // the stories were never computed
        }

        (exit, _, error) = await Cli.RunAsync("index", "add", corpus, "--db", crashed, "--batch-size", $"{BatchSize}", "-q");
        Assert.True(exit == 0, error);

        using var a = SqliteArticleStore.Open(reference);
        using var b = SqliteArticleStore.Open(crashed);
        Assert.Equal("ok", b.IntegrityCheck());
        Assert.Equal(total, b.Count());
        Assert.Empty(b.PendingIds());
        Assert.Equal(a.GetMany(inputIds), b.GetMany(inputIds));
        var expected = a.AllAssignments();
        Assert.True(expected.Count(x => x.Parent != null) >= 100, $"only {expected.Count} assignments: the corpus should hold stories");
        Assert.Equal(expected, b.AllAssignments());
        Assert.Equal(Scalar(reference, "SELECT COUNT(*) FROM postings"), Scalar(crashed, "SELECT COUNT(*) FROM postings"));
    }

    private static long StoredCount(string path, List<string> seen)
    {
        if (!File.Exists(path)) return 0;
        try
        {
            var n = Scalar(path, "SELECT COUNT(*) FROM articles");
            seen.Add(n.ToString());
            return n;
        }
        catch (SqliteException e)
        {
            seen.Add(e.Message);
            return 0; // not created yet
        }
    }

    /// <summary>A read on a plain connection (read-write mode: a read-only one may not see the write-ahead log).</summary>
    private static long Scalar(string path, string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadWrite;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }
}
