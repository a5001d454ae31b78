using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using WireTrace.Tests;
using Xunit.Abstractions;

namespace WireTrace.Service.Tests;

/// <summary>
/// A bounded load run on loopback: a fixed number of requests from a few concurrent clients against an index
/// holding the demo corpus and filler articles, then stop. Records throughput and p50/p99 latency per endpoint
/// (printed, and written to <c>$TMP/wiretrace-service-load.txt</c>, <c>-postgres.txt</c> for PostgreSQL); fails on any error answer.
/// </summary>
public sealed class LoadRunTests(ITestOutputHelper output)
{
    private const int Clients = 8;
    private const int RequestsPerEndpoint = 100;

    [Fact]
    public async Task Bounded_load_run_has_no_errors_and_reports_latencies()
    {
        await LoadRun(null, "wiretrace-service-load.txt", "SQLite");
    }

    [PostgresFact]
    public async Task Bounded_load_run_on_postgres_has_no_errors_and_reports_latencies()
    {
        using var db = TestPostgres.CreateDatabase("load");
        await LoadRun(db.Uri, "wiretrace-service-load-postgres.txt", "PostgreSQL");
    }

    private async Task LoadRun(string? database, string reportFile, string storeName)
    {
        await using var host = await ServiceHost.StartAsync(database: database);
        var client = host.Client;
        var seed = Demo.Articles();
        for (int i = 0; i < 200; i++) seed.Add(new JsonObject { ["id"] = $"filler-{i}", ["text"] = Synthetic.Text(i) });
        Assert.True((await client.PostAsync("/articles", ServiceHost.Json(seed))).IsSuccessStatusCode);

        string match = new JsonObject { ["id"] = "q", ["text"] = Demo.Text("excerpt") }.ToJsonString();
        var endpoints = new (string Name, Func<int, Task<HttpResponseMessage>> Send)[]
        {
            ("GET /health", _ => client.GetAsync("/health")),
            ("GET /stories/{id}", _ => client.GetAsync("/stories/afp-flood-source")),
            ("POST /match", _ => client.PostAsync("/match", ServiceHost.Raw(match))),
            ("POST /articles", i => client.PostAsync("/articles", ServiceHost.Json(new JsonObject { ["id"] = $"new-{i}", ["text"] = Synthetic.Text(100_000 + i) }))),
        };
        var report = new List<string> { $"{storeName}: {Clients} clients, {RequestsPerEndpoint} requests per endpoint, index of {seed.Count} articles, loopback, {Environment.ProcessorCount} cores" };
        foreach (var (name, send) in endpoints)
        {
            var latencies = new ConcurrentBag<double>();
            var failures = new ConcurrentBag<string>();
            int next = 0;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) <= RequestsPerEndpoint)
                {
                    var t = Stopwatch.StartNew();
                    using var r = await send(i);
                    await r.Content.ReadAsByteArrayAsync();
                    latencies.Add(t.Elapsed.TotalMilliseconds);
                    if (!r.IsSuccessStatusCode) failures.Add($"{(int)r.StatusCode}");
                }
            })));
            clock.Stop();
            Assert.Empty(failures);
            var sorted = latencies.Order().ToArray();
            report.Add($"{name,-20} {RequestsPerEndpoint / clock.Elapsed.TotalSeconds,8:F1} req/s   p50 {Percentile(sorted, 0.50),8:F1} ms   p99 {Percentile(sorted, 0.99),8:F1} ms");
        }
        foreach (var line in report) output.WriteLine(line);
        File.WriteAllLines(Path.Combine(Path.GetTempPath(), reportFile), report);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
