using WireTrace.Core.Documents;

namespace WireTrace.Storage;

/// <summary>
/// A persistent pile of articles with a rare-term posting table for candidate lookup and the latest
/// story assignment of each article. Every write is one transaction; a crash leaves whole batches or
/// nothing. Articles added, changed or losing a story peer are marked <em>pending</em> until their stories
/// are recomputed (<see cref="ReplaceAssignments"/>), so an interrupted run can be finished by the next one.
/// Implementations are safe for concurrent readers; writes are serialised.
/// The operations are set-based so that a server database (<see cref="PostgresArticleStore"/>, with queued
/// work claimed by workers through <see cref="IArticleQueue"/>) implements the same contract.
/// Open one with <see cref="ArticleStores.Open"/>.
/// </summary>
public interface IArticleStore : IDisposable
{
    /// <summary>Where the store is, for messages: a file path, or a PostgreSQL address without its password.</summary>
    string Location { get; }

    /// <summary>
    /// Stores a batch in one transaction. Idempotent by id: an article whose stored content (text and
    /// metadata other than the path) is identical is skipped; a different one replaces the stored one and
    /// becomes pending again. Articles added or replaced are pending.
    /// </summary>
    AddOutcome Add(IReadOnlyList<IndexedArticle> batch);

    Article? Get(string id);

    /// <summary>The stored articles among <paramref name="ids"/> (missing ids are left out), in id order.</summary>
    IReadOnlyList<Article> GetMany(IEnumerable<string> ids);

    /// <summary>Removes articles with their postings and assignments; the other members of their stories become pending. Returns how many were removed.</summary>
    int Remove(IEnumerable<string> ids);

    /// <summary>Removes every article published before <paramref name="date"/> (articles without a date stay). Returns how many were removed.</summary>
    int ExpireBefore(DateOnly date);

    /// <summary>
    /// Ids of the pending articles ready for story recomputation, in id order. Empty while any article still
    /// waits in the queue for a worker (<see cref="IArticleQueue"/>): stories are recomputed over everything
    /// pending at once, so the result does not depend on how the queued work was split.
    /// </summary>
    IReadOnlyList<string> PendingIds();

    /// <summary>
    /// Stored articles sharing at least <paramref name="minSharedTerms"/> of <paramref name="terms"/>, counting only
    /// terms held by at most <paramref name="maxDocumentFrequency"/> stored articles.
    /// </summary>
    IReadOnlyList<StoredCandidate> FindCandidates(IReadOnlyCollection<string> terms, int minSharedTerms, int maxDocumentFrequency);

    /// <summary>The given ids plus every article sharing a stored story with one of them.</summary>
    IReadOnlyList<string> WithStoryPeers(IEnumerable<string> ids);

    /// <summary>
    /// In one transaction: drops the assignments of <paramref name="recomputed"/>, stores <paramref name="assignments"/>
    /// (for articles of that set) and clears their pending marks.
    /// </summary>
    void ReplaceAssignments(IReadOnlyCollection<string> recomputed, IReadOnlyList<StoryAssignment> assignments);

    /// <summary>
    /// Serialises story recomputation (read pending, analyse, <see cref="ReplaceAssignments"/>) across threads
    /// and, for a server database, across processes; writes that mark articles pending wait while it is held,
    /// so no change slips in between what a recomputation read and what it stores. Dispose to release.
    /// </summary>
    IDisposable LockStories();

    /// <summary>A number that grows with every committed write; while it is unchanged, every read answers the same (for caches).</summary>
    long ChangeVersion();

    StoryAssignment? AssignmentOf(string articleId);

    /// <summary>Every assignment, by article id (for checks and exports).</summary>
    IReadOnlyList<StoryAssignment> AllAssignments();

    /// <summary>The assignments of one story (source first, then by article id); empty when there is no such story.</summary>
    IReadOnlyList<StoryAssignment> Story(string storyId);

    long Count();

    StoreStats Stats();
}
