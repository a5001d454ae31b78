using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireTrace.Reports.Json;
using WireTrace.Storage;

namespace WireTrace.Service;

/// <summary>
/// The WireTrace HTTP service over an index (a SQLite file or a PostgreSQL database, see <see cref="ArticleStores"/>): <c>POST /articles</c>, <c>POST /match</c>,
/// <c>GET /stories/{id}</c>, <c>GET /stories/{id}/report</c>, <c>GET /health</c> (see docs/SERVICE.md).
/// Bad input is answered with a 4xx status and a JSON body <c>{"error","detail"}</c>; writes are serialised
/// (one at a time), reads run concurrently.
/// </summary>
public static class WireTraceService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds the application (not started): call <c>RunAsync</c> or <c>StartAsync</c> on it.</summary>
    public static WebApplication Build(WireTraceServiceOptions options, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            // One byte over the limit so the service's own check answers 413 with a JSON body first.
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes + 1;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
            k.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(60);
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        builder.Services.AddRequestTimeouts(t => t.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = options.Timeout,
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            WriteTimeoutResponse = context => WriteError(context, StatusCodes.Status504GatewayTimeout, "timeout", $"the request took longer than {options.Timeout.TotalSeconds:0.###} s"),
        });

        var store = ArticleStores.Open(options.Database);
        var indexer = new StoryIndexer(store);
        var writer = new SemaphoreSlim(1, 1);

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(store.Dispose);
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (ApiException e)
            {
                await WriteError(context, e.Status, e.Error, e.Message);
            }
            catch (BadHttpRequestException e)
            {
                await WriteError(context, e.StatusCode, e.StatusCode == 413 ? "request too large" : "bad request", e.Message);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                await WriteError(context, StatusCodes.Status504GatewayTimeout, "timeout", $"the request took longer than {options.Timeout.TotalSeconds:F0} s or was aborted");
            }
            catch (Exception e)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("WireTrace.Service").LogError(e, "request failed");
                await WriteError(context, StatusCodes.Status500InternalServerError, "internal error", "the service failed on this request; see its log");
            }
        });
        app.UseRequestTimeouts();

        app.MapGet("/health", () =>
        {
            var s = store.Stats();
            return Results.Json(new { status = "ok", articles = s.Articles, stories = s.Stories, pending = s.Pending }, Json);
        });

        app.MapPost("/articles", async (HttpContext context) =>
        {
            var articles = await ArticleRequests.ReadAsync(context.Request, options.MaxRequestBytes, context.RequestAborted);
            await writer.WaitAsync(context.RequestAborted);
            try
            {
                var outcome = indexer.Add(articles);
                indexer.RecomputePending(cancellationToken: CancellationToken.None);
                var stories = articles.Select(a => (a.Id, Story: store.AssignmentOf(a.Id))).Select(x => new
                {
                    id = x.Id,
                    story = x.Story?.StoryId,
                    source = x.Story?.Source,
                    parent = x.Story?.Parent,
                    relation = x.Story?.Relation ?? "unrelated",
                });
                return Results.Json(new { added = outcome.Added, updated = outcome.Updated, unchanged = outcome.Unchanged, articles = stories }, Json);
            }
            finally
            {
                writer.Release();
            }
        });

        app.MapPost("/match", async (HttpContext context) =>
        {
            var articles = await ArticleRequests.ReadAsync(context.Request, options.MaxRequestBytes, context.RequestAborted);
            var result = indexer.Match(articles, cancellationToken: context.RequestAborted);
            var body = new MemoryStream();
            ContractJsonWriter.WriteScan(body, result.Documents, result.Stories, [], result.Similarity);
            return Results.Bytes(body.ToArray(), "application/json");
        });

        // Stories are analysed and rendered once per store version (see StoryCache).
        var storyCache = new StoryCache(indexer);
        app.MapGet("/stories/{id}", (string id) => Results.Bytes(storyCache.Read(id, s => s.Json) ?? throw UnknownStory(id), "application/json"));
        app.MapGet("/stories/{id}/report", (string id) => Results.Bytes(storyCache.Read(id, s => s.Html) ?? throw UnknownStory(id), "text/html; charset=utf-8"));

        app.MapFallback((HttpContext context) => throw new ApiException(StatusCodes.Status404NotFound, "not found", $"no endpoint {context.Request.Method} {context.Request.Path}"));
        return app;
    }

    private static ApiException UnknownStory(string id) => new(StatusCodes.Status404NotFound, "unknown story", $"no story with id '{id}'");

    private static async Task WriteError(HttpContext context, int status, string error, string detail)
    {
        if (context.Response.HasStarted) return;
        if (status != StatusCodes.Status504GatewayTimeout) context.Response.Clear();
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new ApiError(error, detail), Json);
    }
}
