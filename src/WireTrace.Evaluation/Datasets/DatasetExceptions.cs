namespace WireTrace.Evaluation.Datasets;

/// <summary>Thrown when a data set file or folder is absent; names the path that was looked for.</summary>
public sealed class DatasetNotFoundException : Exception
{
    public DatasetNotFoundException(string path, string dataset)
        : base($"{dataset} data not found at '{path}'. The research data lives in ../shared/data beside the repository (see its README); set WIRETRACE_DATA to point elsewhere.")
    {
        Path = path;
        Dataset = dataset;
    }

    /// <summary>The file or folder that was expected.</summary>
    public string Path { get; }

    /// <summary>The data set's display name.</summary>
    public string Dataset { get; }
}

/// <summary>Thrown when a data set line or record does not have the expected format; names the file and line.</summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string path, int lineNumber, string problem)
        : base($"{path}({lineNumber}): {problem}")
    {
        Path = path;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>The file being read.</summary>
    public string Path { get; }

    /// <summary>1-based line number where the malformed line or record starts.</summary>
    public int LineNumber { get; }

    /// <summary>What was wrong.</summary>
    public string Problem { get; }
}

/// <summary>Existence checks shared by the readers, so every reader fails the same way.</summary>
internal static class DatasetFiles
{
    public static string RequireFile(string path, string dataset)
    {
        if (!File.Exists(path)) throw new DatasetNotFoundException(path, dataset);
        return path;
    }

    public static string RequireDirectory(string path, string dataset)
    {
        if (!Directory.Exists(path)) throw new DatasetNotFoundException(path, dataset);
        return path;
    }

    /// <summary>Streams the lines of a UTF-8 text file (BOM stripped) with 1-based line numbers.</summary>
    public static IEnumerable<(int Number, string Text)> ReadLines(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            yield return (number, line);
        }
    }

    public static double ParseScore(string text, string path, int line)
    {
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            throw new DatasetFormatException(path, line, $"score '{text}' is not a number");
        }
        return value;
    }
}

/// <summary>Finds the shared research data folder (../shared/data beside the repository).</summary>
public static class SharedDataRoot
{
    /// <summary>The first <c>shared/data</c> folder holding a README.md above <paramref name="workingDirectory"/>, then above the application folder; null when none.</summary>
    public static string? FindAbove(string workingDirectory)
    {
        foreach (var start in new[] { workingDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (File.Exists(Path.Combine(candidate, "README.md"))) return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// Returns <paramref name="explicitPath"/> when given, else WIRETRACE_DATA, else the first
    /// <c>shared/data</c> folder (holding README.md) found walking up from the current directory and from
    /// the application's base directory. Throws <see cref="DatasetNotFoundException"/> naming where it looked.
    /// </summary>
    public static string Locate(string? explicitPath = null)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return Directory.Exists(explicitPath) ? explicitPath : throw new DatasetNotFoundException(explicitPath, "Shared research");
        }
        var env = Environment.GetEnvironmentVariable("WIRETRACE_DATA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        return FindAbove(Directory.GetCurrentDirectory()) ?? throw new DatasetNotFoundException(Path.Combine(Directory.GetCurrentDirectory(), "..", "shared", "data"), "Shared research");
    }
}
