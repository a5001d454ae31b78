using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using WireTrace.Core.Documents;
using WireTrace.Core.Text;
using static WireTrace.Storage.StoreRows;

namespace WireTrace.Storage;

/// <summary>
/// <see cref="IArticleStore"/> in one SQLite file: write-ahead log (readers never wait for the writer),
/// <c>synchronous=NORMAL</c> (a killed process loses nothing committed; a power cut may lose the last
/// transactions, never consistency), schema created or migrated on open. Each call opens a pooled
/// connection, so the store may be used from many threads; writes are serialised by a lock in this
/// process and by SQLite's write lock (with a busy timeout) across processes.
/// </summary>
public sealed class SqliteArticleStore : IArticleStore
{
    private readonly string _connectionString;
    private readonly object _writeLock = new();

    private SqliteArticleStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public string Location => Path;

    /// <summary>Opens (creating or migrating) the store at <paramref name="path"/>.</summary>
    public static SqliteArticleStore Open(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        var store = new SqliteArticleStore(path);
        using var c = store.Connect();
        Exec(c, "PRAGMA journal_mode=WAL");
        SqliteSchema.Migrate(c);
        return store;
    }

    private SqliteConnection Connect()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Exec(c, "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA temp_store=MEMORY");
        return c;
    }

    public AddOutcome Add(IReadOnlyList<IndexedArticle> batch)
    {
        lock (_writeLock)
        {
            using var c = Connect();
            using var tx = c.BeginTransaction();
            var find = Command(c, tx, "SELECT seq, content_hash FROM articles WHERE id = $id", "$id");
            var insert = Command(c, tx, """
                INSERT INTO articles(id, path, outlet, published, title, url, text, body_start, body_length, agency, dateline, outlet_prefix, added_at, content_hash, pending)
                VALUES ($id, $path, $outlet, $published, $title, $url, $text, $bs, $bl, $agency, $dateline, $op, $added, $hash, 1)
                RETURNING seq
                """, "$id", "$path", "$outlet", "$published", "$title", "$url", "$text", "$bs", "$bl", "$agency", "$dateline", "$op", "$added", "$hash");
            var upsertTerm = Command(c, tx, "INSERT INTO terms(term, df) VALUES ($t, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1 RETURNING term_id", "$t");
            var post = Command(c, tx, "INSERT INTO postings(term_id, article_seq) VALUES ($t, $a)", "$t", "$a");
            string added = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            var outcome = new AddOutcome();
            var seenInBatch = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in batch)
            {
                var a = item.Article;
                string hash = ContentHash(a);
                find.Parameters["$id"].Value = a.Id;
                long? existing = null;
                using (var r = find.ExecuteReader())
                {
                    if (r.Read())
                    {
                        if (r.GetString(1) == hash)
                        {
                            outcome += new AddOutcome(0, 0, 1);
                            continue;
                        }
                        existing = r.GetInt64(0);
                    }
                }
                if (existing is { } seq)
                {
                    MarkPeersPending(c, tx, [a.Id]);
                    DeleteBySeq(c, tx, [seq]);
                    outcome += new AddOutcome(0, 1, 0);
                }
                else
                {
                    outcome += seenInBatch.Contains(a.Id) ? new AddOutcome(0, 1, 0) : new AddOutcome(1, 0, 0);
                }
                seenInBatch.Add(a.Id);
                Set(insert, "$id", a.Id);
                Set(insert, "$path", a.Path);
                Set(insert, "$outlet", a.Outlet);
                Set(insert, "$published", a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Set(insert, "$title", a.Title);
                Set(insert, "$url", a.Url);
                Set(insert, "$text", a.Text);
                Set(insert, "$bs", a.Body.Start);
                Set(insert, "$bl", a.Body.Length);
                Set(insert, "$agency", a.Agency);
                Set(insert, "$dateline", a.Dateline);
                Set(insert, "$op", a.OutletPrefix ? 1 : 0);
                Set(insert, "$added", added);
                Set(insert, "$hash", hash);
                long articleSeq = (long)insert.ExecuteScalar()!;
                foreach (var term in item.Terms)
                {
                    upsertTerm.Parameters["$t"].Value = term;
                    long termId = (long)upsertTerm.ExecuteScalar()!;
                    post.Parameters["$t"].Value = termId;
                    post.Parameters["$a"].Value = articleSeq;
                    post.ExecuteNonQuery();
                }
            }
            if (outcome.Added + outcome.Updated > 0) BumpVersion(c, tx);
            tx.Commit();
            return outcome;
        }
    }

    public Article? Get(string id) => GetMany([id]).FirstOrDefault();

    public IReadOnlyList<Article> GetMany(IEnumerable<string> ids)
    {
        using var c = Connect();
        using var tx = c.BeginTransaction(deferred: true);
        var cmd = Command(c, tx, "SELECT id, path, outlet, published, title, url, text, body_start, body_length, agency, dateline, outlet_prefix FROM articles WHERE id = $id", "$id");
        var result = new List<Article>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            cmd.Parameters["$id"].Value = id;
            using var r = cmd.ExecuteReader();
            if (!r.Read()) continue;
            result.Add(new Article(
                r.GetString(0),
                Str(r, 1),
                r.GetString(6),
                new TextSpan(r.GetInt32(7), r.GetInt32(8)),
                Str(r, 4),
                Str(r, 2),
                Str(r, 3) is { } p ? DateOnly.ParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                Str(r, 5),
                Str(r, 9),
                Str(r, 10),
                r.GetInt64(11) != 0));
        }
        return result;
    }

    public int Remove(IEnumerable<string> ids)
    {
        var list = ids.Distinct(StringComparer.Ordinal).ToList();
        lock (_writeLock)
        {
            using var c = Connect();
            using var tx = c.BeginTransaction();
            var seqs = new List<long>();
            var find = Command(c, tx, "SELECT seq FROM articles WHERE id = $id", "$id");
            var present = new List<string>();
            foreach (var id in list)
            {
                find.Parameters["$id"].Value = id;
                if (find.ExecuteScalar() is long s)
                {
                    seqs.Add(s);
                    present.Add(id);
                }
            }
            MarkPeersPending(c, tx, present);
            DeleteBySeq(c, tx, seqs);
            if (seqs.Count > 0) BumpVersion(c, tx);
            tx.Commit();
            return seqs.Count;
        }
    }

    public int ExpireBefore(DateOnly date)
    {
        List<string> ids;
        using (var c = Connect())
        {
            var cmd = Command(c, null, "SELECT id FROM articles WHERE published IS NOT NULL AND published < $d ORDER BY id", "$d");
            cmd.Parameters["$d"].Value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            ids = ReadStrings(cmd);
        }
        return Remove(ids);
    }

    public IReadOnlyList<string> PendingIds()
    {
        using var c = Connect();
        return ReadStrings(Command(c, null, "SELECT id FROM articles WHERE pending = 1 ORDER BY id"));
    }

    public IReadOnlyList<StoredCandidate> FindCandidates(IReadOnlyCollection<string> terms, int minSharedTerms, int maxDocumentFrequency)
    {
        if (terms.Count == 0) return [];
        using var c = Connect();
        using var tx = c.BeginTransaction(deferred: true);
        var termIds = new List<long>();
        var lookup = Command(c, tx, "SELECT term_id FROM terms WHERE term = $t AND df <= $max", "$t", "$max");
        lookup.Parameters["$max"].Value = maxDocumentFrequency;
        foreach (var t in terms)
        {
            lookup.Parameters["$t"].Value = t;
            if (lookup.ExecuteScalar() is long id) termIds.Add(id);
        }
        if (termIds.Count < minSharedTerms) return [];
        var counts = new Dictionary<long, int>();
        var postings = Command(c, tx, "SELECT article_seq FROM postings WHERE term_id = $t", "$t");
        foreach (var id in termIds)
        {
            postings.Parameters["$t"].Value = id;
            using var r = postings.ExecuteReader();
            while (r.Read())
            {
                long seq = r.GetInt64(0);
                counts[seq] = counts.GetValueOrDefault(seq) + 1;
            }
        }
        var idOf = Command(c, tx, "SELECT id FROM articles WHERE seq = $s", "$s");
        var result = new List<StoredCandidate>();
        foreach (var (seq, n) in counts)
        {
            if (n < minSharedTerms) continue;
            idOf.Parameters["$s"].Value = seq;
            if (idOf.ExecuteScalar() is string id) result.Add(new StoredCandidate(id, n));
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return result;
    }

    public IReadOnlyList<string> WithStoryPeers(IEnumerable<string> ids)
    {
        using var c = Connect();
        using var tx = c.BeginTransaction(deferred: true);
        var result = new SortedSet<string>(StringComparer.Ordinal);
        var storyOf = Command(c, tx, "SELECT story_id FROM assignments WHERE article_id = $id", "$id");
        var members = Command(c, tx, "SELECT article_id FROM assignments WHERE story_id = $s", "$s");
        var stories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            result.Add(id);
            storyOf.Parameters["$id"].Value = id;
            if (storyOf.ExecuteScalar() is string s && stories.Add(s))
            {
                members.Parameters["$s"].Value = s;
                foreach (var m in ReadStrings(members)) result.Add(m);
            }
        }
        return [.. result];
    }

    public void ReplaceAssignments(IReadOnlyCollection<string> recomputed, IReadOnlyList<StoryAssignment> assignments)
    {
        lock (_writeLock)
        {
            using var c = Connect();
            using var tx = c.BeginTransaction();
            var drop = Command(c, tx, "DELETE FROM assignments WHERE article_id = $id", "$id");
            var done = Command(c, tx, "UPDATE articles SET pending = 0 WHERE id = $id", "$id");
            foreach (var id in recomputed)
            {
                drop.Parameters["$id"].Value = id;
                drop.ExecuteNonQuery();
                done.Parameters["$id"].Value = id;
                done.ExecuteNonQuery();
            }
            var insert = Command(c, tx, """
                INSERT OR REPLACE INTO assignments(article_id, story_id, source, parent, relation, confidence, assigned_at)
                SELECT $a, $s, $src, $p, $r, $c, $t WHERE EXISTS (SELECT 1 FROM articles WHERE id = $a)
                """, "$a", "$s", "$src", "$p", "$r", "$c", "$t");
            string now = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            foreach (var a in assignments)
            {
                Set(insert, "$a", a.ArticleId);
                Set(insert, "$s", a.StoryId);
                Set(insert, "$src", a.Source);
                Set(insert, "$p", a.Parent);
                Set(insert, "$r", a.Relation);
                Set(insert, "$c", a.Confidence);
                Set(insert, "$t", now);
                insert.ExecuteNonQuery();
            }
            BumpVersion(c, tx);
            tx.Commit();
        }
    }

    /// <summary>Holds this store's write lock (SQLite serialises writers per file; this keeps a recomputation and the writes of this process apart).</summary>
    public IDisposable LockStories()
    {
        Monitor.Enter(_writeLock);
        return new WriteLockHold(_writeLock);
    }

    public long ChangeVersion()
    {
        using var c = Connect();
        return (long)Command(c, null, "SELECT v FROM store_version").ExecuteScalar()!;
    }

    public StoryAssignment? AssignmentOf(string articleId)
    {
        using var c = Connect();
        var cmd = Command(c, null, "SELECT article_id, story_id, source, parent, relation, confidence FROM assignments WHERE article_id = $id", "$id");
        cmd.Parameters["$id"].Value = articleId;
        return ReadAssignments(cmd).FirstOrDefault();
    }

    public IReadOnlyList<StoryAssignment> Story(string storyId)
    {
        using var c = Connect();
        var cmd = Command(c, null, "SELECT article_id, story_id, source, parent, relation, confidence FROM assignments WHERE story_id = $s", "$s");
        cmd.Parameters["$s"].Value = storyId;
        return ReadAssignments(cmd)
            .OrderBy(a => a.Parent == null ? 0 : 1)
            .ThenBy(a => a.ArticleId, StringComparer.Ordinal)
            .ToList();
    }

    public IReadOnlyList<StoryAssignment> AllAssignments()
    {
        using var c = Connect();
        return ReadAssignments(Command(c, null, "SELECT article_id, story_id, source, parent, relation, confidence FROM assignments ORDER BY article_id"));
    }

    /// <summary>Result of <c>PRAGMA integrity_check</c>: <c>ok</c> for a sound file.</summary>
    public string IntegrityCheck()
    {
        using var c = Connect();
        return string.Join("; ", ReadStrings(Command(c, null, "PRAGMA integrity_check")));
    }

    public long Count()
    {
        using var c = Connect();
        return (long)Command(c, null, "SELECT COUNT(*) FROM articles").ExecuteScalar()!;
    }

    public StoreStats Stats()
    {
        using var c = Connect();
        long Scalar(string sql) => (long)Command(c, null, sql).ExecuteScalar()!;
        long bytes = new[] { Path, Path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        return new StoreStats(
            Scalar("SELECT COUNT(*) FROM articles"),
            Scalar("SELECT COUNT(DISTINCT story_id) FROM assignments"),
            Scalar("SELECT COUNT(*) FROM articles WHERE pending = 1"),
            Scalar("SELECT COUNT(*) FROM terms"),
            bytes);
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; release them so the file can be moved or deleted.
        using var c = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(c);
    }

    /// <summary>A digest of what the article says and carries (not where it was read from).</summary>
    internal static string ContentHash(Article a)
    {
        var sb = new StringBuilder();
        foreach (var field in new[] { a.Title, a.Outlet, a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Url, a.Agency, a.Dateline })
        {
            sb.Append(field?.Length ?? -1).Append(':').Append(field).Append('\u0001');
        }
        sb.Append(a.Body.Start).Append(',').Append(a.Body.Length).Append(',').Append(a.OutletPrefix).Append('\u0001').Append(a.Text);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>Marks the story peers of <paramref name="ids"/> pending and drops those stories' assignments of <paramref name="ids"/>.</summary>
    private static void MarkPeersPending(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<string> ids)
    {
        var mark = Command(c, tx, """
            UPDATE articles SET pending = 1 WHERE id IN (
                SELECT p.article_id FROM assignments p JOIN assignments s ON s.story_id = p.story_id WHERE s.article_id = $id)
            """, "$id");
        foreach (var id in ids)
        {
            mark.Parameters["$id"].Value = id;
            mark.ExecuteNonQuery();
        }
    }

    /// <summary>Deletes articles by sequence number with their postings (term frequencies follow) and assignments.</summary>
    private static void DeleteBySeq(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<long> seqs)
    {
        var dec = Command(c, tx, "UPDATE terms SET df = df - 1 WHERE term_id IN (SELECT term_id FROM postings WHERE article_seq = $s)", "$s");
        var dropPostings = Command(c, tx, "DELETE FROM postings WHERE article_seq = $s", "$s");
        var dropAssignment = Command(c, tx, "DELETE FROM assignments WHERE article_id = (SELECT id FROM articles WHERE seq = $s)", "$s");
        var dropArticle = Command(c, tx, "DELETE FROM articles WHERE seq = $s", "$s");
        foreach (var s in seqs)
        {
            foreach (var cmd in new[] { dec, dropPostings, dropAssignment, dropArticle })
            {
                cmd.Parameters["$s"].Value = s;
                cmd.ExecuteNonQuery();
            }
        }
        if (seqs.Count > 0) Exec(c, "DELETE FROM terms WHERE df <= 0", tx);
    }

    private static void BumpVersion(SqliteConnection c, SqliteTransaction tx) => Exec(c, "UPDATE store_version SET v = v + 1", tx);

    /// <summary>Releases the write lock taken by <see cref="LockStories"/> once, on the thread that took it.</summary>
    private sealed class WriteLockHold(object gate) : IDisposable
    {
        private object? _gate = gate;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _gate, null) is { } g) Monitor.Exit(g);
        }
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql, params string[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var p in parameters) cmd.Parameters.Add(new SqliteParameter(p, null));
        return cmd;
    }

    private static void Set(SqliteCommand cmd, string name, object? value) => cmd.Parameters[name].Value = value ?? DBNull.Value;

    private static void Exec(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
