using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace WireTrace.Evaluation.Datasets;

/// <summary>
/// One Reuters-21578 story that has a body. <see cref="Body"/> is the body with entities unescaped, control
/// characters and the "&amp;#3;" end marker removed and the trailing "Reuter" sign-off stripped; the original
/// line wrapping (about 65 columns, paragraphs indented) is kept. <see cref="Topics"/> is the TOPICS field.
/// </summary>
public sealed record ReutersStory(int NewId, DateTime? Date, string? Title, string? Dateline, string Body)
{
    /// <summary>The TOPICS categories (may be empty).</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>
    /// The body's paragraphs with the wire wrapping undone: a paragraph starts at an indented line or after a
    /// blank line; its lines are joined with single spaces and runs of whitespace collapsed.
    /// </summary>
    public IReadOnlyList<string> Paragraphs => ReutersText.Paragraphs(Body);
}

/// <summary>Helpers for Reuters-21578 wire text.</summary>
public static partial class ReutersText
{
    /// <summary>Splits a wrapped wire body into unwrapped paragraphs (see <see cref="ReutersStory.Paragraphs"/>).</summary>
    public static IReadOnlyList<string> Paragraphs(string body)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            var text = Whitespace().Replace(current.ToString(), " ").Trim();
            if (text.Length > 0) paragraphs.Add(text);
            current.Clear();
        }
        foreach (var line in body.Split('\n'))
        {
            if (line.Trim().Length == 0) { Flush(); continue; }
            if (char.IsWhiteSpace(line[0])) Flush();
            if (current.Length > 0) current.Append(' ');
            current.Append(line.Trim());
        }
        Flush();
        return paragraphs;
    }

    /// <summary>Unescapes &amp;lt; &amp;gt; &amp;amp; and numeric entities; control characters (other than tab and newline) are dropped.</summary>
    public static string Unescape(string text)
    {
        var unescaped = Entity().Replace(text, m => m.Value switch
        {
            "&lt;" => "<",
            "&gt;" => ">",
            "&amp;" => "&",
            _ when m.Groups[1].Success => int.TryParse(m.Groups[1].Value, out var code) && code is >= 32 and not 127 and <= 0xFFFF
                ? ((char)code).ToString()
                : "",
            _ => m.Value,
        });
        var sb = new StringBuilder(unescaped.Length);
        foreach (var c in unescaped.Replace("\r\n", "\n").Replace('\r', '\n'))
        {
            if (char.IsControl(c) && c is not '\n' and not '\t') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"&(?:lt|gt|amp|#(\d+));")]
    private static partial Regex Entity();
}

/// <summary>
/// Reads Reuters-21578 (folder <c>reuters21578/</c>): the 22 SGML files reut2-000.sgm ... reut2-021.sgm (not
/// valid XML; Latin-1). Streams the stories that have a &lt;BODY&gt; in file and NEWID order of appearance.
/// </summary>
public sealed partial class Reuters21578Dataset
{
    public const string FolderName = "reuters21578";
    public const int FileCount = 22;

    public Reuters21578Dataset(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>The 22 SGML file paths in order; throws <see cref="DatasetNotFoundException"/> naming the first missing one.</summary>
    public IReadOnlyList<string> Files()
    {
        DatasetFiles.RequireDirectory(Directory, "Reuters-21578");
        return Enumerable.Range(0, FileCount)
            .Select(i => DatasetFiles.RequireFile(Path.Combine(Directory, $"reut2-{i:000}.sgm"), "Reuters-21578"))
            .ToList();
    }

    /// <summary>Streams every story with a body from all 22 files.</summary>
    public IEnumerable<ReutersStory> ReadStories() => Files().SelectMany(ReadFile);

    /// <summary>Streams the stories with a body from one SGML file.</summary>
    public static IEnumerable<ReutersStory> ReadFile(string path)
    {
        DatasetFiles.RequireFile(path, "Reuters-21578");
        return Iterate(path);
    }

    private static IEnumerable<ReutersStory> Iterate(string path)
    {
        var text = File.ReadAllText(path, Encoding.Latin1);
        var position = 0;
        var line = 1;
        while (true)
        {
            var start = text.IndexOf("<REUTERS", position, StringComparison.Ordinal);
            if (start < 0) yield break;
            line += CountNewlines(text, position, start);
            var end = text.IndexOf("</REUTERS>", start, StringComparison.Ordinal);
            if (end < 0) throw new DatasetFormatException(path, line, "<REUTERS> element is not closed");
            var element = text.AsSpan(start, end - start).ToString();
            var story = Parse(element, path, line);
            if (story != null) yield return story;
            line += CountNewlines(text, start, end);
            position = end;
        }
    }

    private static int CountNewlines(string text, int from, int to) => text.AsSpan(from, to - from).Count('\n');

    internal static ReutersStory? Parse(string element, string path, int line)
    {
        var tagEnd = element.IndexOf('>');
        var newId = NewIdAttribute().Match(tagEnd > 0 ? element[..tagEnd] : element);
        if (!newId.Success) throw new DatasetFormatException(path, line, "<REUTERS> tag without NEWID");
        var body = Element(element, "BODY");
        if (body == null) return null;
        var topics = Element(element, "TOPICS") is { } t
            ? DValue().Matches(t).Select(m => m.Groups[1].Value).ToList()
            : [];
        var title = Element(element, "TITLE") is { } rawTitle ? Collapse(ReutersText.Unescape(rawTitle)) : null;
        var dateline = Element(element, "DATELINE") is { } rawDateline
            ? Collapse(ReutersText.Unescape(rawDateline)).TrimEnd('-', ' ')
            : null;
        return new ReutersStory(
            int.Parse(newId.Groups[1].Value, CultureInfo.InvariantCulture),
            ParseDate(Element(element, "DATE")),
            string.IsNullOrEmpty(title) ? null : title,
            string.IsNullOrEmpty(dateline) ? null : dateline,
            CleanBody(body))
        { Topics = topics };
    }

    private static string? Element(string element, string name)
    {
        var open = element.IndexOf("<" + name + ">", StringComparison.Ordinal);
        if (open < 0) return null;
        open += name.Length + 2;
        var close = element.IndexOf("</" + name + ">", open, StringComparison.Ordinal);
        return close < 0 ? element[open..] : element[open..close];
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Unescapes the body, drops the end marker and the trailing "Reuter" sign-off line.</summary>
    internal static string CleanBody(string raw)
    {
        var body = ReutersText.Unescape(raw).TrimEnd();
        var lastBreak = body.LastIndexOf('\n');
        var lastLine = body[(lastBreak + 1)..].Trim();
        if (SignOff().IsMatch(lastLine)) body = (lastBreak < 0 ? "" : body[..lastBreak]).TrimEnd();
        return body;
    }

    /// <summary>Parses "26-FEB-1987 15:01:01.79" (trailing garbage ignored); null when absent or unreadable.</summary>
    internal static DateTime? ParseDate(string? raw)
    {
        if (raw == null) return null;
        var m = DatePattern().Match(raw);
        if (!m.Success) return null;
        var text = $"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value} {m.Groups[4].Value}";
        return DateTime.TryParseExact(text, "d-MMM-yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    [GeneratedRegex(@"NEWID=""(\d+)""")]
    private static partial Regex NewIdAttribute();

    [GeneratedRegex(@"<D>(.*?)</D>")]
    private static partial Regex DValue();

    [GeneratedRegex(@"^reuters?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex SignOff();

    [GeneratedRegex(@"(\d{1,2})-([A-Za-z]{3})-(\d{4})\s+(\d{1,2}:\d{2}:\d{2})")]
    private static partial Regex DatePattern();
}
