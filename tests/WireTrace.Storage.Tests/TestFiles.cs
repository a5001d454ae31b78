using System.Diagnostics;
using System.Text.Json;
using Spectre.Console;
using WireTrace.Cli;
using WireTrace.Evaluation.Datasets;
using WireTrace.Tests;

namespace WireTrace.Storage.Tests;

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wiretrace-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The CLI, in process (captured output) or as a child process.</summary>
internal static class Cli
{
    public static string RepoRoot => WireTrace.Tests.RepoPaths.Root;

    public static string Sample(params string[] parts) => System.IO.Path.Combine([RepoRoot, "samples", .. parts]);

    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var run = await WireTraceCli.RunCapturedAsync(args);
        return (run.ExitCode, run.Output, run.Error);
    }

    /// <summary>Starts <c>dotnet wiretrace.dll ARGS</c> (the build beside the tests) as a child process.</summary>
    public static Process Start(params string[] args) => Start(args, environment: null);

    /// <summary>Starts the CLI with extra environment variables.</summary>
    public static Process Start(string[] args, IReadOnlyDictionary<string, string>? environment)
    {
        var dll = System.IO.Path.Combine(AppContext.BaseDirectory, "wiretrace.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        return Process.Start(info)!;
    }

}

/// <summary>A JSONL corpus built from Reuters-21578 stories, with an excerpt copy of every tenth one (so there are stories to find).</summary>
internal static class ReutersCorpus
{
    public static int Write(string path, int originals)
    {
        var dataset = new Reuters21578Dataset(SharedData.PathTo(Reuters21578Dataset.FolderName));
        int lines = 0, n = 0;
        using var w = new StreamWriter(path);
        foreach (var story in dataset.ReadStories())
        {
            var paragraphs = story.Paragraphs;
            if (paragraphs.Count < 3 || story.Body.Length < 400) continue;
            string published = story.Date?.ToString("yyyy-MM-dd") ?? "1987-03-01";
            string text = string.Join("\n\n", paragraphs);
            w.WriteLine(JsonSerializer.Serialize(new { id = $"r{story.NewId}", title = story.Title, outlet = "Reuters", published, text }));
            lines++;
            if (n % 10 == 0)
            {
                string excerpt = string.Join("\n\n", paragraphs.Take((paragraphs.Count + 1) / 2 + 1));
                w.WriteLine(JsonSerializer.Serialize(new { id = $"r{story.NewId}-copy", title = story.Title, outlet = "Copycat", published, text = "Copycat News - " + excerpt }));
                lines++;
            }
            if (++n >= originals) break;
        }
        return lines;
    }
}
