using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using WireTrace.Core.Documents;
using WireTrace.Core.Text;
using static WireTrace.Storage.StoreRows;

namespace WireTrace.Storage;

/// <summary>
/// <see cref="IArticleStore"/> and its work queue (<see cref="IArticleQueue"/>) in a PostgreSQL database shared by
/// many processes on many machines. The schema is created or migrated on open. Every write is one transaction of
/// set-based statements (arrays unnested server-side); a transaction that loses a race (deadlock, serialization
/// failure, an id inserted at the same moment by another process) is retried whole. Story recomputations hold a
/// transaction-scoped advisory lock for their whole run (<see cref="LockStories"/>); writes that mark articles
/// pending take the same lock shared, so they wait for a running recomputation and never slip into it.
/// Term frequencies are updated in term order, so concurrent writers lock them in one order.
/// </summary>
public sealed class PostgresArticleStore : IArticleStore, IArticleQueue
{
    /// <summary>Advisory lock key (any constant) of the story step.</summary>
    private const long StoryLockKey = 0x5769_7265_5472_0002;

    private const int Attempts = 6;

    private const string ArticleColumns = "id, path, outlet, published, title, url, text, body_start, body_length, agency, dateline, outlet_prefix";

    private readonly NpgsqlDataSource _source;

    private PostgresArticleStore(NpgsqlDataSource source, string location)
    {
        _source = source;
        Location = location;
    }

    public string Location { get; }

    /// <summary>
    /// Opens (creating or migrating the schema of) the database named by an Npgsql connection string. Throws
    /// <see cref="StoreUnavailableException"/> with a one-line reason when the server cannot be reached or refuses.
    /// </summary>
    public static PostgresArticleStore Open(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        string location = PostgresAddress.Describe(builder);
        var source = NpgsqlDataSource.Create(builder);
        try
        {
            using var c = source.OpenConnection();
            PostgresSchema.Migrate(c);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            source.Dispose();
            throw new StoreUnavailableException($"cannot use the PostgreSQL database {location}: {PostgresAddress.Reason(e)}", e);
        }
        return new PostgresArticleStore(source, location);
    }

    public AddOutcome Add(IReadOnlyList<IndexedArticle> batch) => Store(batch.Select(i => (i.Article, (IReadOnlyCollection<string>?)i.Terms)).ToList());

    public AddOutcome Enqueue(IReadOnlyList<Article> batch) => Store(batch.Select(a => (a, (IReadOnlyCollection<string>?)null)).ToList());

    /// <summary>Stores articles with their terms (prepared) or without (queued for a worker).</summary>
    private AddOutcome Store(IReadOnlyList<(Article Article, IReadOnlyCollection<string>? Terms)> batch) => Write((c, tx) =>
    {
        Exec(c, tx, $"SELECT pg_advisory_xact_lock_shared({StoryLockKey})");
        var stored = new Dictionary<string, (long Seq, string Hash)>(StringComparer.Ordinal);
        using (var find = Cmd(c, tx, "SELECT id, seq, content_hash FROM articles WHERE id = ANY(@ids) ORDER BY seq FOR UPDATE", ("ids", batch.Select(b => b.Article.Id).Distinct().ToArray())))
        using (var r = find.ExecuteReader())
        {
            while (r.Read()) stored[r.GetString(0)] = (r.GetInt64(1), r.GetString(2));
        }
        // Walk the batch in order, as the SQLite store does: a later copy of an id in the batch replaces an earlier one.
        var outcome = new AddOutcome();
        var keep = new Dictionary<string, (Article Article, IReadOnlyCollection<string>? Terms, string Hash)>(StringComparer.Ordinal);
        var replaced = new List<long>();
        var replacedIds = new List<string>();
        foreach (var (article, terms) in batch)
        {
            string hash = SqliteArticleStore.ContentHash(article);
            if (keep.TryGetValue(article.Id, out var earlier))
            {
                outcome += earlier.Hash == hash ? new AddOutcome(0, 0, 1) : new AddOutcome(0, 1, 0);
                if (earlier.Hash != hash) keep[article.Id] = (article, terms, hash);
                continue;
            }
            if (stored.TryGetValue(article.Id, out var old))
            {
                if (old.Hash == hash)
                {
                    outcome += new AddOutcome(0, 0, 1);
                    continue;
                }
                replaced.Add(old.Seq);
                replacedIds.Add(article.Id);
                outcome += new AddOutcome(0, 1, 0);
            }
            else
            {
                outcome += new AddOutcome(1, 0, 0);
            }
            keep[article.Id] = (article, terms, hash);
        }
        if (replaced.Count > 0)
        {
            MarkPeersPending(c, tx, replacedIds);
            DeleteBySeq(c, tx, replaced);
        }
        if (keep.Count == 0) return outcome;
        var rows = keep.Values.ToList();
        bool prepared = rows[0].Terms != null;
        var seqOf = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var insert = Cmd(c, tx, $"""
            INSERT INTO articles({ArticleColumns}, content_hash, prepared, prepared_at, prepare_count)
            SELECT x.id, x.path, x.outlet, x.published::date, x.title, x.url, x.text, x.bs, x.bl, x.agency, x.dateline, x.op, x.hash,
                   @prepared, CASE WHEN @prepared THEN now() END, CASE WHEN @prepared THEN 1 ELSE 0 END
            FROM unnest(@id, @path, @outlet, @published, @title, @url, @text, @bs, @bl, @agency, @dateline, @op, @hash)
                 AS x(id, path, outlet, published, title, url, text, bs, bl, agency, dateline, op, hash)
            RETURNING id, seq
            """,
            ("prepared", prepared),
            ("id", rows.Select(r => r.Article.Id).ToArray()),
            ("path", Texts(rows.Select(r => r.Article.Path))),
            ("outlet", Texts(rows.Select(r => r.Article.Outlet))),
            ("published", Texts(rows.Select(r => r.Article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))),
            ("title", Texts(rows.Select(r => r.Article.Title))),
            ("url", Texts(rows.Select(r => r.Article.Url))),
            ("text", rows.Select(r => r.Article.Text).ToArray()),
            ("bs", rows.Select(r => r.Article.Body.Start).ToArray()),
            ("bl", rows.Select(r => r.Article.Body.Length).ToArray()),
            ("agency", Texts(rows.Select(r => r.Article.Agency))),
            ("dateline", Texts(rows.Select(r => r.Article.Dateline))),
            ("op", rows.Select(r => r.Article.OutletPrefix).ToArray()),
            ("hash", rows.Select(r => r.Hash).ToArray())))
        using (var r = insert.ExecuteReader())
        {
            while (r.Read()) seqOf[r.GetString(0)] = r.GetInt64(1);
        }
        if (prepared) InsertPostings(c, tx, rows.Select(r => (seqOf[r.Article.Id], r.Terms!)));
        BumpVersion(c, tx);
        return outcome;
    });

    public IReadOnlyList<Article> Claim(string worker, int count, TimeSpan lease) => Write((c, tx) =>
    {
        using var cmd = Cmd(c, tx, $"""
            UPDATE articles a SET claimed_by = @worker, claimed_until = now() + make_interval(secs => @lease)
            FROM (SELECT seq FROM articles
                  WHERE NOT prepared AND (claimed_until IS NULL OR claimed_until < now())
                  ORDER BY seq LIMIT @n FOR UPDATE SKIP LOCKED) c
            WHERE a.seq = c.seq
            RETURNING {string.Join(", ", ArticleColumns.Split(", ").Select(col => "a." + col))}
            """, ("worker", worker), ("lease", lease.TotalSeconds), ("n", count));
        return ReadArticles(cmd);
    });

    public int CompletePreparation(string worker, IReadOnlyList<IndexedArticle> prepared) => Write((c, tx) =>
    {
        var mine = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var cmd = Cmd(c, tx, "SELECT id, seq FROM articles WHERE id = ANY(@ids) AND claimed_by = @worker AND NOT prepared ORDER BY seq FOR UPDATE",
            ("ids", prepared.Select(p => p.Article.Id).ToArray()), ("worker", worker)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read()) mine[r.GetString(0)] = r.GetInt64(1);
        }
        if (mine.Count == 0) return 0;
        InsertPostings(c, tx, prepared.Where(p => mine.ContainsKey(p.Article.Id)).Select(p => (mine[p.Article.Id], p.Terms)));
        Exec(c, tx, """
            UPDATE articles SET prepared = true, claimed_by = NULL, claimed_until = NULL,
                prepared_by = @worker, prepared_at = now(), prepare_count = prepare_count + 1
            WHERE seq = ANY(@seqs)
            """, ("worker", worker), ("seqs", mine.Values.ToArray()));
        BumpVersion(c, tx);
        return mine.Count;
    });

    public QueueState QueueState()
    {
        using var c = _source.OpenConnection();
        using var cmd = Cmd(c, null, """
            SELECT count(*) FILTER (WHERE claimed_until IS NULL OR claimed_until < now()),
                   count(*) FILTER (WHERE claimed_until >= now()),
                   (SELECT count(*) FROM articles WHERE pending)
            FROM articles WHERE NOT prepared
            """);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new QueueState(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
    }

    public Article? Get(string id) => GetMany([id]).FirstOrDefault();

    public IReadOnlyList<Article> GetMany(IEnumerable<string> ids)
    {
        var list = ids.Distinct(StringComparer.Ordinal).ToArray();
        if (list.Length == 0) return [];
        using var c = _source.OpenConnection();
        using var cmd = Cmd(c, null, $"SELECT {ArticleColumns} FROM articles WHERE id = ANY(@ids)", ("ids", list));
        var result = ReadArticles(cmd);
        result.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return result;
    }

    public int Remove(IEnumerable<string> ids)
    {
        var list = ids.Distinct(StringComparer.Ordinal).ToArray();
        return Write((c, tx) =>
        {
            Exec(c, tx, $"SELECT pg_advisory_xact_lock_shared({StoryLockKey})");
            var present = new List<string>();
            var seqs = new List<long>();
            using (var find = Cmd(c, tx, "SELECT id, seq FROM articles WHERE id = ANY(@ids) ORDER BY seq FOR UPDATE", ("ids", list)))
            using (var r = find.ExecuteReader())
            {
                while (r.Read())
                {
                    present.Add(r.GetString(0));
                    seqs.Add(r.GetInt64(1));
                }
            }
            if (seqs.Count == 0) return 0;
            MarkPeersPending(c, tx, present);
            DeleteBySeq(c, tx, seqs);
            BumpVersion(c, tx);
            return seqs.Count;
        });
    }

    public int ExpireBefore(DateOnly date)
    {
        using var c = _source.OpenConnection();
        using var cmd = Cmd(c, null, "SELECT id FROM articles WHERE published < @d", ("d", date));
        return Remove(ReadStrings(cmd));
    }

    public IReadOnlyList<string> PendingIds()
    {
        using var c = _source.OpenConnection();
        using var cmd = Cmd(c, null, "SELECT id FROM articles WHERE pending AND NOT EXISTS (SELECT 1 FROM articles q WHERE NOT q.prepared)");
        var ids = ReadStrings(cmd);
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    public IReadOnlyList<StoredCandidate> FindCandidates(IReadOnlyCollection<string> terms, int minSharedTerms, int maxDocumentFrequency)
    {
        if (terms.Count == 0) return [];
        using var c = _source.OpenConnection();
        using var cmd = Cmd(c, null, """
            SELECT a.id, count(*)::int FROM terms t
            JOIN postings p ON p.term_id = t.term_id
            JOIN articles a ON a.seq = p.article_seq
            WHERE t.term = ANY(@terms) AND t.df <= @max
            GROUP BY a.id HAVING count(*) >= @min
            """, ("terms", terms.ToArray()), ("max", maxDocumentFrequency), ("min", minSharedTerms));
        var result = new List<StoredCandidate>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read()) result.Add(new StoredCandidate(r.GetString(0), r.GetInt32(1)));
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return result;
    }

    public IReadOnlyList<string> WithStoryPeers(IEnumerable<string> ids)
    {
        var list = ids.Distinct(StringComparer.Ordinal).ToArray();
        var result = new SortedSet<string>(list, StringComparer.Ordinal);
        if (list.Length == 0) return [];
        using var c = _source.OpenConnection();
        using var cmd = Cmd(c, null, "SELECT DISTINCT p.article_id FROM assignments s JOIN assignments p ON p.story_id = s.story_id WHERE s.article_id = ANY(@ids)", ("ids", list));
        result.UnionWith(ReadStrings(cmd));
        return [.. result];
    }

    public void ReplaceAssignments(IReadOnlyCollection<string> recomputed, IReadOnlyList<StoryAssignment> assignments)
    {
        // The last assignment of an article wins (as INSERT OR REPLACE in SQLite).
        var rows = assignments.GroupBy(a => a.ArticleId, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        Write((c, tx) =>
        {
            var ids = recomputed.Distinct(StringComparer.Ordinal).ToArray();
            Exec(c, tx, "DELETE FROM assignments WHERE article_id = ANY(@ids)", ("ids", ids));
            Exec(c, tx, "UPDATE articles SET pending = false WHERE id = ANY(@ids) AND prepared AND pending", ("ids", ids));
            Exec(c, tx, """
                INSERT INTO assignments(article_id, story_id, source, parent, relation, confidence)
                SELECT x.a, x.s, x.src, x.p, x.r, x.c
                FROM unnest(@a, @s, @src, @p, @r, @c) AS x(a, s, src, p, r, c)
                WHERE EXISTS (SELECT 1 FROM articles WHERE id = x.a)
                ON CONFLICT (article_id) DO UPDATE SET story_id = EXCLUDED.story_id, source = EXCLUDED.source, parent = EXCLUDED.parent,
                    relation = EXCLUDED.relation, confidence = EXCLUDED.confidence, assigned_at = now()
                """,
                ("a", rows.Select(r => r.ArticleId).ToArray()),
                ("s", rows.Select(r => r.StoryId).ToArray()),
                ("src", rows.Select(r => r.Source).ToArray()),
                ("p", Texts(rows.Select(r => r.Parent))),
                ("r", rows.Select(r => r.Relation).ToArray()),
                ("c", rows.Select(r => r.Confidence).ToArray()));
            BumpVersion(c, tx);
            return 0;
        });
    }

    /// <summary>
    /// Takes the story lock (<c>pg_advisory_xact_lock</c> in a transaction on a connection of its own) until disposed;
    /// a process that dies while holding it loses the connection, and with it the lock.
    /// </summary>
    public IDisposable LockStories()
    {
        var c = _source.OpenConnection();
        try
        {
            var tx = c.BeginTransaction();
            Exec(c, tx, $"SELECT pg_advisory_xact_lock({StoryLockKey})");
            return new StoryLock(c, tx);
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    public long ChangeVersion() => Scalar("SELECT v FROM store_version");

    public StoryAssignment? AssignmentOf(string articleId)
    {
        using var c = _source.OpenConnection();
        using var cmd = Cmd(c, null, "SELECT article_id, story_id, source, parent, relation, confidence FROM assignments WHERE article_id = @id", ("id", articleId));
        return ReadAssignments(cmd).FirstOrDefault();
    }

    public IReadOnlyList<StoryAssignment> Story(string storyId)
    {
        using var c = _source.OpenConnection();
        using var cmd = Cmd(c, null, "SELECT article_id, story_id, source, parent, relation, confidence FROM assignments WHERE story_id = @s", ("s", storyId));
        return ReadAssignments(cmd).OrderBy(a => a.Parent == null ? 0 : 1).ThenBy(a => a.ArticleId, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<StoryAssignment> AllAssignments()
    {
        using var c = _source.OpenConnection();
        using var cmd = Cmd(c, null, "SELECT article_id, story_id, source, parent, relation, confidence FROM assignments");
        var list = ReadAssignments(cmd);
        list.Sort((a, b) => string.CompareOrdinal(a.ArticleId, b.ArticleId));
        return list;
    }

    public long Count() => Scalar("SELECT count(*) FROM articles");

    public StoreStats Stats()
    {
        using var c = _source.OpenConnection();
        using var cmd = Cmd(c, null, """
            SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT story_id) FROM assignments),
                   (SELECT count(*) FROM articles WHERE pending), (SELECT count(*) FROM terms),
                   (SELECT sum(pg_total_relation_size(t))::bigint FROM unnest(ARRAY['articles', 'terms', 'postings', 'assignments']) t)
            """);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new StoreStats(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4));
    }

    public void Dispose() => _source.Dispose();

    /// <summary>Marks the story peers of <paramref name="ids"/> pending.</summary>
    private static void MarkPeersPending(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<string> ids) => Exec(c, tx, """
        UPDATE articles SET pending = true WHERE NOT pending AND id IN (
            SELECT p.article_id FROM assignments p JOIN assignments s ON s.story_id = p.story_id WHERE s.article_id = ANY(@ids))
        """, ("ids", ids.ToArray()));

    /// <summary>Deletes articles by sequence number with their postings (term frequencies follow, locked in term order) and assignments.</summary>
    private static void DeleteBySeq(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<long> seqs)
    {
        var s = ("seqs", (object)seqs.ToArray());
        Exec(c, tx, """
            WITH locked AS (
                SELECT t.term_id FROM terms t WHERE t.term_id IN (SELECT term_id FROM postings WHERE article_seq = ANY(@seqs))
                ORDER BY t.term FOR UPDATE)
            UPDATE terms t SET df = t.df - x.n
            FROM (SELECT p.term_id, count(*) AS n FROM postings p JOIN locked l ON l.term_id = p.term_id WHERE p.article_seq = ANY(@seqs) GROUP BY p.term_id) x
            WHERE t.term_id = x.term_id
            """, s);
        Exec(c, tx, "DELETE FROM terms WHERE df <= 0 AND term_id IN (SELECT term_id FROM postings WHERE article_seq = ANY(@seqs))", s);
        Exec(c, tx, "DELETE FROM postings WHERE article_seq = ANY(@seqs)", s);
        Exec(c, tx, "DELETE FROM assignments WHERE article_id IN (SELECT id FROM articles WHERE seq = ANY(@seqs))", s);
        Exec(c, tx, "DELETE FROM articles WHERE seq = ANY(@seqs)", s);
    }

    /// <summary>Upserts the terms (counting them, in term order) and posts each article under its terms.</summary>
    private static void InsertPostings(NpgsqlConnection c, NpgsqlTransaction tx, IEnumerable<(long Seq, IReadOnlyCollection<string> Terms)> articles)
    {
        var seqs = new List<long>();
        var terms = new List<string>();
        foreach (var (seq, ts) in articles)
        {
            foreach (var t in ts.Distinct(StringComparer.Ordinal))
            {
                seqs.Add(seq);
                terms.Add(t);
            }
        }
        if (terms.Count == 0) return;
        var termArray = ("terms", (object)terms.ToArray());
        Exec(c, tx, """
            INSERT INTO terms(term, df)
            SELECT term, count(*) FROM unnest(@terms) AS term GROUP BY term ORDER BY term
            ON CONFLICT (term) DO UPDATE SET df = terms.df + EXCLUDED.df
            """, termArray);
        Exec(c, tx, """
            INSERT INTO postings(term_id, article_seq)
            SELECT t.term_id, x.seq FROM unnest(@seqs, @terms) AS x(seq, term) JOIN terms t ON t.term = x.term
            """, ("seqs", seqs.ToArray()), termArray);
    }

    private static void BumpVersion(NpgsqlConnection c, NpgsqlTransaction tx) => Exec(c, tx, "UPDATE store_version SET v = v + 1");

    /// <summary>
    /// Runs one write transaction, retried whole when it lost a race with another process (deadlock, serialization
    /// failure, or a unique key taken at the same moment).
    /// </summary>
    private T Write<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> work)
    {
        for (int attempt = 1; ; attempt++)
        {
            using var c = _source.OpenConnection();
            using var tx = c.BeginTransaction();
            try
            {
                var result = work(c, tx);
                tx.Commit();
                return result;
            }
            catch (PostgresException e) when (attempt < Attempts && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.UniqueViolation)
            {
                tx.Rollback();
                Thread.Sleep(Random.Shared.Next(5, 20 * attempt));
            }
        }
    }

    private long Scalar(string sql)
    {
        using var c = _source.OpenConnection();
        using var cmd = Cmd(c, null, sql);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static NpgsqlCommand Cmd(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var (name, value) in parameters) cmd.Parameters.Add(Parameter(name, value));
        return cmd;
    }

    /// <summary>Typed parameters: arrays of text keep their element type even when they hold nulls.</summary>
    private static NpgsqlParameter Parameter(string name, object value) => value switch
    {
        string?[] texts => new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = texts },
        _ => new NpgsqlParameter(name, value),
    };

    private static void Exec(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Cmd(c, tx, sql, parameters);
        cmd.ExecuteNonQuery();
    }

    private static string?[] Texts(IEnumerable<string?> values) => values.ToArray();

    private static List<Article> ReadArticles(NpgsqlCommand cmd)
    {
        var list = new List<Article>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new Article(
                r.GetString(0),
                Str(r, 1),
                r.GetString(6),
                new TextSpan(r.GetInt32(7), r.GetInt32(8)),
                Str(r, 4),
                Str(r, 2),
                r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3),
                Str(r, 5),
                Str(r, 9),
                Str(r, 10),
                r.GetBoolean(11)));
        }
        return list;
    }

    /// <summary>The held story lock: ends its transaction (releasing the lock) and returns the connection.</summary>
    private sealed class StoryLock(NpgsqlConnection connection, NpgsqlTransaction transaction) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1) return;
            try
            {
                transaction.Commit();
            }
            finally
            {
                transaction.Dispose();
                connection.Dispose();
            }
        }
    }
}
