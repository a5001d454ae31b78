using WireTrace.Core.Documents;

namespace WireTrace.Storage;

/// <summary>An article ready to be stored: the article and its distinct content terms (for the candidate postings).</summary>
public sealed record IndexedArticle(Article Article, IReadOnlyCollection<string> Terms);

/// <summary>
/// The latest story of one article. <see cref="Parent"/> is null for the story's source (whose
/// <see cref="Relation"/> is <c>source</c>); otherwise the article it was derived from and the contract
/// name of the relation (<c>excerpt</c>, <c>same-event</c>, ...).
/// </summary>
public sealed record StoryAssignment(string ArticleId, string StoryId, string Source, string? Parent, string Relation, double Confidence);

/// <summary>What one batch add did: new articles, changed ones (replaced), and identical ones (skipped).</summary>
public readonly record struct AddOutcome(int Added, int Updated, int Unchanged)
{
    public static AddOutcome operator +(AddOutcome a, AddOutcome b) => new(a.Added + b.Added, a.Updated + b.Updated, a.Unchanged + b.Unchanged);
}

/// <summary>Counts and size of a store.</summary>
/// <param name="Pending">Articles whose story has not been recomputed since they (or a story peer) changed.</param>
/// <param name="BytesOnDisk">Size of the database files (SQLite: main file plus write-ahead log; PostgreSQL: the tables with their indexes).</param>
public sealed record StoreStats(long Articles, long Stories, long Pending, long Terms, long BytesOnDisk)
{
    public double BytesPerArticle => Articles == 0 ? 0 : (double)BytesOnDisk / Articles;
}

/// <summary>A stored article proposed as a candidate for a query, and how many rare terms it shares with it.</summary>
public readonly record struct StoredCandidate(string Id, int SharedTerms);
