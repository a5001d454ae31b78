using Microsoft.Data.Sqlite;

namespace WireTrace.Storage.Tests;

/// <summary>The store contract on SQLite files, and what is SQLite's own: WAL, the schema version table, integrity.</summary>
public sealed class SqliteArticleStoreTests : ArticleStoreContract
{
    private readonly TempFolder _temp = new();

    protected override IArticleStore Open(string name) => SqliteArticleStore.Open(_temp.File(name + ".db"));

    protected override void AssertSound(IArticleStore store) => Assert.Equal("ok", ((SqliteArticleStore)store).IntegrityCheck());

    public override void Dispose() => _temp.Dispose();

    [Fact]
    public void Opening_creates_a_versioned_schema_in_wal_mode()
    {
        var path = _temp.File("v.db");
        using (SqliteArticleStore.Open(path)) { }
        using (SqliteArticleStore.Open(path)) { } // a second open migrates nothing
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*), MAX(version) FROM schema_version";
        using (var r = cmd.ExecuteReader())
        {
            Assert.True(r.Read());
            Assert.Equal(1, r.GetInt64(0));
            Assert.Equal(SqliteSchema.CurrentVersion, r.GetInt64(1));
        }
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)cmd.ExecuteScalar()!);
    }

    [Fact]
    public void A_newer_schema_is_refused()
    {
        var path = _temp.File("new.db");
        using (SqliteArticleStore.Open(path)) { }
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE schema_version SET version = 99";
            cmd.ExecuteNonQuery();
        }
        var e = Assert.Throws<InvalidOperationException>(() => SqliteArticleStore.Open(path));
        Assert.Contains("99", e.Message);
    }
}
