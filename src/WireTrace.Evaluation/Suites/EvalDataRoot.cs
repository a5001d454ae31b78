using WireTrace.Evaluation.Datasets;

namespace WireTrace.Evaluation.Suites;

/// <summary>Finds the research data folder and the folders of single data sets in it.</summary>
public static class EvalDataRoot
{
    /// <summary>
    /// The data root: <paramref name="explicitPath"/> when given; else <c>WIRETRACE_DATA</c>; else the first
    /// <c>shared/data</c> holding a README.md found walking up from <paramref name="workingDirectory"/> and then
    /// from the application folder; else <c>../shared/data</c> under the working directory (which may not exist:
    /// the suites then report it as missing).
    /// </summary>
    public static string Resolve(string? explicitPath, string workingDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return Path.GetFullPath(explicitPath, workingDirectory);
        var env = Environment.GetEnvironmentVariable("WIRETRACE_DATA");
        if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env, workingDirectory);
        return SharedDataRoot.FindAbove(workingDirectory) ?? Path.GetFullPath(Path.Combine("..", "shared", "data"), workingDirectory);
    }

    /// <summary>The folder of one data set under the root.</summary>
    /// <exception cref="DatasetNotFoundException">The folder is missing; the message names it.</exception>
    public static string Require(string dataRoot, string folder, string dataset)
    {
        var path = Path.Combine(dataRoot, folder);
        if (!Directory.Exists(path)) throw new DatasetNotFoundException(path, dataset);
        return path;
    }
}
