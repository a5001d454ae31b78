using System.Text;
using WireTrace.Core.Text;

namespace WireTrace.Reports.Html;

/// <summary>
/// Finds a fact's display value (<c>at least 12</c>, <c>some 300000</c>, <c>Friday</c>) in a sentence of the
/// original text, ignoring case, quote style, runs of spaces and thousands separators, so the report can
/// highlight it in place.
/// </summary>
public static class FactLocator
{
    /// <summary>The span (into <paramref name="text"/>) of the first occurrence of <paramref name="value"/> inside <paramref name="within"/>, or null.</summary>
    public static TextSpan? Find(string text, TextSpan within, string value)
    {
        if (string.IsNullOrWhiteSpace(value) || within.Length == 0) return null;
        var (hay, map) = Normalize(text, within.Start, within.End);
        var (needle, _) = Normalize(value, 0, value.Length);
        needle = needle.Trim();
        if (needle.Length == 0) return null;
        int at = hay.IndexOf(needle, StringComparison.Ordinal);
        while (at >= 0)
        {
            // Whole words only: "12" must not light up inside "2012".
            bool startOk = at == 0 || !char.IsLetterOrDigit(hay[at - 1]) || !char.IsLetterOrDigit(needle[0]);
            int after = at + needle.Length;
            bool endOk = after == hay.Length || !char.IsLetterOrDigit(hay[after]) || !char.IsLetterOrDigit(needle[^1]);
            if (startOk && endOk) return TextSpan.FromBounds(map[at], map[after - 1] + 1);
            at = hay.IndexOf(needle, at + 1, StringComparison.Ordinal);
        }
        return null;
    }

    /// <summary>Lower-cased text with straight quotes, single spaces and no separators inside numbers; map[i] is the original offset of char i.</summary>
    private static (string Text, List<int> Map) Normalize(string text, int start, int end)
    {
        var sb = new StringBuilder(end - start);
        var map = new List<int>(end - start);
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if ((c is ',' or '\u202F' or '\u2009') && i > start && i + 1 < end && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1])) continue;
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] == ' ') continue;
                c = ' ';
            }
            else
            {
                c = c switch
                {
                    '\u2018' or '\u2019' or '\u201A' or '\u2032' => '\'',
                    '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' or '\u2033' => '"',
                    '\u2013' or '\u2014' or '\u2212' => '-',
                    _ => char.ToLowerInvariant(c),
                };
            }
            sb.Append(c);
            map.Add(i);
        }
        return (sb.ToString(), map);
    }
}
