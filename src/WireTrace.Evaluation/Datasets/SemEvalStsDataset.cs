namespace WireTrace.Evaluation.Datasets;

/// <summary>One SemEval STS file, e.g. 2014/headlines.test.</summary>
public sealed record SemEvalStsPart(int Year, string Name, string Split, string Path)
{
    /// <summary>"year/name.split", e.g. "2012/MSRpar.train".</summary>
    public string Key => $"{Year}/{Name}.{Split}";

    /// <summary>True for the news parts: headlines, MSRpar, SMTnews, deft-news.</summary>
    public bool IsNews => Name is "headlines" or "MSRpar" or "SMTnews" or "deft-news";
}

/// <summary>One scored SemEval STS pair.</summary>
public sealed record SemEvalStsPair(double Score, string S1, string S2);

/// <summary>
/// Reads SemEval STS 2012-2016 (folder <c>semeval-sts/</c>): one folder per year, files
/// <c>&lt;name&gt;.&lt;split&gt;.tsv</c> holding <c>score TAB s1 TAB s2</c>. Pairs with an empty score are unscored and skipped.
/// </summary>
public sealed class SemEvalStsDataset
{
    public const string FolderName = "semeval-sts";

    public SemEvalStsDataset(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>Lists the available parts, ordered by year then name then split.</summary>
    public IReadOnlyList<SemEvalStsPart> Parts()
    {
        DatasetFiles.RequireDirectory(Directory, "SemEval STS");
        var parts = new List<SemEvalStsPart>();
        foreach (var yearDir in System.IO.Directory.EnumerateDirectories(Directory))
        {
            if (!int.TryParse(System.IO.Path.GetFileName(yearDir), out var year)) continue;
            foreach (var file in System.IO.Directory.EnumerateFiles(yearDir, "*.tsv"))
            {
                var stem = System.IO.Path.GetFileNameWithoutExtension(file);
                var dot = stem.LastIndexOf('.');
                if (dot <= 0) continue;
                parts.Add(new SemEvalStsPart(year, stem[..dot], stem[(dot + 1)..], file));
            }
        }
        return parts
            .OrderBy(p => p.Year)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Split, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The part with the given key ("2014/headlines.test"); throws <see cref="DatasetNotFoundException"/> if absent.</summary>
    public SemEvalStsPart Part(string key) =>
        Parts().FirstOrDefault(p => p.Key == key)
        ?? throw new DatasetNotFoundException(System.IO.Path.Combine(Directory, key + ".tsv"), "SemEval STS");

    /// <summary>Streams the scored pairs of a part (unscored pairs skipped).</summary>
    public IEnumerable<SemEvalStsPair> Read(SemEvalStsPart part) => ReadFile(part.Path);

    /// <summary>Streams the scored pairs of the part with the given key.</summary>
    public IEnumerable<SemEvalStsPair> Read(string key) => Read(Part(key));

    public static IEnumerable<SemEvalStsPair> ReadFile(string path)
    {
        DatasetFiles.RequireFile(path, "SemEval STS");
        return Iterate(path);
    }

    private static IEnumerable<SemEvalStsPair> Iterate(string path)
    {
        foreach (var (number, line) in DatasetFiles.ReadLines(path))
        {
            if (line.Length == 0) continue;
            var fields = line.Split('\t');
            if (fields.Length != 3) throw new DatasetFormatException(path, number, $"expected 3 tab-separated fields, found {fields.Length}");
            if (fields[0].Trim().Length == 0) continue;
            yield return new SemEvalStsPair(DatasetFiles.ParseScore(fields[0].Trim(), path, number), fields[1], fields[2]);
        }
    }
}
