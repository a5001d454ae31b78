namespace WireTrace.Service;

/// <summary>Settings of the HTTP service.</summary>
/// <param name="Database">The index: a SQLite file (created if missing) or a PostgreSQL address (see <see cref="WireTrace.Storage.ArticleStores.Open"/>).</param>
/// <param name="Urls">Where to listen, e.g. <c>http://127.0.0.1:5080</c>; port 0 picks a free port.</param>
/// <param name="MaxRequestBytes">Largest request body; larger ones are answered 413.</param>
/// <param name="RequestTimeout">Longest time a request may run before it is cancelled (answered 504 when nothing was sent yet).</param>
public sealed record WireTraceServiceOptions(
    string Database,
    string Urls = "http://127.0.0.1:5080",
    long MaxRequestBytes = 10 * 1024 * 1024,
    TimeSpan? RequestTimeout = null)
{
    public TimeSpan Timeout => RequestTimeout ?? TimeSpan.FromSeconds(60);
}
