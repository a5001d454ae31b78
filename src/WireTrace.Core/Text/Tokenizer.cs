using System.Text;

namespace WireTrace.Core.Text;

/// <summary>A token as found by <see cref="Tokenizer"/>: its place in the original text and its kind.</summary>
internal readonly record struct RawToken(int Start, int Length, TokenKind Kind);

/// <summary>
/// Splits a sentence into tokens, a hand-written scanner over the original text.
/// <para>Decisions:</para>
/// <list type="bullet">
/// <item>A word is a run of letters (and digits and combining marks after the first letter: MP3, G8)
/// with inner apostrophes (don't, O'Neill, Clinton's: a possessive 's stays in the word; the
/// stemmer removes it) and inner hyphens (well-known, F-16). A trailing apostrophe (the players')
/// is a separate quote mark.</item>
/// <item>Dotted initials are one word with their final full stop: U.S., J.K., e.g., a.m. Dotted
/// names with a lower-case part are one word: Amazon.com, bbc.co.uk. Other full stops are punctuation.</item>
/// <item>A number is a run of digits with inner separators <c>. , : / -</c> between digits (300,000,
/// 1.5, 2024-01-06, 10:30) and a directly attached alphanumeric suffix (1980s, 3rd, 1.13bn).
/// A following <c>%</c> is separate punctuation.</item>
/// <item>Quotation marks of any style (" “ ” „ « » ‹ › ' ‘ ’ ‚ `) are <see cref="TokenKind.QuoteMark"/>.</item>
/// <item>Everything else that is not whitespace is punctuation, one character per token except runs
/// of full stops ("...").</item>
/// </list>
/// </summary>
internal static class Tokenizer
{
    public static void Tokenize(string text, int start, int end, List<RawToken> tokens)
    {
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }

            int letter = LetterLength(text, i, end);
            if (letter > 0)
            {
                int e = ScanWord(text, i + letter, end);
                tokens.Add(new RawToken(i, e - i, TokenKind.Word));
                i = e;
            }
            else if (char.IsDigit(c))
            {
                int e = ScanNumber(text, i, end);
                tokens.Add(new RawToken(i, e - i, TokenKind.Number));
                i = e;
            }
            else if (IsQuoteMark(c))
            {
                tokens.Add(new RawToken(i, 1, TokenKind.QuoteMark));
                i++;
            }
            else
            {
                int e = i + 1;
                if (c == '.')
                {
                    while (e < end && text[e] == '.') e++;
                }
                else if (char.IsHighSurrogate(c) && e < end && char.IsLowSurrogate(text[e]))
                {
                    e++;
                }
                tokens.Add(new RawToken(i, e - i, TokenKind.Punctuation));
                i = e;
            }
        }
    }

    private static int ScanWord(string text, int i, int end)
    {
        int segmentStart = i - 1;   // start of the current dot-separated segment
        bool initialsOnly = true;   // every segment so far is a single letter
        bool dotted = false;
        while (i < end)
        {
            char c = text[i];
            int letter = LetterLength(text, i, end);
            if (letter > 0 || char.IsDigit(c) || IsMark(c))
            {
                i += Math.Max(letter, 1);
                continue;
            }
            if (i + 1 >= end) break;
            char n = text[i + 1];
            if (c is '\'' or '\u2019' or '\u02BC' && LetterLength(text, i + 1, end) > 0)
            {
                i++;
                continue;
            }
            if (c is '-' or '\u2010' or '\u2011' && (LetterLength(text, i + 1, end) > 0 || char.IsDigit(n)))
            {
                i++;
                continue;
            }
            if (c == '.')
            {
                bool singleSegment = i - segmentStart == 1;
                bool nextSingle = char.IsLetter(n) && (i + 2 >= end || !char.IsLetterOrDigit(text[i + 2]));
                initialsOnly &= singleSegment;
                if (initialsOnly && nextSingle)
                {
                    dotted = true;
                    segmentStart = i + 1;
                    i++;
                    continue;
                }
                if (char.IsLower(n))
                {
                    initialsOnly = false;
                    segmentStart = i + 1;
                    i++;
                    continue;
                }
            }
            break;
        }
        // The final full stop of dotted initials (U.S., e.g.) belongs to the word.
        if (dotted && initialsOnly && i < end && text[i] == '.' && i - segmentStart == 1) i++;
        return i;
    }

    private static int ScanNumber(string text, int i, int end)
    {
        while (i < end)
        {
            char c = text[i];
            if (char.IsDigit(c)) { i++; continue; }
            if (c is '.' or ',' or ':' or '/' or '-' && i + 1 < end && char.IsDigit(text[i + 1])) { i++; continue; }
            break;
        }
        while (i < end && (char.IsLetterOrDigit(text[i]) || IsMark(text[i]))) i++;
        return i;
    }

    /// <summary>1 or 2 (a surrogate pair) when a letter starts at <paramref name="i"/>, else 0.</summary>
    private static int LetterLength(string text, int i, int end)
    {
        char c = text[i];
        if (char.IsLetter(c)) return 1;
        if (char.IsHighSurrogate(c) && i + 1 < end && Rune.TryCreate(c, text[i + 1], out var rune) && Rune.IsLetter(rune)) return 2;
        return 0;
    }

    private static bool IsMark(char c)
    {
        var cat = char.GetUnicodeCategory(c);
        return cat is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
    }

    internal static bool IsQuoteMark(char c) => c is '"' or '\'' or '\u201C' or '\u201D' or '\u201E' or '\u201F'
        or '\u00AB' or '\u00BB' or '\u2039' or '\u203A' or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '`';
}
