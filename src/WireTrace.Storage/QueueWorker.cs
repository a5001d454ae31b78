namespace WireTrace.Storage;

/// <summary>What one <see cref="QueueWorker.Step"/> did.</summary>
/// <param name="Claimed">Articles claimed (0 when the queue held nothing claimable).</param>
/// <param name="Prepared">Claimed articles whose terms were stored (fewer than claimed when the lease ran out and another worker took some).</param>
/// <param name="Recomputed">Articles whose stories were recomputed by the story step (0 when it did not run).</param>
/// <param name="Queue">The queue after the step.</param>
public readonly record struct WorkerStep(int Claimed, int Prepared, int Recomputed, QueueState Queue)
{
    /// <summary>Nothing left for any worker: the queue is empty, nothing is claimed and no story waits.</summary>
    public bool Idle => Claimed == 0 && Queue.Drained && Queue.Pending == 0;
}

/// <summary>
/// One worker on a shared queue. A step claims a batch (with a lease), prepares it in parallel (text analysis and
/// posting terms: the expensive per-article part, shared out among workers) and hands it back; then, when the
/// queue is drained, it runs the story step: <see cref="StoryIndexer.RecomputePending"/> under the store's
/// story lock, over the neighbourhood of everything pending. Since stories are only recomputed over the whole
/// pending set once no preparation is outstanding, the assignments equal those of one process adding the same
/// articles, whichever worker prepared which batch and in whatever order.
/// </summary>
public sealed class QueueWorker
{
    private readonly IArticleQueue _queue;
    private readonly StoryIndexer _indexer;
    private readonly Action<IReadOnlyList<Core.Documents.Article>>? _afterClaim;

    /// <param name="afterClaim">Called with each non-empty claimed batch before it is prepared (fault injection in tests:
    /// a pause there holds the worker in the middle of a batch).</param>
    public QueueWorker(IArticleStore store, string name, int batchSize, TimeSpan lease, Action<IReadOnlyList<Core.Documents.Article>>? afterClaim = null)
    {
        _afterClaim = afterClaim;
        _queue = store as IArticleQueue ?? throw new ArgumentException($"{store.Location} has no shared work queue: workers need a PostgreSQL database.", nameof(store));
        _indexer = new StoryIndexer(store);
        Name = name;
        BatchSize = Math.Max(1, batchSize);
        Lease = lease;
    }

    /// <summary>Recorded as <c>claimed_by</c> / <c>prepared_by</c>; unique among live workers (host and process id by default).</summary>
    public string Name { get; }

    public int BatchSize { get; }

    public TimeSpan Lease { get; }

    /// <summary>The default worker name: host name and process id.</summary>
    public static string DefaultName() => $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>Claims and prepares one batch, then runs the story step if the queue is drained.</summary>
    public WorkerStep Step(CancellationToken cancellationToken = default)
    {
        var batch = _queue.Claim(Name, BatchSize, Lease);
        int prepared = 0;
        if (batch.Count > 0)
        {
            _afterClaim?.Invoke(batch);
            var items = new IndexedArticle[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => items[i] = _indexer.Prepare(batch[i]));
            prepared = _queue.CompletePreparation(Name, items);
        }
        var state = _queue.QueueState();
        int recomputed = 0;
        if (state.Drained && state.Pending > 0)
        {
            recomputed = _indexer.RecomputePending(cancellationToken: cancellationToken);
            state = _queue.QueueState();
        }
        return new WorkerStep(batch.Count, prepared, recomputed, state);
    }
}
