using System.Net.Sockets;
using Npgsql;

namespace WireTrace.Storage;

/// <summary>
/// Opens the store named by a <c>--db</c> value: a <c>postgres://</c> or <c>postgresql://</c> URI, or an Npgsql
/// connection string (<c>Host=...;Database=...</c>), selects PostgreSQL; anything else is a SQLite file path.
/// </summary>
public static class ArticleStores
{
    /// <summary>Opens (creating or migrating) the store; <see cref="StoreUnavailableException"/> with a one-line reason when it cannot.</summary>
    public static IArticleStore Open(string db)
    {
        if (!PostgresAddress.IsPostgres(db)) return SqliteArticleStore.Open(db);
        string connectionString;
        try
        {
            connectionString = PostgresAddress.ToConnectionString(db);
        }
        catch (ArgumentException e)
        {
            throw new StoreUnavailableException($"invalid PostgreSQL address '{PostgresAddress.Redact(db)}': {e.Message}", e);
        }
        return PostgresArticleStore.Open(connectionString);
    }

    /// <summary>Whether <paramref name="db"/> names a PostgreSQL database rather than a SQLite file.</summary>
    public static bool IsPostgres(string db) => PostgresAddress.IsPostgres(db);
}

/// <summary>A store that cannot be opened (server unreachable, login refused, no such database): the message is one line for the user.</summary>
public sealed class StoreUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>PostgreSQL addresses: URIs to Npgsql connection strings, and descriptions without passwords.</summary>
public static class PostgresAddress
{
    /// <summary>URI query parameters understood (libpq names) and the Npgsql keys they set.</summary>
    private static readonly Dictionary<string, string> QueryKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["options"] = "Options",
        ["search_path"] = "Search Path",
        ["pooling"] = "Pooling",
        ["maximum_pool_size"] = "Maximum Pool Size",
    };

    public static bool IsPostgres(string db)
    {
        var s = db.Trim();
        if (s.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)) return true;
        // An Npgsql connection string names its server: "Host=..." (or "Server=") among its key=value parts.
        return s.Contains('=') && s.Split(';').Any(part =>
        {
            var key = part.Split('=', 2)[0].Trim();
            return key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase);
        });
    }

    /// <summary>The Npgsql connection string for a URI (<c>postgres://user:password@host:port/database?sslmode=...</c>) or a connection string.</summary>
    public static string ToConnectionString(string db)
    {
        var s = db.Trim();
        if (!s.Contains("://", StringComparison.Ordinal)) return new NpgsqlConnectionStringBuilder(s).ConnectionString;
        if (!Uri.TryCreate(s, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"'{Redact(s)}' is not a PostgreSQL URI like postgres://user:password@host:5432/database.");
        }
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/')) is { Length: > 0 } name ? name : null,
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            if (!QueryKeys.TryGetValue(key, out var npgsqlKey))
            {
                throw new ArgumentException($"unknown PostgreSQL URI parameter '{key}' (known: {string.Join(", ", QueryKeys.Keys)}).");
            }
            b[npgsqlKey] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return b.ConnectionString;
    }

    /// <summary><c>postgres://user@host:port/database</c> (no password) for messages.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder b)
        => $"postgres://{(string.IsNullOrEmpty(b.Username) ? "" : b.Username + "@")}{b.Host}:{b.Port}/{b.Database ?? b.Username ?? ""}";

    /// <summary>A <c>--db</c> value for messages: the password of a URI or connection string replaced by <c>***</c>.</summary>
    public static string Redact(string db)
    {
        if (db.Contains("://", StringComparison.Ordinal))
        {
            return System.Text.RegularExpressions.Regex.Replace(db, "://([^:/@]*):[^@]*@", "://$1:***@");
        }
        return System.Text.RegularExpressions.Regex.Replace(db, "(?i)(password|pwd)\\s*=[^;]*", "$1=***");
    }

    /// <summary>One line saying why a connection failed, without the stack.</summary>
    internal static string Reason(Exception e) => e switch
    {
        PostgresException p => $"{p.MessageText} ({p.SqlState})",
        NpgsqlException { InnerException: SocketException s } => s.Message,
        NpgsqlException { InnerException: TimeoutException } => "the server did not answer in time",
        NpgsqlException { InnerException: { } inner } => inner.Message,
        _ => e.Message,
    };
}
