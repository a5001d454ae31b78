using System.Text;
using System.Text.Json;

namespace WireTrace.Evaluation.Datasets;

/// <summary>
/// One ECB+ news text: document id (e.g. "1_10ecbplus.xml"), topic (1-45), subtopic ("1_ecb" / "1_ecbplus" =
/// two different real events of the same type), source url (may be null) and its sentences tokenised with spaces.
/// </summary>
public sealed record EcbPlusDocument(string DocId, int Topic, string Subtopic, string? Url, IReadOnlyList<string> Sentences)
{
    /// <summary>First topic of the evaluation-only range (topics 36-45).</summary>
    public const int FirstEvalOnlyTopic = 36;

    /// <summary>True for topics 36-45, reserved for reported numbers.</summary>
    public bool IsEvalOnly => Topic >= FirstEvalOnlyTopic;

    /// <summary>The sentences with tokenisation spaces removed (see <see cref="EcbDetokenizer"/>).</summary>
    public IReadOnlyList<string> DetokenisedSentences => Sentences.Select(s => EcbDetokenizer.Detokenize(s, Url)).ToList();

    /// <summary>The detokenised sentences, one per line.</summary>
    public string Text => string.Join("\n", DetokenisedSentences);
}

/// <summary>Reads ECB+ 1.0 as converted to <c>ecbplus/ecbplus_docs.jsonl</c> (one JSON object per line).</summary>
public sealed class EcbPlusDataset
{
    public const string FolderName = "ecbplus";
    public const string FileName = "ecbplus_docs.jsonl";

    public EcbPlusDataset(string directory) => Directory = directory;

    public string Directory { get; }

    public string FilePath => Path.Combine(Directory, FileName);

    /// <summary>Streams all 982 documents. Throws <see cref="DatasetNotFoundException"/> at once if the file is absent.</summary>
    public IEnumerable<EcbPlusDocument> Read() => ReadFile(FilePath);

    public static IEnumerable<EcbPlusDocument> ReadFile(string path)
    {
        DatasetFiles.RequireFile(path, "ECB+");
        return Iterate(path);
    }

    private static IEnumerable<EcbPlusDocument> Iterate(string path)
    {
        foreach (var (number, line) in DatasetFiles.ReadLines(path))
        {
            if (line.Trim().Length == 0) continue;
            EcbPlusDocument doc;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var sentences = root.GetProperty("sentences").EnumerateArray().Select(s => s.GetString() ?? "").ToList();
                var url = root.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                doc = new EcbPlusDocument(
                    root.GetProperty("doc").GetString() ?? throw new FormatException("doc is null"),
                    root.GetProperty("topic").GetInt32(),
                    root.GetProperty("subtopic").GetString() ?? throw new FormatException("subtopic is null"),
                    url,
                    sentences);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new DatasetFormatException(path, number, "malformed ECB+ record: " + e.Message);
            }
            yield return doc;
        }
    }
}

/// <summary>
/// Joins space-separated tokens back into text: no space before , . ; : ! ? % ) ] and clitics ('s n't 're ...),
/// none after ( [ $ and opening quotes, hyphens and slashes glued between word characters, `` and '' become
/// “ and ”, straight quotes alternate between opening and closing. A sentence that is the tokenised url is
/// returned as the url.
/// </summary>
public static class EcbDetokenizer
{
    private static readonly HashSet<string> NoSpaceBefore = new(StringComparer.Ordinal)
    {
        ",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "”", "’", "''", "...",
        "'s", "'S", "n't", "N'T", "'re", "'ve", "'m", "'ll", "'d", "'RE", "'VE", "'M", "'LL", "'D",
    };

    private static readonly HashSet<string> NoSpaceAfter = new(StringComparer.Ordinal) { "(", "[", "{", "“", "‘", "``", "$", "#" };

    public static string Detokenize(string tokenised, string? url = null)
    {
        if (url != null && tokenised.Replace(" ", "", StringComparison.Ordinal) == url) return url;
        var tokens = tokenised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sb = new StringBuilder(tokenised.Length);
        var glueNext = true; // no space before the first token
        var doubleOpen = false;
        var singleOpen = false;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var glueBefore = NoSpaceBefore.Contains(token);
            var glueAfter = NoSpaceAfter.Contains(token);
            var output = token switch { "``" => "“", "''" => "”", _ => token };
            if (token == "\"" || token == "'")
            {
                ref var open = ref token == "\"" ? ref doubleOpen : ref singleOpen;
                if (open) glueBefore = true; else glueAfter = true;
                open = !open;
            }
            else if ((token == "-" || token == "/") && i > 0 && i + 1 < tokens.Length
                     && char.IsLetterOrDigit(tokens[i - 1][^1]) && char.IsLetterOrDigit(tokens[i + 1][0]))
            {
                glueBefore = true;
                glueAfter = true;
            }
            if (!glueNext && !glueBefore) sb.Append(' ');
            sb.Append(output);
            glueNext = glueAfter;
        }
        return sb.ToString();
    }
}
