using System.Text;

namespace WireTrace.Ingest;

/// <summary>One CSV record: its fields, or why it could not be read; <see cref="Line"/> is the physical line where it starts.</summary>
internal readonly record struct CsvRecord(int Line, IReadOnlyList<string>? Fields, string? Error);

/// <summary>
/// A streaming RFC 4180 parser: comma-separated fields, double-quoted fields that may hold commas, line breaks
/// and doubled quotes (<c>""</c>). Records are read one at a time from physical lines; a quoted line break is
/// kept as <c>\n</c>. Lenient where RFC 4180 is silent: a quote inside an unquoted field is kept as text, and
/// text after a closing quote is appended to the field.
/// </summary>
internal sealed class CsvRecordReader(ByteLineReader lines, int maxRecordChars)
{
    private readonly StringBuilder _field = new();

    public bool TryRead(out CsvRecord record)
    {
        if (!lines.TryReadLine(out var line))
        {
            record = default;
            return false;
        }
        var start = line.Number;
        var fields = new List<string>();
        var inQuotes = false;
        var chars = 0;
        _field.Clear();
        while (true)
        {
            if (line.TooLong) return Fail(out record, start, $"record is longer than {maxRecordChars:N0} characters", inQuotes);
            if (!Utf8Text.TryDecode(line.Bytes.Span, out var text, out var bad))
            {
                return Fail(out record, start, $"invalid UTF-8 at byte offset {line.ByteOffset + bad:N0} (line {line.Number})", inQuotes);
            }
            chars += text.Length + 1;
            if (chars > maxRecordChars) return Fail(out record, start, $"record is longer than {maxRecordChars:N0} characters", inQuotes);

            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (inQuotes)
                {
                    if (c != '"') _field.Append(c);
                    else if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        _field.Append('"');
                        i++;
                    }
                    else inQuotes = false;
                }
                else if (c == ',')
                {
                    fields.Add(_field.ToString());
                    _field.Clear();
                }
                else if (c == '"' && _field.Length == 0) inQuotes = true;
                else _field.Append(c);
            }
            if (!inQuotes) break;
            _field.Append('\n');
            if (!lines.TryReadLine(out line))
            {
                record = new CsvRecord(start, null, "unterminated quoted field (the file ends inside quotes)");
                return true;
            }
        }
        fields.Add(_field.ToString());
        _field.Clear();
        record = new CsvRecord(start, fields, null);
        return true;
    }

    // A bad physical line inside a quoted field leaves the rest of the record unknowable: skip the lines up to one
    // that closes the quote, so the following records are read in step again (best effort).
    private bool Fail(out CsvRecord record, int start, string reason, bool inQuotes)
    {
        _field.Clear();
        if (inQuotes)
        {
            while (lines.TryReadLine(out var next))
            {
                if (next.TooLong) continue;
                if (next.Bytes.Span.Count((byte)'"') % 2 == 1) break;
            }
        }
        record = new CsvRecord(start, null, reason);
        return true;
    }
}
