using System.Text.RegularExpressions;
using WireTrace.Core.Text;

namespace WireTrace.Core.Documents;

/// <summary>
/// Recognises what precedes the story at the start of an article — a headline line, an outlet prefix
/// (<c>Islam Times - </c>), a byline (<c>By Jane Doe, Reuters</c>) and an agency or place dateline
/// (<c>PARIS, Jan 6 (AFP) —</c>, <c>HELSINKI —</c>) — and returns them with the body span that remains.
/// Only the start of the text is examined, in that order; mid-text occurrences are never taken.
/// </summary>
public static partial class ArticleMetadataExtractor
{
    private const int MaxTitleChars = 250;
    private const int MaxTitleWords = 30;

    // A word of a place name: "PARIS", "Kyiv", "ST.", "U.S.", "Rio", "TURNBERRY/GLASGOW" (joined below).
    private const string PlaceWord = @"\p{Lu}[\p{L}\p{M}.'’\-]*";
    private const string Place = PlaceWord + @"(?:(?:[ /]|\s(?:de|da|del|do|la|le|of|on|am|upon)\s)" + PlaceWord + @"){0,4}";
    private const string CapsWord = @"\p{Lu}[\p{Lu}.'’\-]*";
    private const string OutletWord = @"[\p{Lu}\d][\p{L}\p{M}\d.'’&!\-]*";

    /// <summary>Recognises headline, outlet prefix, byline and dateline at the start of <paramref name="text"/>.</summary>
    public static ArticleMetadata Extract(string text) => Extract(text, recogniseHeadline: true);

    /// <summary>
    /// As <see cref="Extract(string)"/>; with <paramref name="recogniseHeadline"/> false the first line is never
    /// taken as a headline (for texts whose headline is known and not part of the text, e.g. HTML pages).
    /// </summary>
    public static ArticleMetadata Extract(string text, bool recogniseHeadline)
    {
        ArgumentNullException.ThrowIfNull(text);
        var end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        var pos = SkipWhitespace(text, 0, end);

        string? title = null, outlet = null, agency = null, dateline = null;
        DateOnly? published = null;

        if (recogniseHeadline && TryHeadline(text, pos, end, out var titleSpan, out var afterTitle))
        {
            title = titleSpan.Substring(text);
            var suffix = TitleOutletSuffixRegex().Match(title);
            if (suffix.Success && NewsAgencies.Canonicalize(suffix.Groups["outlet"].Value) is null)
            {
                outlet = suffix.Groups["outlet"].Value;
                title = title[..suffix.Index].TrimEnd();
            }
            pos = SkipWhitespace(text, afterTitle, end);
        }

        bool outletPrefix = false;
        var prefix = OutletPrefixRegex().Match(text, pos);
        if (prefix.Success && prefix.Index == pos && prefix.Index + prefix.Length <= end && IsOutletPrefix(text, prefix, end))
        {
            var name = prefix.Groups["outlet"].Value;
            if (NewsAgencies.Canonicalize(name) is { } prefixAgency) agency = prefixAgency;
            else
            {
                outlet = name;
                outletPrefix = true;
            }
            pos = SkipWhitespace(text, prefix.Index + prefix.Length, end);
        }

        var byline = BylineRegex().Match(text, pos);
        if (byline.Success && byline.Index == pos && byline.Index + byline.Length <= end)
        {
            var bylineAgency = byline.Groups["agency"];
            if (bylineAgency.Success) agency = NewsAgencies.Canonicalize(bylineAgency.Value);
            pos = SkipWhitespace(text, byline.Index + byline.Length, end);
        }

        if (TryDateline(text, pos, end, out var datelineMatch))
        {
            dateline = datelineMatch.Groups["dl"].Value.Trim();
            var datelineAgency = datelineMatch.Groups["agency"];
            if (datelineAgency.Success) agency = NewsAgencies.Canonicalize(datelineAgency.Value) ?? agency;
            var date = datelineMatch.Groups["date"];
            if (date.Success && DatelineDate.TryParse(date.ValueSpan, out var parsed)) published = parsed;
            pos = SkipWhitespace(text, datelineMatch.Index + datelineMatch.Length, end);
        }

        return new ArticleMetadata(TextSpan.FromBounds(Math.Min(pos, end), end), title, outlet, published, agency, dateline, outletPrefix);
    }

    private static bool TryDateline(string text, int pos, int end, out Match match)
    {
        match = AgencyDatelineRegex().Match(text, pos);
        if (match.Success && match.Index == pos && match.Index + match.Length <= end && HasTextAfter(text, match, end)) return true;
        match = PlaceDatelineRegex().Match(text, pos);
        return match.Success && match.Index == pos && match.Index + match.Length <= end
            && CountUpper(match.Groups["caps"].ValueSpan) >= 4 && !NotPlaces.Contains(match.Groups["caps"].Value)
            && HasTextAfter(text, match, end);
    }

    private static bool HasTextAfter(string text, Match match, int end) => SkipWhitespace(text, match.Index + match.Length, end) < end;

    private static bool TryHeadline(string text, int pos, int end, out TextSpan title, out int afterTitle)
    {
        title = default;
        afterTitle = pos;
        var lineEnd = LineEnd(text, pos, end);
        var trimmedEnd = lineEnd;
        while (trimmedEnd > pos && char.IsWhiteSpace(text[trimmedEnd - 1])) trimmedEnd--;
        var line = text.AsSpan(pos, trimmedEnd - pos);
        var marks = MarkdownHeadingMarks(line);
        if (marks > 0) line = line[marks..];
        if (line.IsEmpty || line.Length > MaxTitleChars || lineEnd >= end) return false; // a one-line text has no title
        if (!char.IsUpper(line[0]) && !char.IsDigit(line[0]) && !IsOpeningQuote(line[0])) return false;
        if (line[^1] is ',' or ';' or ':' or '-' or '–' or '—') return false;
        var question = line[^1] == '?' || line.EndsWith("...") || line[^1] == '…';
        if (EndsLikeSentence(line) && !question) return false;
        if (CountWords(line) > MaxTitleWords) return false;
        if (BylineRegex().Match(text, pos) is { Success: true } b && b.Index == pos) return false;
        if (TryDateline(text, pos, end, out var d) && d.Index + d.Length <= lineEnd) return false;

        var next = lineEnd + 1;
        var blankLineFollows = false;
        var nextLineStart = next;
        while (nextLineStart < end)
        {
            var nextLineEnd = LineEnd(text, nextLineStart, end);
            if (!text.AsSpan(nextLineStart, nextLineEnd - nextLineStart).IsWhiteSpace()) break;
            blankLineFollows = true;
            nextLineStart = nextLineEnd + 1;
        }
        if (nextLineStart >= end) return false;
        if (char.IsLower(text[nextLineStart + CountLeadingSpaces(text, nextLineStart, end)])) return false; // "group\n\nsaid it would ..."
        if (question)
        {
            // "Can Yahoo dominate next decade?" is a headline when a blank line and a longer paragraph follow;
            // otherwise a question is the story's first sentence.
            var paragraphEnd = text.IndexOf("\n\n", nextLineStart, end - nextLineStart, StringComparison.Ordinal);
            var paragraph = text.AsSpan(nextLineStart, (paragraphEnd < 0 ? end : paragraphEnd) - nextLineStart);
            if (!blankLineFollows || CountWords(paragraph) <= CountWords(line)) return false;
        }
        if (!blankLineFollows)
        {
            // Without a blank line the next line must be a paragraph of its own, not the wrapped rest of a
            // sentence: "Showers continued throughout the week in\nthe Bahia cocoa zone, ..." has no title.
            var nextLine = text.AsSpan(nextLineStart, LineEnd(text, nextLineStart, end) - nextLineStart).Trim();
            if (nextLine.IsEmpty || char.IsDigit(nextLine[0]) || !EndsLikeSentence(nextLine)) return false;
            // "Albertson's said it plans to open\n33 to 35 new stores during 1987." is a wrapped sentence too.
            if (EndsWithConnector(line) || IsHardWrapped(text, nextLineStart, end)) return false;
        }
        title = TextSpan.FromBounds(pos + marks, trimmedEnd);
        afterTitle = lineEnd;
        return true;
    }

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "to", "of", "in", "on", "for", "and", "or", "but", "with", "by", "at", "from", "as", "its",
        "their", "his", "her", "that", "which", "who", "said", "says", "is", "are", "was", "were", "has", "have", "had",
        "will", "would", "it", "be", "than", "this", "into", "over", "about", "named", "vs",
    };

    private static int CountLeadingSpaces(string text, int pos, int end)
    {
        var n = 0;
        while (pos + n < end && char.IsWhiteSpace(text[pos + n])) n++;
        return n;
    }

    private static bool EndsWithConnector(ReadOnlySpan<char> line)
    {
        var space = line.LastIndexOf(' ');
        return Connectors.Contains(line[(space + 1)..].ToString());
    }

    // Hard-wrapped text (lines broken inside sentences, as in newswire files) has several lines, besides the last,
    // that do not end a sentence.
    private static bool IsHardWrapped(string text, int start, int end)
    {
        var open = 0;
        var seen = 0;
        for (var pos = start; pos < end && seen < 6;)
        {
            var lineEnd = LineEnd(text, pos, end);
            var line = text.AsSpan(pos, lineEnd - pos).Trim();
            if (!line.IsEmpty && lineEnd < end)
            {
                seen++;
                if (!EndsLikeSentence(line)) open++;
            }
            pos = lineEnd + 1;
        }
        return open >= 2;
    }

    // "## Heading" → 3: a Markdown heading's marks and the space after them are not part of the title.
    private static int MarkdownHeadingMarks(ReadOnlySpan<char> line)
    {
        var n = 0;
        while (n < line.Length && n < 6 && line[n] == '#') n++;
        if (n == 0 || n >= line.Length || line[n] != ' ') return 0;
        while (n < line.Length && line[n] == ' ') n++;
        return n;
    }

    private static bool EndsLikeSentence(ReadOnlySpan<char> line)
    {
        var i = line.Length - 1;
        while (i >= 0 && (line[i] is '"' or '\'' or '”' or '’' or '»' or ')')) i--;
        return i >= 0 && line[i] is '.' or '!' or '?' or '…';
    }

    private static bool IsOpeningQuote(char c) => c is '"' or '\'' or '“' or '‘' or '«';

    // Capitalised words before a dash that are labels, not places: "FILE - In this July 7, 2017, file photo".
    private static readonly HashSet<string> NotPlaces = new(StringComparer.Ordinal)
    {
        "FILE", "UPDATE", "UPDATED", "BREAKING", "WATCH", "PHOTOS", "PHOTO", "VIDEO", "CORRECTION", "OPINION",
        "ANALYSIS", "EXCLUSIVE", "LIVE", "ADVERTISEMENT", "EDITORIAL", "COMMENT", "READ MORE", "RELATED", "UPDATE 1",
    };

    private static readonly HashSet<string> NotOutletStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "By", "Photo", "Photos", "Credit", "Image", "Advertisement", "Updated", "Posted", "Published", "Jan", "January",
        "Feb", "February", "Mar", "March", "Apr", "April", "May", "Jun", "June", "Jul", "July", "Aug", "August", "Sep",
        "Sept", "September", "Oct", "October", "Nov", "November", "Dec", "December", "Monday", "Tuesday", "Wednesday",
        "Thursday", "Friday", "Saturday", "Sunday", "FILE",
    };

    /// <summary>
    /// An outlet prefix is a short mixed-case name (an all-caps one is a place dateline) that does not start like a
    /// byline, date or caption label, followed on its line by a story of at least six words — not a credit line
    /// such as <c>Marcellus Stein | AP</c> or <c>Meet the Press - July 15, 2018</c>.
    /// </summary>
    private static bool IsOutletPrefix(string text, Match prefix, int end)
    {
        var name = prefix.Groups["outlet"].Value;
        if (CountUpper(name) >= 4 && !name.Any(char.IsLower)) return false;
        var firstWord = name.Split(' ')[0];
        if (NotOutletStarts.Contains(firstWord.TrimEnd('.')) || char.IsDigit(firstWord[0])) return false;
        var restStart = prefix.Index + prefix.Length;
        var rest = text.AsSpan(restStart, LineEnd(text, restStart, end) - restStart);
        return CountWords(rest) >= 6;
    }

    private static int CountUpper(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s) if (char.IsUpper(c)) n++;
        return n;
    }

    private static int CountWords(ReadOnlySpan<char> s)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in s)
        {
            var w = !char.IsWhiteSpace(c);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }

    private static int LineEnd(string text, int pos, int end)
    {
        var i = text.IndexOf('\n', pos, end - pos);
        return i < 0 ? end : i;
    }

    private static int SkipWhitespace(string text, int pos, int end)
    {
        while (pos < end && char.IsWhiteSpace(text[pos])) pos++;
        return pos;
    }

    // PARIS, Jan 6 (AFP) — | KYIV, Ukraine (AP) — | (AFP) — | 2024-01-06 (AFP) - | Washington (CNN)<newline>
    [GeneratedRegex(
        @"\G(?<dl>(?:(?:date\s+)?(?<date>" + DatelineDate.Pattern + @")\s*|" + Place + @"(?:,\s*" + Place + @")?(?:,?\s+(?<date>" + DatelineDate.Pattern + @"))?\s*)?" +
        @"\((?<agency>" + AgencyAlternation + @")\))(?:[ \t]*(?:[-–—]{1,2}|:)[ \t]+|[ \t]*(?=\r?\n))",
        RegexOptions.CultureInvariant)]
    private static partial Regex AgencyDatelineRegex();

    // HELSINKI — | TURNBERRY/GLASGOW, Scotland — | LONDON, March 3 —
    [GeneratedRegex(
        @"\G(?<dl>(?<caps>" + CapsWord + @"(?:[ /]" + CapsWord + @"){0,3})(?:,\s*" + Place + @")?(?:,?\s+(?<date>" + DatelineDate.Pattern + @"))?)[ \t]+[-–—]{1,2}[ \t]+(?=\S)",
        RegexOptions.CultureInvariant)]
    private static partial Regex PlaceDatelineRegex();

    // Islam Times - | Outlet Name – | Outlet Name |   (followed by the capitalised start of the story)
    [GeneratedRegex(
        @"\G(?<outlet>" + OutletWord + @"(?:[ ](?:(?:of|the|and|de|la|du|al|el|&)[ ])?" + OutletWord + @"){0,4})[ \t]+(?:[-–—]{1,2}|\|)[ \t]+(?=[\p{Lu}\d""“‘'(«])",
        RegexOptions.CultureInvariant)]
    private static partial Regex OutletPrefixRegex();

    // By Jane Doe, Reuters | By ROBERT BURNS, AP National Security Writer | By Jeff Mason. ABOARD AIR FORCE ONE (Reuters) -
    [GeneratedRegex(
        @"\GBy\s+(?:" + Name + @"(?:(?:,\s*|\s+and\s+|\s*&\s*)(?!(?:" + AgencyAlternation + @")\b)" + Name + @")*)" +
        @"(?:(?:\s*[,|]\s*|\s+for\s+|\s+of\s+)(?<agency>" + AgencyAlternation + @")\b[^\n.]{0,60})?(?:[ \t]*\r?\n|\.[ \t]+(?=\p{Lu}))",
        RegexOptions.CultureInvariant)]
    private static partial Regex BylineRegex();

    private const string Name = @"\p{Lu}[\p{L}\p{M}.'’\-]*(?:[ ]\p{Lu}[\p{L}\p{M}.'’\-]*){0,3}";

    private const string AgencyAlternation =
        @"AFP|Agence\s+France[- ]Presse|Thomson\s+Reuters|Reuters|Reuter|The\s+Associated\s+Press|Associated\s+Press|AP|dpa|DPA|AAP|ANSA|EFE|Xinhua|ITAR-TASS|TASS|UPI|Bloomberg|CNN\s+Wires?|CNN|IANS|PTI|ANI|Kyodo|Yonhap|Interfax|RIA\s+Novosti|Anadolu|Sputnik|Bernama|KUNA|WAM|APA|Belga|ANP|Lusa|NTB|Ritzau|CTK|PAP|MTI|Europa\s+Press|The\s+Canadian\s+Press|Canadian\s+Press|CP";

    // "Nuclear arms race is an expected topic for Trump-Putin talks | Miami Herald"
    [GeneratedRegex(@"\s\|\s+(?<outlet>[\p{Lu}\d][\p{L}\d.'’&\-]*(?:\s[\p{Lu}\d&][\p{L}\d.'’&\-]*){0,3})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TitleOutletSuffixRegex();
}
