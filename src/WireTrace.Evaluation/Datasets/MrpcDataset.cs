namespace WireTrace.Evaluation.Datasets;

/// <summary>The three MRPC files. <see cref="Test"/> is evaluation-only.</summary>
public enum MrpcSplit { Train, Validation, Test }

/// <summary>One MRPC sentence pair: whether annotators judged it a paraphrase, the two sentence ids and texts.</summary>
public sealed record MrpcPair(bool Paraphrase, string Id1, string Id2, string S1, string S2);

/// <summary>
/// Reads the Microsoft Research Paraphrase Corpus (folder <c>mrpc/</c>): TSV with a header line, UTF-8 with
/// BOM, split on tabs with no quote handling (sentences contain bare double quotes).
/// </summary>
public sealed class MrpcDataset
{
    public const string FolderName = "mrpc";

    public MrpcDataset(string directory) => Directory = directory;

    /// <summary>The <c>mrpc</c> folder.</summary>
    public string Directory { get; }

    /// <summary>Path of a split's file (msr-para-train.tsv, msr-para-val.tsv, msr-para-test.tsv).</summary>
    public string PathOf(MrpcSplit split) => Path.Combine(Directory, split switch
    {
        MrpcSplit.Train => "msr-para-train.tsv",
        MrpcSplit.Validation => "msr-para-val.tsv",
        MrpcSplit.Test => "msr-para-test.tsv",
        _ => throw new ArgumentOutOfRangeException(nameof(split)),
    });

    /// <summary>Streams a split's pairs. Throws <see cref="DatasetNotFoundException"/> at once if the file is absent.</summary>
    public IEnumerable<MrpcPair> Read(MrpcSplit split) => ReadFile(DatasetFiles.RequireFile(PathOf(split), "MRPC"));

    /// <summary>Streams pairs from any file in the MRPC format.</summary>
    public static IEnumerable<MrpcPair> ReadFile(string path)
    {
        DatasetFiles.RequireFile(path, "MRPC");
        return Iterate(path);
    }

    private static IEnumerable<MrpcPair> Iterate(string path)
    {
        foreach (var (number, line) in DatasetFiles.ReadLines(path))
        {
            if (number == 1 && line.StartsWith("Quality", StringComparison.Ordinal)) continue;
            if (line.Length == 0) continue;
            var fields = line.Split('\t');
            if (fields.Length != 5) throw new DatasetFormatException(path, number, $"expected 5 tab-separated fields, found {fields.Length}");
            var paraphrase = fields[0] switch
            {
                "1" => true,
                "0" => false,
                _ => throw new DatasetFormatException(path, number, $"quality '{fields[0]}' is neither 0 nor 1"),
            };
            yield return new MrpcPair(paraphrase, fields[1], fields[2], fields[3], fields[4]);
        }
    }
}
