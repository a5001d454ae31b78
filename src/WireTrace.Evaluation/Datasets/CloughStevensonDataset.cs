namespace WireTrace.Evaluation.Datasets;

/// <summary>How an answer was derived from its source text, as labelled by Clough &amp; Stevenson.</summary>
public enum DerivationDegree
{
    NonDerived = 0,
    HeavyRevision = 1,
    LightRevision = 2,
    CutAndPaste = 3,
}

/// <summary>One short answer, the full Wikipedia source text it was (or was not) derived from, and its label (0-3).</summary>
public sealed record CloughStevensonAnswer(string Answer, string Source, int Label)
{
    public DerivationDegree Degree => (DerivationDegree)Label;
}

/// <summary>
/// Reads the Clough &amp; Stevenson corpus of plagiarised short answers (folder <c>clough-stevenson/</c>, evaluation
/// only): CSV without header, columns answer, source, label; the source column holds the whole source text
/// (5 distinct Wikipedia texts). UTF-8 with BOM, quoted fields with CRLF/LF line breaks (normalised to "\n"),
/// and cp1252 punctuation that appears as C1 controls or invalid bytes (repaired; see <see cref="LenientTextLines"/>).
/// </summary>
public sealed class CloughStevensonDataset
{
    public const string FolderName = "clough-stevenson";
    public const string FileName = "plagiarism-clough-stevenson.csv";

    public CloughStevensonDataset(string directory) => Directory = directory;

    public string Directory { get; }

    public string FilePath => Path.Combine(Directory, FileName);

    /// <summary>Streams the 95 answers. Throws <see cref="DatasetNotFoundException"/> at once if the file is absent.</summary>
    public IEnumerable<CloughStevensonAnswer> Read() => ReadFile(FilePath);

    public static IEnumerable<CloughStevensonAnswer> ReadFile(string path)
    {
        DatasetFiles.RequireFile(path, "Clough & Stevenson");
        return Iterate(path);
    }

    private static IEnumerable<CloughStevensonAnswer> Iterate(string path)
    {
        foreach (var (line, fields) in CsvRecords.Read(LenientTextLines.Read(path), path))
        {
            if (fields.Length != 3) throw new DatasetFormatException(path, line, $"expected 3 CSV fields, found {fields.Length}");
            if (line == 1 && fields[2] == "label") continue; // tolerate a header
            if (!int.TryParse(fields[2].Trim(), out var label) || label is < 0 or > 3)
            {
                throw new DatasetFormatException(path, line, $"label '{fields[2]}' is not 0-3");
            }
            yield return new CloughStevensonAnswer(Normalise(fields[0]), Normalise(fields[1]), label);
        }
    }

    private static string Normalise(string field) => field.Replace("\r", "\n");
}
