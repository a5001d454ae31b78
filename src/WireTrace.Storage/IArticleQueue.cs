using WireTrace.Core.Documents;

namespace WireTrace.Storage;

/// <summary>
/// The shared work queue of a server store: articles stored without their posting terms (<see cref="Enqueue"/>)
/// wait until a worker claims them (<see cref="Claim"/>, with a lease), prepares them (analysis and terms) and
/// hands them back (<see cref="CompletePreparation"/>). A batch whose lease runs out (its worker died or stalled)
/// can be claimed again; a late completion of it by the old worker is ignored, so each article is prepared once.
/// Stories are recomputed only when the queue is empty (see <see cref="IArticleStore.PendingIds"/>).
/// </summary>
public interface IArticleQueue
{
    /// <summary>Stores a batch (one transaction, idempotent by id as <see cref="IArticleStore.Add"/>) for workers to prepare.</summary>
    AddOutcome Enqueue(IReadOnlyList<Article> batch);

    /// <summary>
    /// Claims up to <paramref name="count"/> queued articles (unclaimed, or whose lease ran out) for
    /// <paramref name="worker"/> until now + <paramref name="lease"/>, skipping rows other workers are claiming.
    /// </summary>
    IReadOnlyList<Article> Claim(string worker, int count, TimeSpan lease);

    /// <summary>
    /// In one transaction stores the terms of prepared articles that are still claimed by <paramref name="worker"/>
    /// and marks them prepared; others (claimed again by someone else, replaced or removed meanwhile) are left
    /// alone. Returns how many were stored.
    /// </summary>
    int CompletePreparation(string worker, IReadOnlyList<IndexedArticle> prepared);

    QueueState QueueState();
}

/// <summary>How much work the queue holds.</summary>
/// <param name="Queued">Articles waiting to be claimed (never claimed, or their lease ran out).</param>
/// <param name="Claimed">Articles claimed by a worker whose lease still runs.</param>
/// <param name="Pending">Articles whose story is still to be recomputed (queued ones included).</param>
public readonly record struct QueueState(long Queued, long Claimed, long Pending)
{
    /// <summary>Nothing waits for a worker's preparation.</summary>
    public bool Drained => Queued == 0 && Claimed == 0;
}
