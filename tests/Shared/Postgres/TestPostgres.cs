using Npgsql;
using WireTrace.Storage;

namespace WireTrace.Tests;

/// <summary>
/// The PostgreSQL server of the test run: <c>WIRETRACE_TEST_POSTGRES</c> (a <c>postgres://</c> URI of a server whose
/// user may create databases), set by <c>scripts/with-postgres</c>, which <c>scripts/test</c> runs under. Each test
/// gets a fresh database of its own. Without the variable the tests fail under CI (<c>CI=true</c>) and are skipped
/// with the reason elsewhere.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "WIRETRACE_TEST_POSTGRES";

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } v ? v : null;

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string Missing => $"{Variable} is not set: run 'bash scripts/test' (it starts a throwaway server) or 'bash scripts/with-postgres dotnet test ...'.";

    /// <summary>Why PostgreSQL tests are skipped here, or null when they run (a server is given, or this is CI, where they must run).</summary>
    public static string? SkipReason => Server == null && !InCi ? Missing : null;

    /// <summary>Creates an empty database; dispose the result to drop it.</summary>
    public static TestDatabase CreateDatabase(string label = "t")
    {
        var server = Server ?? throw new InvalidOperationException(Missing);
        string name = $"wt_{label.ToLowerInvariant()}_{Guid.NewGuid():N}";
        if (name.Length > 63) name = name[..63]; // PostgreSQL's identifier limit
        using (var c = new NpgsqlConnection(PostgresAddress.ToConnectionString(server)))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c);
            cmd.ExecuteNonQuery();
        }
        var uri = new UriBuilder(server) { Path = "/" + name }.Uri.ToString();
        return new TestDatabase(server, name, uri);
    }
}

/// <summary>A database created for one test; dropped (with any connection still open to it) on dispose.</summary>
internal sealed class TestDatabase(string server, string name, string uri) : IDisposable
{
    public string Name { get; } = name;

    /// <summary><c>postgres://user@host:port/NAME</c>: a <c>--db</c> value.</summary>
    public string Uri { get; } = uri;

    public NpgsqlConnection Connect()
    {
        var c = new NpgsqlConnection(PostgresAddress.ToConnectionString(Uri) + ";Pooling=false");
        c.Open();
        return c;
    }

    public long Scalar(string sql)
    {
        using var c = Connect();
        using var cmd = new NpgsqlCommand(sql, c);
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    public void Dispose()
    {
        try
        {
            using var c = new NpgsqlConnection(PostgresAddress.ToConnectionString(server) + ";Pooling=false");
            c.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", c);
            cmd.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The server is gone (the run is ending); its folder is removed with it.
        }
    }
}

/// <summary>A test that needs the PostgreSQL server: skipped with the reason when none is given outside CI.</summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = TestPostgres.SkipReason;
    }
}
