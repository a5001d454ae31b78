using WireTrace.Core.Text;

namespace WireTrace.Core.Facts;

/// <summary>Kinds of the light tokens the fact extractor works on.</summary>
internal enum ScanKind : byte
{
    /// <summary>Letters (inner apostrophes, dotted acronyms such as <c>U.S.</c>); may mix in digits (<c>G7</c>).</summary>
    Word,
    /// <summary>Digits with inner thousands commas and a decimal point; a glued magnitude suffix (<c>5m</c>, <c>2bn</c>) is allowed.</summary>
    Number,
    /// <summary>Digits with an ordinal suffix: <c>5th</c>, <c>21st</c>.</summary>
    Ordinal,
    /// <summary>A clock time: <c>10:30</c>.</summary>
    Time,
    /// <summary>A double quotation mark of any style, or a typographic single opening quote.</summary>
    Quote,
    /// <summary>Currency or percent sign.</summary>
    Symbol,
    /// <summary>Any other non-space character.</summary>
    Punct,
}

/// <summary>One light token: a range of the original text plus a few cheap flags.</summary>
internal readonly record struct ScanToken(int Start, int End, ScanKind Kind, bool SpaceBefore)
{
    public int Length => End - Start;

    public ReadOnlySpan<char> Text(string text) => text.AsSpan(Start, End - Start);

    public bool IsWord => Kind == ScanKind.Word;
}

/// <summary>
/// Splits one sentence of an article into <see cref="ScanToken"/>s. Self-contained on purpose so that fact
/// extraction does not depend on the main tokenizer; hyphens are kept as separate tokens so that
/// <c>30-kilometre</c>, <c>al-Assad</c> and <c>2024-01-05</c> can be read by the passes that need them.
/// </summary>
internal static class SentenceScanner
{
    public static List<ScanToken> Scan(string text, TextSpan sentence)
    {
        var tokens = new List<ScanToken>(Math.Max(8, sentence.Length / 5));
        int i = sentence.Start, end = Math.Min(sentence.End, text.Length);
        bool space = true;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { space = true; i++; continue; }
            int start = i;
            ScanKind kind;
            if (char.IsDigit(c))
            {
                i = ReadNumber(text, i, end, out kind);
            }
            else if (char.IsLetter(c))
            {
                i = ReadWord(text, i, end);
                kind = ScanKind.Word;
            }
            else if ((c is '‘' or '’' or '\'' or '"') && i + 1 < end && text[i + 1] == c)
            {
                i += 2; // ‘‘doubled single quotes’’ used as double quotes; ""doubled"" quotes of CSV-escaped text
                kind = ScanKind.Quote;
            }
            else if (IsDoubleQuote(c) || c == '‘')
            {
                i++;
                kind = ScanKind.Quote;
            }
            else if (c is '$' or '€' or '£' or '¥' or '%')
            {
                i++;
                kind = ScanKind.Symbol;
            }
            else
            {
                i++;
                kind = ScanKind.Punct;
            }
            tokens.Add(new ScanToken(start, i, kind, space));
            space = false;
        }
        return tokens;
    }

    public static bool IsDoubleQuote(char c) => c is '"' or '“' or '”' or '„' or '‟' or '«' or '»' or '″';

    public static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ';

    private static int ReadWord(string text, int i, int end)
    {
        int start = i;
        while (i < end)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c)) { i++; continue; }
            // inner apostrophe: O'Brien, don't, Friday's
            if (IsApostrophe(c) && i + 1 < end && char.IsLetter(text[i + 1]) && i > start) { i++; continue; }
            break;
        }
        // dotted acronym: U.S., U.N., U.K. (single letters separated by dots)
        if (i - start == 1 && char.IsUpper(text[start]) && i + 2 < end && text[i] == '.' && char.IsUpper(text[i + 1]) && text[i + 2] == '.')
        {
            i += 3;
            while (i + 1 < end && char.IsUpper(text[i]) && text[i + 1] == '.') i += 2;
        }
        return i;
    }

    private static int ReadNumber(string text, int i, int end, out ScanKind kind)
    {
        kind = ScanKind.Number;
        while (i < end && char.IsDigit(text[i])) i++;
        // clock time 10:30
        if (i < end && text[i] == ':' && IsDigitAt(text, i + 1, end) && IsDigitAt(text, i + 2, end) && !IsDigitAt(text, i + 3, end))
        {
            i += 3;
            kind = ScanKind.Time;
            return i;
        }
        while (i < end)
        {
            char c = text[i];
            if (c == ',' && IsDigitAt(text, i + 1, end) && IsDigitAt(text, i + 2, end) && IsDigitAt(text, i + 3, end) && !IsDigitAt(text, i + 4, end))
            {
                i += 4;
                continue;
            }
            if (c == '.' && IsDigitAt(text, i + 1, end))
            {
                i++;
                while (i < end && char.IsDigit(text[i])) i++;
                continue;
            }
            break;
        }
        if (i < end && char.IsLetter(text[i]))
        {
            int s = i;
            while (i < end && char.IsLetterOrDigit(text[i])) i++;
            var suffix = text.AsSpan(s, i - s);
            if (suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase))
                kind = ScanKind.Ordinal;
            else if (FactLexicon.GluedMagnitude(suffix) > 0)
                kind = ScanKind.Number;
            else
                kind = ScanKind.Word; // 1990s, 4x4, 737MAX
        }
        return i;
    }

    private static bool IsDigitAt(string text, int i, int end) => i < end && char.IsDigit(text[i]);
}
