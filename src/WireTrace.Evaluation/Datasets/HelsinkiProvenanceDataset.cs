namespace WireTrace.Evaluation.Datasets;

/// <summary>The article sets of the Provenance project data.</summary>
public enum HelsinkiSet
{
    /// <summary>helsinki_articles.csv: 612 articles about the July 2018 Helsinki summit.</summary>
    Helsinki,
    /// <summary>census_articles.csv: 32 articles.</summary>
    Census,
    /// <summary>spotify_articles.csv: 36 articles.</summary>
    Spotify,
}

/// <summary>One scraped article; <see cref="Text"/> keeps the original " ### " paragraph separators.</summary>
public sealed record HelsinkiArticle(string Id, string Publisher, string ScrapeTime, string Text)
{
    public const string ParagraphSeparator = " ### ";

    /// <summary>The paragraphs (Text split on " ### ").</summary>
    public IReadOnlyList<string> Paragraphs => Text.Split(ParagraphSeparator);

    /// <summary>The paragraphs joined by blank lines, as a reader would see the article.</summary>
    public string PlainText => string.Join("\n\n", Paragraphs.Select(p => p.Trim()).Where(p => p.Length > 0));
}

/// <summary>
/// Reads the Provenance project's scraped articles (folder <c>provenance-helsinki/</c>): CSV with header
/// id,publisher,scrape_time,text, UTF-8, quoted fields.
/// </summary>
public sealed class HelsinkiProvenanceDataset
{
    public const string FolderName = "provenance-helsinki";

    public HelsinkiProvenanceDataset(string directory) => Directory = directory;

    public string Directory { get; }

    public string PathOf(HelsinkiSet set) => Path.Combine(Directory, set switch
    {
        HelsinkiSet.Helsinki => "helsinki_articles.csv",
        HelsinkiSet.Census => "census_articles.csv",
        HelsinkiSet.Spotify => "spotify_articles.csv",
        _ => throw new ArgumentOutOfRangeException(nameof(set)),
    });

    /// <summary>Streams a set's articles. Throws <see cref="DatasetNotFoundException"/> at once if the file is absent.</summary>
    public IEnumerable<HelsinkiArticle> Read(HelsinkiSet set = HelsinkiSet.Helsinki) => ReadFile(PathOf(set));

    public static IEnumerable<HelsinkiArticle> ReadFile(string path)
    {
        DatasetFiles.RequireFile(path, "Provenance (Helsinki)");
        return Iterate(path);
    }

    private static IEnumerable<HelsinkiArticle> Iterate(string path)
    {
        var first = true;
        foreach (var (line, fields) in CsvRecords.Read(DatasetFiles.ReadLines(path), path))
        {
            if (first)
            {
                first = false;
                if (fields.Length == 4 && fields[0] == "id" && fields[3] == "text") continue;
                throw new DatasetFormatException(path, line, "expected the header id,publisher,scrape_time,text");
            }
            if (fields.Length != 4) throw new DatasetFormatException(path, line, $"expected 4 CSV fields, found {fields.Length}");
            yield return new HelsinkiArticle(fields[0], fields[1], fields[2], fields[3]);
        }
    }
}
