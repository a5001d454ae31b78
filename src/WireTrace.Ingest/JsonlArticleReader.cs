using System.Text.Json;

namespace WireTrace.Ingest;

/// <summary>
/// Reads a JSONL file line by line (one JSON object per line: <c>id</c>, <c>text</c> required strings;
/// <c>title</c>, <c>outlet</c>, <c>published</c>, <c>url</c> optional). Only one line is held in memory.
/// Each bad line becomes one <see cref="InputSkipped"/> and reading goes on.
/// </summary>
internal static class JsonlArticleReader
{
    public static IEnumerable<IngestItem> Read(InputFile file, CorpusReaderOptions options, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (Utf8Text.BinaryReason(Utf8Text.Sniff(stream)) is { } binary)
        {
            yield return Skip(file, null, binary);
            yield break;
        }
        using var lines = new ByteLineReader(stream, MaxLineBytes(options));
        var sawContent = false;
        while (lines.TryReadLine(out var line))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (line.TooLong)
            {
                sawContent = true;
                yield return Skip(file, line.Number, $"line is longer than {options.MaxRowChars:N0} characters");
                continue;
            }
            if (Utf8Text.IsWhiteSpace(line.Bytes.Span)) continue;
            sawContent = true;
            yield return ReadLine(file, line, options);
        }
        if (!sawContent) yield return Skip(file, null, "empty file");
    }

    /// <summary>A UTF-16 code unit takes at most 3 UTF-8 bytes, so a longer line surely exceeds the character limit.</summary>
    internal static int MaxLineBytes(CorpusReaderOptions options) => (int)Math.Min(Array.MaxLength, 3L * options.MaxRowChars);

    private static IngestItem ReadLine(InputFile file, RawLine line, CorpusReaderOptions options)
    {
        if (!Utf8Text.TryDecode(line.Bytes.Span, out var json, out var bad))
        {
            return Skip(file, line.Number, $"invalid UTF-8 at byte offset {line.ByteOffset + bad:N0}");
        }
        if (json.Length > options.MaxRowChars) return Skip(file, line.Number, $"line is longer than {options.MaxRowChars:N0} characters");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return Skip(file, line.Number, $"malformed JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Skip(file, line.Number, $"the JSON value is {Describe(root.ValueKind)}, not an object");
            }
            string? id = null, text = null, title = null, outlet = null, published = null, url = null;
            foreach (var property in root.EnumerateObject())
            {
                ref var slot = ref Slot(property.Name, ref id, ref text, ref title, ref outlet, ref published, ref url, out var known);
                if (!known) continue;
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        slot = property.Value.GetString();
                        break;
                    case JsonValueKind.Null:
                        slot = null;
                        break;
                    default:
                        return Skip(file, line.Number, $"field \"{property.Name}\" must be a string, not {Describe(property.Value.ValueKind)}");
                }
            }
            return Build(file, line.Number, id, text, title, outlet, published, url);
        }
    }

    /// <summary>Shared by JSONL and CSV: checks required fields and builds the article.</summary>
    internal static IngestItem Build(InputFile file, int line, string? id, string? text, string? title, string? outlet, string? published, string? url)
    {
        if (string.IsNullOrWhiteSpace(id)) return Skip(file, line, id is null ? "missing \"id\"" : "empty \"id\"");
        if (text is null) return Skip(file, line, "missing \"text\"");
        if (string.IsNullOrWhiteSpace(text)) return Skip(file, line, "empty \"text\"");
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(published))
        {
            if (!ArticleFields.TryParsePublished(published, out var parsed))
            {
                return Skip(file, line, $"\"published\" is not an ISO date or date-time: \"{Shorten(published)}\"");
            }
            date = parsed;
        }
        var fields = new ArticleFields(NullIfBlank(title), NullIfBlank(outlet), date, NullIfBlank(url));
        return new ArticleRead(fields.Build(id.Trim(), $"{file.Path}:{line}", text));
    }

    private static ref string? Slot(string name, ref string? id, ref string? text, ref string? title, ref string? outlet,
        ref string? published, ref string? url, out bool known)
    {
        known = true;
        if (name.Equals("id", StringComparison.OrdinalIgnoreCase)) return ref id;
        if (name.Equals("text", StringComparison.OrdinalIgnoreCase)) return ref text;
        if (name.Equals("title", StringComparison.OrdinalIgnoreCase)) return ref title;
        if (name.Equals("outlet", StringComparison.OrdinalIgnoreCase)) return ref outlet;
        if (name.Equals("published", StringComparison.OrdinalIgnoreCase)) return ref published;
        if (name.Equals("url", StringComparison.OrdinalIgnoreCase)) return ref url;
        known = false;
        return ref id;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    internal static InputSkipped Skip(InputFile file, int? line, string reason) => new(new SkippedInput(file.Path, line, reason));
}
