using Microsoft.Data.Sqlite;

namespace WireTrace.Storage;

/// <summary>
/// The SQLite schema, created or migrated when a store is opened. <c>schema_version</c> holds one row: the
/// version of the tables. Each migration runs in its own transaction together with the version bump.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Migrations in order; index i brings the schema from version i to version i + 1.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE articles(
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            path TEXT,
            outlet TEXT,
            published TEXT,
            title TEXT,
            url TEXT,
            text TEXT NOT NULL,
            body_start INTEGER NOT NULL,
            body_length INTEGER NOT NULL,
            agency TEXT,
            dateline TEXT,
            outlet_prefix INTEGER NOT NULL,
            added_at TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            pending INTEGER NOT NULL DEFAULT 1);
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_pending ON articles(pending) WHERE pending = 1;
        CREATE TABLE terms(
            term_id INTEGER PRIMARY KEY,
            term TEXT NOT NULL UNIQUE,
            df INTEGER NOT NULL);
        CREATE TABLE postings(
            term_id INTEGER NOT NULL,
            article_seq INTEGER NOT NULL,
            PRIMARY KEY(term_id, article_seq)) WITHOUT ROWID;
        CREATE INDEX postings_by_article ON postings(article_seq);
        CREATE TABLE assignments(
            article_id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL,
            source TEXT NOT NULL,
            parent TEXT,
            relation TEXT NOT NULL,
            confidence REAL NOT NULL,
            assigned_at TEXT NOT NULL);
        CREATE INDEX assignments_by_story ON assignments(story_id);
        """,
        """
        CREATE TABLE store_version(v INTEGER NOT NULL);
        INSERT INTO store_version(v) VALUES (0);
        """,
    ];

    public static int CurrentVersion => Migrations.Length;

    public static void Migrate(SqliteConnection connection)
    {
        Exec(connection, "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)");
        using var tx = connection.BeginTransaction();
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT version FROM schema_version";
        int version = cmd.ExecuteScalar() is long v ? (int)v : 0;
        if (version > CurrentVersion)
        {
            throw new InvalidOperationException($"The database has schema version {version}; this WireTrace knows up to {CurrentVersion}. Use a newer WireTrace.");
        }
        for (int i = version; i < Migrations.Length; i++)
        {
            cmd.CommandText = Migrations[i];
            cmd.ExecuteNonQuery();
        }
        if (version < CurrentVersion)
        {
            cmd.CommandText = version == 0 ? "INSERT INTO schema_version(version) VALUES ($v)" : "UPDATE schema_version SET version = $v";
            cmd.Parameters.AddWithValue("$v", CurrentVersion);
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
