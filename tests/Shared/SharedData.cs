namespace WireTrace.Tests;

/// <summary>
/// Finds ../shared/data (the research data sets beside the repository). Tests that need it fail with a
/// message naming where they looked, so a missing data folder is never mistaken for a pass.
/// </summary>
internal static class SharedData
{
    public static string Root { get; } = Locate();

    public static string PathTo(params string[] parts)
    {
        var path = System.IO.Path.Combine([Root, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new InvalidOperationException($"Shared data not found at {path}.");
        }
        return path;
    }

    private static string Locate()
    {
        var env = Environment.GetEnvironmentVariable("WIRETRACE_DATA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate) && File.Exists(System.IO.Path.Combine(candidate, "README.md"))) return candidate;
        }
        throw new InvalidOperationException(
            "The shared research data (../shared/data beside the repository) was not found; set WIRETRACE_DATA to its path.");
    }
}
