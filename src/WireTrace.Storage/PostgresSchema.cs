using Npgsql;

namespace WireTrace.Storage;

/// <summary>
/// The PostgreSQL schema, created or migrated when a store is opened. <c>schema_version</c> holds one row; the
/// migration runs in one transaction under an advisory lock, so processes opening the same database at once
/// migrate it once.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>Advisory lock key (any constant) serialising migrations.</summary>
    private const long MigrationLock = 0x5769_7265_5472_0001;

    /// <summary>Migrations in order; index i brings the schema from version i to version i + 1.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE articles(
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id text NOT NULL UNIQUE,
            path text,
            outlet text,
            published date,
            title text,
            url text,
            text text NOT NULL,
            body_start integer NOT NULL,
            body_length integer NOT NULL,
            agency text,
            dateline text,
            outlet_prefix boolean NOT NULL,
            added_at timestamptz NOT NULL DEFAULT now(),
            content_hash text NOT NULL,
            pending boolean NOT NULL DEFAULT true,
            prepared boolean NOT NULL,
            claimed_by text,
            claimed_until timestamptz,
            prepared_by text,
            prepared_at timestamptz,
            prepare_count integer NOT NULL DEFAULT 0);
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_pending ON articles(id) WHERE pending;
        CREATE INDEX articles_queued ON articles(seq) WHERE NOT prepared;
        CREATE TABLE terms(
            term_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            term text NOT NULL UNIQUE,
            df integer NOT NULL);
        CREATE TABLE postings(
            term_id bigint NOT NULL,
            article_seq bigint NOT NULL,
            PRIMARY KEY(term_id, article_seq));
        CREATE INDEX postings_by_article ON postings(article_seq);
        CREATE TABLE assignments(
            article_id text PRIMARY KEY,
            story_id text NOT NULL,
            source text NOT NULL,
            parent text,
            relation text NOT NULL,
            confidence double precision NOT NULL,
            assigned_at timestamptz NOT NULL DEFAULT now());
        CREATE INDEX assignments_by_story ON assignments(story_id);
        CREATE TABLE store_version(v bigint NOT NULL);
        INSERT INTO store_version(v) VALUES (0);
        """,
    ];

    public static int CurrentVersion => Migrations.Length;

    public static void Migrate(NpgsqlConnection connection)
    {
        using var tx = connection.BeginTransaction();
        using var cmd = new NpgsqlCommand { Connection = connection, Transaction = tx };
        cmd.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLock}); CREATE TABLE IF NOT EXISTS schema_version(version integer NOT NULL)";
        cmd.ExecuteNonQuery();
        cmd.CommandText = "SELECT version FROM schema_version";
        int version = cmd.ExecuteScalar() is int v ? v : 0;
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
            cmd.CommandText = version == 0 ? "INSERT INTO schema_version(version) VALUES (@v)" : "UPDATE schema_version SET version = @v";
            cmd.Parameters.AddWithValue("v", CurrentVersion);
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }
}
