namespace WireTrace.Core.Text;

/// <summary>
/// Splits a body into paragraphs (trimmed spans of the original text).
/// <para>Decisions:</para>
/// <list type="bullet">
/// <item>A blank line (only whitespace) and the scraper separator <c>###</c> standing between
/// whitespace (as in the Helsinki CSV: "first ### second") always separate paragraphs; the separator
/// itself belongs to no paragraph.</item>
/// <item>Inside a block of lines, a single newline separates paragraphs when the next line is indented
/// more than the block's least-indented line (the Reuters convention), and otherwise depends on
/// whether the block is hard-wrapped: a block of three or more lines, none longer than 100 characters,
/// at least half of which are "full" (the next line's first word would not have fitted on them).</item>
/// <item>In a hard-wrapped block a newline after a full line is a soft wrap (the lines join); after a
/// short line it ends a paragraph when the next line does not start in lower case.</item>
/// <item>In any other block a newline ends a paragraph when the next line does not start in lower case
/// and the line ends a sentence (<c>. ! ? : …</c>, possibly followed by closing quotes or brackets) or
/// is heading-like: at most 80 characters, not ending in <c>, ; - ( /</c> or <c>&amp;</c> nor in a stop word
/// ("He arrived on / Monday." is one sentence broken by a newline).</item>
/// </list>
/// </summary>
internal static class ParagraphSplitter
{
    private const int MaxWrapWidth = 100;
    private const int MaxHeadingLength = 80;

    /// <summary>Appends the paragraphs of <c>text[start..end)</c> to <paramref name="paragraphs"/>.</summary>
    public static void Split(string text, int start, int end, List<TextSpan> paragraphs)
    {
        var lines = new List<TextSpan>();
        int blockStart = start;
        int pos = start;
        while (pos < end)
        {
            // Find the next hard break: a blank line or a ### separator.
            int lineStart = pos;
            int lineEnd = IndexOfNewline(text, pos, end);
            int sep = IndexOfSeparator(text, lineStart, lineEnd);
            if (sep >= 0)
            {
                SplitBlock(text, blockStart, sep, lines, paragraphs);
                blockStart = sep + 3;
                pos = blockStart;
                continue;
            }
            if (IsBlank(text, lineStart, lineEnd) && lineStart > blockStart)
            {
                SplitBlock(text, blockStart, lineStart, lines, paragraphs);
                blockStart = lineEnd;
            }
            pos = NextLineStart(text, lineEnd, end);
        }
        SplitBlock(text, blockStart, end, lines, paragraphs);
    }

    private static void SplitBlock(string text, int start, int end, List<TextSpan> lines, List<TextSpan> paragraphs)
    {
        lines.Clear();
        int pos = start;
        while (pos <= end)
        {
            int nl = IndexOfNewline(text, pos, end);
            if (!IsBlank(text, pos, nl)) lines.Add(TextSpan.FromBounds(pos, nl));
            if (nl >= end) break;
            pos = NextLineStart(text, nl, end);
        }
        if (lines.Count == 0) return;

        int minIndent = int.MaxValue, maxLength = 0;
        foreach (var line in lines)
        {
            minIndent = Math.Min(minIndent, Indent(text, line));
            maxLength = Math.Max(maxLength, TrimmedLength(text, line));
        }
        bool wrapped = false;
        if (lines.Count >= 3 && maxLength <= MaxWrapWidth)
        {
            int full = 0;
            for (int k = 0; k + 1 < lines.Count; k++)
            {
                if (IsFull(text, lines[k], lines[k + 1], maxLength)) full++;
            }
            wrapped = full * 2 >= lines.Count - 1;
        }

        int paraStart = lines[0].Start;
        for (int k = 0; k + 1 < lines.Count; k++)
        {
            var line = lines[k];
            var nextLine = lines[k + 1];
            if (IsBreak(text, line, nextLine, minIndent, maxLength, wrapped))
            {
                AddTrimmed(text, paraStart, line.End, paragraphs);
                paraStart = nextLine.Start;
            }
        }
        AddTrimmed(text, paraStart, lines[^1].End, paragraphs);
    }

    private static bool IsBreak(string text, TextSpan line, TextSpan next, int minIndent, int maxLength, bool wrapped)
    {
        if (Indent(text, next) > minIndent) return true;
        int nextFirst = next.Start + Indent(text, next);
        if (char.IsLower(text[nextFirst])) return false;
        if (wrapped) return !IsFull(text, line, next, maxLength);

        int e = line.End;
        while (e > line.Start && char.IsWhiteSpace(text[e - 1])) e--;
        int s = line.Start + Indent(text, line);
        int last = e - 1;
        while (last > s && text[last] is '"' or '\u201D' or '\u2019' or '\'' or ')' or ']') last--;
        char lc = text[last];
        if (lc is '.' or '!' or '?' or ':' or '\u2026') return true;
        return e - s <= MaxHeadingLength && lc is not (',' or ';' or '-' or '(' or '/' or '&' or '\u2013' or '\u2014')
            && !EndsWithStopword(text, s, e);
    }

    /// <summary>Whether the line ends with a function word ("He arrived on"): then it is no heading but a broken sentence.</summary>
    private static bool EndsWithStopword(string text, int start, int end)
    {
        int w = end;
        while (w > start && char.IsLetter(text[w - 1])) w--;
        if (w == end || end - w > 12) return false;
        Span<char> lower = stackalloc char[end - w];
        text.AsSpan(w, end - w).ToLowerInvariant(lower);
        return Stopwords.Contains(lower);
    }

    /// <summary>Whether the first word of <paramref name="next"/> would not have fitted on <paramref name="line"/>.</summary>
    private static bool IsFull(string text, TextSpan line, TextSpan next, int width)
    {
        int s = next.Start + Indent(text, next);
        int e = s;
        while (e < next.End && !char.IsWhiteSpace(text[e])) e++;
        return TrimmedLength(text, line) + 1 + (e - s) > width;
    }

    private static int Indent(string text, TextSpan line)
    {
        int k = line.Start;
        while (k < line.End && char.IsWhiteSpace(text[k])) k++;
        return k - line.Start;
    }

    private static int TrimmedLength(string text, TextSpan line)
    {
        int s = line.Start, e = line.End;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        return e - s;
    }

    private static int IndexOfNewline(string text, int pos, int end)
    {
        int k = text.AsSpan(pos, end - pos).IndexOfAny('\n', '\r');
        return k < 0 ? end : pos + k;
    }

    /// <summary>Where the line after the newline at <paramref name="newline"/> starts ("\r\n" is one newline).</summary>
    private static int NextLineStart(string text, int newline, int end)
    {
        if (newline >= end) return end;
        if (text[newline] == '\r' && newline + 1 < end && text[newline + 1] == '\n') return newline + 2;
        return newline + 1;
    }

    /// <summary>The index of a "###" standing between whitespace (or the line's ends) in the line, or -1.</summary>
    private static int IndexOfSeparator(string text, int start, int end)
    {
        int pos = start;
        while (pos < end)
        {
            int k = text.AsSpan(pos, end - pos).IndexOf("###", StringComparison.Ordinal);
            if (k < 0) return -1;
            int at = pos + k;
            bool before = at == start || char.IsWhiteSpace(text[at - 1]);
            bool after = at + 3 >= end || char.IsWhiteSpace(text[at + 3]);
            if (before && after) return at;
            pos = at + 1;
        }
        return -1;
    }

    private static bool IsBlank(string text, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (!char.IsWhiteSpace(text[k])) return false;
        }
        return true;
    }

    private static void AddTrimmed(string text, int start, int end, List<TextSpan> paragraphs)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) paragraphs.Add(TextSpan.FromBounds(start, end));
    }
}
