using System.Text;

namespace WireTrace.Evaluation.Datasets;

/// <summary>
/// RFC 4180 style CSV over physical lines: comma separated, fields optionally double-quoted, "" inside quotes
/// is a quote, quoted fields may span lines (the line break inside a field becomes "\n").
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<(int Line, string[] Fields)> Read(IEnumerable<(int Number, string Text)> lines, string path)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var afterQuote = false; // a quoted field has closed; only a comma or the line end may follow
        var startLine = 0;
        var lastLine = 0;
        foreach (var (number, text) in lines)
        {
            lastLine = number;
            if (!inQuotes)
            {
                if (text.Length == 0) continue; // blank line between records
                startLine = number;
                fields.Clear();
                field.Clear();
                afterQuote = false;
            }
            else
            {
                field.Append('\n');
            }

            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                        else { inQuotes = false; afterQuote = true; }
                    }
                    else field.Append(c);
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    afterQuote = false;
                }
                else if (afterQuote)
                {
                    throw new DatasetFormatException(path, number, $"unexpected character '{c}' after a closing quote");
                }
                else if (c == '"' && field.Length == 0)
                {
                    inQuotes = true;
                }
                else field.Append(c);
            }

            if (!inQuotes)
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return (startLine, fields.ToArray());
            }
        }
        if (inQuotes) throw new DatasetFormatException(path, startLine, $"quoted field opened here is not closed by the end of the file (line {lastLine})");
    }
}

/// <summary>
/// Reads a text file line by line decoding each line as UTF-8 and, where the line is not valid UTF-8, as
/// Windows-1252. C1 control characters (U+0080-U+009F, what cp1252 punctuation becomes when mis-decoded as
/// Latin-1) are mapped to their cp1252 meaning (U+0092 becomes U+2019). A leading BOM is dropped; the
/// line break (LF, CRLF) is not part of the line.
/// </summary>
internal static class LenientTextLines
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Windows1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    public static IEnumerable<(int Number, string Text)> Read(string path)
    {
        var cp1252 = Windows1252;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new List<byte>(256);
        var number = 0;
        int b;
        while (true)
        {
            b = stream.ReadByte();
            if (b == '\n' || b < 0)
            {
                if (b < 0 && buffer.Count == 0) yield break;
                number++;
                yield return (number, Decode(buffer, number == 1, cp1252));
                buffer.Clear();
                if (b < 0) yield break;
            }
            else buffer.Add((byte)b);
        }
    }

    internal static string Decode(List<byte> bytes, bool first, Encoding cp1252)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes);
        if (first && span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        if (span.Length > 0 && span[^1] == '\r') span = span[..^1];
        string text;
        try { text = StrictUtf8.GetString(span); }
        catch (DecoderFallbackException) { text = cp1252.GetString(span); }
        return RepairC1(text, cp1252);
    }

    /// <summary>Maps C1 control characters to the character cp1252 gives their byte value.</summary>
    public static string RepairC1(string text, Encoding cp1252)
    {
        if (!text.Any(c => c is >= '\u0080' and <= '\u009F')) return text;
        var chars = text.ToCharArray();
        Span<byte> one = stackalloc byte[1];
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\u0080' and <= '\u009F')
            {
                one[0] = (byte)chars[i];
                var mapped = cp1252.GetString(one);
                if (mapped.Length == 1 && mapped[0] is not (>= '\u0080' and <= '\u009F') && mapped[0] != '?') chars[i] = mapped[0];
            }
        }
        return new string(chars);
    }
}
