using System.Collections.Concurrent;
using System.Diagnostics;
using WireTrace.Core.Documents;
using WireTrace.Tests;

namespace WireTrace.Storage.Tests;

/// <summary>
/// A Reuters corpus (with excerpt copies, so there are stories) indexed once by a single <c>index add</c> process
/// into PostgreSQL: the reference the worker tests compare against.
/// </summary>
public sealed class WorkerCorpus : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Lazy<(TestDatabase Db, IReadOnlyList<StoryAssignment> Assignments)> _reference;

    public WorkerCorpus()
    {
        Path = _temp.File("reuters.jsonl");
        Total = ReutersCorpus.Write(Path, originals: 150);
        _reference = new(() =>
        {
            var db = TestPostgres.CreateDatabase("reference");
            var (exit, _, error) = Cli.RunAsync("index", "add", Path, "--db", db.Uri, "-q").GetAwaiter().GetResult();
            Assert.True(exit == 0, error);
            using var store = ArticleStores.Open(db.Uri);
            return (db, store.AllAssignments());
        });
    }

    public string Path { get; }

    public int Total { get; }

    /// <summary>The assignments of one uninterrupted <c>index add</c> of the corpus (no workers).</summary>
    public IReadOnlyList<StoryAssignment> Reference => _reference.Value.Assignments;

    public void Dispose()
    {
        if (_reference.IsValueCreated) _reference.Value.Db.Dispose();
        _temp.Dispose();
    }
}

/// <summary>
/// <c>wiretrace worker</c> processes on a real PostgreSQL server: several workers give the assignments of one
/// process; a worker killed with SIGKILL in the middle of a batch leaves its claim, which is taken again after
/// the lease, with no article lost or prepared twice (<c>prepare_count</c> counts each preparation committed).
/// </summary>
public sealed class WorkerTests(WorkerCorpus corpus) : IClassFixture<WorkerCorpus>, IDisposable
{
    private readonly List<TestDatabase> _databases = [];
    private readonly List<Process> _children = [];

    public void Dispose()
    {
        foreach (var child in _children)
        {
            if (!child.HasExited) child.Kill();
            child.Dispose();
        }
        foreach (var db in _databases) db.Dispose();
    }

    private TestDatabase NewDatabase(string label)
    {
        var db = TestPostgres.CreateDatabase(label);
        _databases.Add(db);
        return db;
    }

    /// <summary>A worker child process whose output lines are collected (so its pipe never fills).</summary>
    private (Process Process, ConcurrentQueue<string> Lines) StartWorker(TestDatabase db, string name, params string[] extra)
        => StartWorker(db, name, null, extra);

    private (Process Process, ConcurrentQueue<string> Lines) StartWorker(TestDatabase db, string name, IReadOnlyDictionary<string, string>? environment, params string[] extra)
    {
        var child = Cli.Start(["worker", "--db", db.Uri, "--name", name, .. extra], environment);
        _children.Add(child);
        var lines = new ConcurrentQueue<string>();
        child.OutputDataReceived += (_, e) => { if (e.Data != null) lines.Enqueue(e.Data); };
        child.ErrorDataReceived += (_, e) => { if (e.Data != null) lines.Enqueue("stderr: " + e.Data); };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        return (child, lines);
    }

    private static async Task WaitFor(Func<bool> condition, string what, int seconds = 180)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(seconds), $"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }

    [PostgresFact]
    public async Task Three_concurrent_workers_give_the_same_assignments_as_one_process()
    {
        var db = NewDatabase("workers");
        using (ArticleStores.Open(db.Uri)) { } // schema
        // Workers first, waiting on an empty queue; then the whole corpus arrives in one transaction.
        var workers = Enumerable.Range(1, 3).Select(i => StartWorker(db, $"w{i}", "--batch", "8", "--poll", "0.1")).ToList();
        await WaitFor(() => workers.All(w => w.Lines.Any(l => l.StartsWith("worker w", StringComparison.Ordinal))), "the workers to start");
        var (exit, _, error) = await Cli.RunAsync("index", "add", corpus.Path, "--db", db.Uri, "--enqueue", "--batch-size", "100000", "-q");
        Assert.True(exit == 0, error);

        using var store = ArticleStores.Open(db.Uri);
        var queue = (IArticleQueue)store;
        await WaitFor(() => queue.QueueState() is { Drained: true, Pending: 0 }, "the workers to prepare everything and recompute the stories");
        Assert.All(workers, w => Assert.False(w.Process.HasExited, string.Join("\n", w.Lines)));

        Assert.Equal(corpus.Total, store.Count());
        Assert.Equal(corpus.Reference, store.AllAssignments());
        Assert.True(corpus.Reference.Count(a => a.Parent != null) >= 10, "the corpus should hold stories");
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM articles WHERE prepare_count <> 1 OR NOT prepared"));
        // The preparation was shared out.
        Assert.True(db.Scalar("SELECT count(DISTINCT prepared_by) FROM articles") >= 2, "only one worker prepared articles");
    }

    [PostgresFact]
    public async Task A_worker_killed_mid_batch_leaves_its_claim_which_another_takes_after_the_lease()
    {
        var db = NewDatabase("kill");
        var (exit, _, error) = await Cli.RunAsync("index", "add", corpus.Path, "--db", db.Uri, "--enqueue", "-q");
        Assert.True(exit == 0, error);

        // A worker killed (SIGKILL) while it holds a claimed batch, after it handed back at least one batch. The
        // failpoint holds each claimed batch for a while before preparing it, so the kill lands there instead of
        // racing a worker that prepares the whole queue in a fraction of a second on an idle machine.
        const int Batch = 30;
        var pause = new Dictionary<string, string> { ["WIRETRACE_FAILPOINT_CLAIM_PAUSE_MS"] = "1500" };
        long[] inFlight = [];
        for (int attempt = 1; attempt <= 3 && inFlight.Length == 0; attempt++)
        {
            string name = $"doomed{attempt}";
            var (child, lines) = StartWorker(db, name, pause, "--batch", $"{Batch}", "--lease", "3", "--poll", "0.1");
            bool killed = false;
            var poller = new Thread(() =>
            {
                var clock = Stopwatch.StartNew();
                while (!child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120))
                {
                    if (db.Scalar($"SELECT count(*) FROM articles WHERE prepared_by = '{name}'") >= Batch
                        && db.Scalar($"SELECT count(*) FROM articles WHERE claimed_by = '{name}' AND NOT prepared") > 0)
                    {
                        child.Kill(); // SIGKILL on Linux
                        killed = true;
                        return;
                    }
                    Thread.Sleep(1);
                }
            }) { Priority = ThreadPriority.Highest };
            poller.Start();
            poller.Join();
            if (!killed && !child.HasExited) child.Kill(); // never caught mid-batch: do not wait on a worker that polls forever
            await child.WaitForExitAsync();
            Assert.True(killed, "the worker was never caught holding a claimed batch: " + string.Join("\n", lines));
            using var c = db.Connect();
            using var cmd = new Npgsql.NpgsqlCommand($"SELECT seq FROM articles WHERE claimed_by = '{name}' AND NOT prepared", c);
            using var r = cmd.ExecuteReader();
            var seqs = new List<long>();
            while (r.Read()) seqs.Add(r.GetInt64(0));
            inFlight = [.. seqs]; // empty when the kill landed between two batches: try again
        }
        Assert.NotEmpty(inFlight);
        string inFlightList = string.Join(",", inFlight);
        long preparedBeforeKill = db.Scalar("SELECT count(*) FROM articles WHERE prepared");
        Assert.True(preparedBeforeKill >= Batch && preparedBeforeKill < corpus.Total);
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM assignments")); // no story step while work was outstanding

        // A second worker takes the rest, waits for the dead worker's lease, then takes its batch too.
        var (rescuer, rescuerLines) = StartWorker(db, "rescuer", "--batch", $"{Batch}", "--lease", "3", "--poll", "0.1", "--until-idle");
        Assert.True(rescuer.WaitForExit(TimeSpan.FromMinutes(5)), "the rescuing worker did not finish");
        rescuer.WaitForExit();
        Assert.True(rescuer.ExitCode == 0, string.Join("\n", rescuerLines));

        using var store = ArticleStores.Open(db.Uri);
        Assert.Equal(corpus.Total, store.Count());
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM articles WHERE NOT prepared OR pending OR claimed_by IS NOT NULL"));
        // Each article was prepared exactly once; the killed batch by the rescuer.
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM articles WHERE prepare_count <> 1"));
        Assert.Equal(inFlight.Length, db.Scalar($"SELECT count(*) FROM articles WHERE seq IN ({inFlightList}) AND prepared_by = 'rescuer'"));
        Assert.Equal(preparedBeforeKill, db.Scalar("SELECT count(*) FROM articles WHERE prepared_by LIKE 'doomed%'"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM terms t WHERE df <> (SELECT count(*) FROM postings p WHERE p.term_id = t.term_id)"));
        Assert.Equal(corpus.Reference, store.AllAssignments());
    }

    [PostgresFact]
    public void A_late_hand_back_after_the_lease_was_taken_over_is_ignored()
    {
        var db = NewDatabase("lease");
        using var store = ArticleStores.Open(db.Uri);
        var queue = (IArticleQueue)store;
        var indexer = new StoryIndexer(store);
        queue.Enqueue([Article.FromText("a", null, "The dam above Kellmoor burst on Friday night."), Article.FromText("b", null, "Twelve people died in Old Harbour.")]);

        var slow = queue.Claim("slow", 10, TimeSpan.FromMilliseconds(1));
        Assert.Equal(["a", "b"], slow.Select(a => a.Id).Order());
        Thread.Sleep(50); // the lease (1 ms) has run out
        var fast = queue.Claim("fast", 10, TimeSpan.FromMinutes(5));
        Assert.Equal(2, fast.Count);
        Assert.Empty(queue.Claim("third", 10, TimeSpan.FromMinutes(5))); // leased to "fast" now

        Assert.Equal(2, queue.CompletePreparation("fast", fast.Select(indexer.Prepare).ToList()));
        Assert.Equal(0, queue.CompletePreparation("slow", slow.Select(indexer.Prepare).ToList()));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM articles WHERE prepare_count <> 1 OR prepared_by <> 'fast'"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM terms t WHERE df <> (SELECT count(*) FROM postings p WHERE p.term_id = t.term_id)"));
        Assert.Equal(new QueueState(0, 0, 2), queue.QueueState());
        Assert.Equal(["a", "b"], store.PendingIds());
    }

    [PostgresFact]
    public void Stories_wait_until_the_queue_is_drained()
    {
        var db = NewDatabase("drain");
        using var store = ArticleStores.Open(db.Uri);
        var queue = (IArticleQueue)store;
        var indexer = new StoryIndexer(store);
        const string Flood = "The dam above Kellmoor burst on Friday night. Twelve people died and 3,400 were evacuated from Old Harbour, officials said. " +
            "Rescue teams searched the flooded streets until dawn, and the regional governor promised an inquiry into the dam's maintenance.";
        indexer.Add([Article.FromText("stored", null, Flood)]);
        queue.Enqueue([Article.FromText("queued", null, "Copycat News - " + Flood)]);
        Assert.Empty(store.PendingIds());
        Assert.Equal(0, indexer.RecomputePending());
        Assert.Null(store.AssignmentOf("stored"));

        var worker = new QueueWorker(store, "w", 10, TimeSpan.FromMinutes(1));
        var step = worker.Step();
        Assert.Equal((1, 1, 2), (step.Claimed, step.Prepared, step.Recomputed));
        Assert.Equal(store.AssignmentOf("stored")!.StoryId, store.AssignmentOf("queued")!.StoryId);
        Assert.True(worker.Step().Idle);
        Assert.Empty(store.PendingIds());
    }

    [PostgresFact]
    public async Task Worker_and_enqueue_refuse_a_sqlite_file_with_a_clear_message()
    {
        using var temp = new TempFolder();
        var (exit, _, error) = await Cli.RunAsync("worker", "--db", temp.File("x.db"), "--once");
        Assert.Equal(2, exit);
        Assert.Contains("PostgreSQL", error);
        (exit, _, error) = await Cli.RunAsync("index", "add", Cli.Sample("demo"), "--db", temp.File("x.db"), "--enqueue");
        Assert.Equal(2, exit);
        Assert.Contains("--enqueue needs a PostgreSQL", error);
        (exit, _, error) = await Cli.RunAsync("index", "stats", "--db", "postgres://someone:secret@127.0.0.1:1/news");
        Assert.Equal(2, exit);
        Assert.StartsWith("wiretrace: cannot use the PostgreSQL database postgres://someone@127.0.0.1:1/news", error);
        Assert.DoesNotContain("   at ", error); // no stack trace
        Assert.DoesNotContain("secret", error);
    }
}
