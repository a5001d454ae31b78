using Spectre.Console;

namespace WireTrace.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, as a user would run it with redirected output.</summary>
internal static class CliRunner
{
    public static string RepoRoot => WireTrace.Tests.RepoPaths.Root;

    public static string Sample(params string[] parts) => Path.Combine([RepoRoot, "samples", .. parts]);

    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var run = await WireTraceCli.RunCapturedAsync(args);
        return (run.ExitCode, run.Output, run.Error);
    }

}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wiretrace-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string content)
    {
        var p = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(p, content);
        return p;
    }

    public string File(string name, byte[] content)
    {
        var p = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(p, content);
        return p;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
