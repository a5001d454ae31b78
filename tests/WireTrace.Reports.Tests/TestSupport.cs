using Spectre.Console;
using WireTrace.Cli;

namespace WireTrace.Reports.Tests;

/// <summary>Paths of the repository and a way to run the CLI in-process with captured output.</summary>
internal static class Repo
{
    public static string Root => WireTrace.Tests.RepoPaths.Root;

    public static string PathTo(params string[] parts) => Path.Combine([Root, .. parts]);

    public static async Task<(int Exit, string Out, string Err)> RunCliAsync(params string[] args)
    {
        var run = await WireTraceCli.RunCapturedAsync(args);
        return (run.ExitCode, run.Output, run.Error);
    }

}

/// <summary>
/// The real outputs on the demo corpus, made once per test run through the CLI: <c>scan samples/demo --json --html</c>
/// and <c>compare</c> of the partial rewrite with its source.
/// </summary>
public sealed class DemoOutputs : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "wiretrace-reports-" + Guid.NewGuid().ToString("N"));
    public string ScanJson => Path.Combine(Folder, "scan.json");
    public string ScanHtml => Path.Combine(Folder, "scan.html");
    public string CompareJson => Path.Combine(Folder, "compare.json");
    public string CompareHtml => Path.Combine(Folder, "compare.html");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        var scan = await Repo.RunCliAsync("scan", Repo.PathTo("samples", "demo"), "--json", ScanJson, "--html", ScanHtml, "--quiet");
        if (scan.Exit != 0) throw new InvalidOperationException($"scan failed ({scan.Exit}): {scan.Err}");
        var compare = await Repo.RunCliAsync("compare", Repo.PathTo("samples", "demo", "afp-flood-source.txt"), Repo.PathTo("samples", "demo", "rewrites.jsonl") + "#partial-rewrite",
            "--json", CompareJson, "--html", CompareHtml);
        if (compare.Exit != 0) throw new InvalidOperationException($"compare failed ({compare.Exit}): {compare.Err}");
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoOutputs>
{
    public const string Name = "demo outputs";
}
