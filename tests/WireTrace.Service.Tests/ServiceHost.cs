using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;

namespace WireTrace.Service.Tests;

/// <summary>The service on 127.0.0.1 with a free port over a temporary index, and an HTTP client for it.</summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    private readonly string _folder;

    private ServiceHost(string folder, WebApplication app, HttpClient client)
    {
        _folder = folder;
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <param name="database">The <c>--db</c> value; null for a SQLite file in a temporary folder.</param>
    public static async Task<ServiceHost> StartAsync(long maxRequestBytes = 1024 * 1024, TimeSpan? timeout = null, string? database = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "wiretrace-service-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var app = WireTraceService.Build(new WireTraceServiceOptions(database ?? Path.Combine(folder, "service.db"), "http://127.0.0.1:0", maxRequestBytes, timeout));
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(120) };
        return new ServiceHost(folder, app, client);
    }

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static StringContent Raw(string body, string mediaType = "application/json") => new(body, Encoding.UTF8, new MediaTypeHeaderValue(mediaType));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The demo corpus as request bodies: the .txt files (id = file name) and the rows of rewrites.jsonl.</summary>
internal static class Demo
{
    public static string Folder { get; } = FindDemo();

    public static JsonArray Articles()
    {
        var array = new JsonArray();
        foreach (var file in Directory.GetFiles(Folder, "*.txt").Order(StringComparer.Ordinal))
        {
            array.Add(new JsonObject { ["id"] = Path.GetFileNameWithoutExtension(file), ["text"] = File.ReadAllText(file) });
        }
        foreach (var line in File.ReadLines(Path.Combine(Folder, "rewrites.jsonl")))
        {
            if (!string.IsNullOrWhiteSpace(line)) array.Add(JsonNode.Parse(line));
        }
        return array;
    }

    public static string Text(string id) => File.ReadAllText(Path.Combine(Folder, id + ".txt"));

    private static string FindDemo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WireTrace.slnx"))) return Path.Combine(dir.FullName, "samples", "demo");
        }
        throw new InvalidOperationException("Repository root (WireTrace.slnx) not found above " + AppContext.BaseDirectory);
    }
}

internal static class JsonBodies
{
    public static async Task<JsonElement> ReadJson(this HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
