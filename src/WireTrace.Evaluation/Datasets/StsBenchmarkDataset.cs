namespace WireTrace.Evaluation.Datasets;

/// <summary>The three STS Benchmark files. <see cref="Test"/> is evaluation-only.</summary>
public enum StsSplit { Train, Dev, Test }

/// <summary>One STS Benchmark pair with its gold similarity (0-5).</summary>
public sealed record StsPair(string Genre, double Score, string S1, string S2)
{
    /// <summary>Source file column (e.g. MSRvid, headlines).</summary>
    public string File { get; init; } = "";

    /// <summary>Year column (e.g. 2012test).</summary>
    public string Year { get; init; } = "";

    /// <summary>Pair id column.</summary>
    public string PairId { get; init; } = "";
}

/// <summary>
/// Reads the STS Benchmark (folder <c>stsbenchmark/</c>): tab separated genre, file, year, id, score, s1, s2;
/// some lines carry two extra fields (source attributions), which are ignored. No header, no quote handling.
/// </summary>
public sealed class StsBenchmarkDataset
{
    public const string FolderName = "stsbenchmark";

    public StsBenchmarkDataset(string directory) => Directory = directory;

    public string Directory { get; }

    public string PathOf(StsSplit split) => Path.Combine(Directory, split switch
    {
        StsSplit.Train => "sts-train.csv",
        StsSplit.Dev => "sts-dev.csv",
        StsSplit.Test => "sts-test.csv",
        _ => throw new ArgumentOutOfRangeException(nameof(split)),
    });

    /// <summary>Streams a split's pairs. Throws <see cref="DatasetNotFoundException"/> at once if the file is absent.</summary>
    public IEnumerable<StsPair> Read(StsSplit split) => ReadFile(PathOf(split));

    public static IEnumerable<StsPair> ReadFile(string path)
    {
        DatasetFiles.RequireFile(path, "STS Benchmark");
        return Iterate(path);
    }

    private static IEnumerable<StsPair> Iterate(string path)
    {
        foreach (var (number, line) in DatasetFiles.ReadLines(path))
        {
            if (line.Length == 0) continue;
            var fields = line.Split('\t');
            if (fields.Length < 7) throw new DatasetFormatException(path, number, $"expected at least 7 tab-separated fields, found {fields.Length}");
            var score = DatasetFiles.ParseScore(fields[4], path, number);
            yield return new StsPair(fields[0], score, fields[5], fields[6]) { File = fields[1], Year = fields[2], PairId = fields[3] };
        }
    }
}
