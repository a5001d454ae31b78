namespace WireTrace.Core.Tests.Text.Stemming;

/// <summary>Loads the sample of the Snowball English test vocabulary shipped beside the tests.</summary>
internal static class SnowballVectors
{
    private static readonly Lazy<IReadOnlyList<(string Word, string Stem)>> Pairs = new(Load);

    public static IReadOnlyList<(string Word, string Stem)> All => Pairs.Value;

    private static IReadOnlyList<(string Word, string Stem)> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Text", "Stemming", "Data", "snowball-english-sample.txt");
        var pairs = new List<(string, string)>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var tab = line.IndexOf('\t');
            if (tab < 0) throw new InvalidDataException($"Malformed vector line: {line}");
            pairs.Add((line[..tab], line[(tab + 1)..]));
        }
        return pairs;
    }
}
