using System.Globalization;
using System.Text;

namespace WireTrace.Reports.Html;

/// <summary>
/// HTML encoding for the report: every character that can end a text node or an attribute value
/// (<c>&amp; &lt; &gt; " '</c>) becomes an entity, so article text is always shown as text.
/// </summary>
public static class HtmlText
{
    /// <summary>The text with <c>&amp; &lt; &gt; " '</c> replaced by entities; safe in text nodes and quoted attributes.</summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        Append(sb, text.AsSpan());
        return sb.ToString();
    }

    /// <summary>Appends the encoded text to <paramref name="sb"/>.</summary>
    public static void Append(StringBuilder sb, ReadOnlySpan<char> text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            string? entity = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\0' => "\uFFFD",
                _ => null,
            };
            if (entity == null) continue;
            sb.Append(text[start..i]).Append(entity);
            start = i + 1;
        }
        sb.Append(text[start..]);
    }

    /// <summary>An absolute http(s) address, or null: other schemes (<c>javascript:</c>, <c>data:</c>) are never made links.</summary>
    public static string? SafeHttpUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        return uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
    }

    /// <summary>A share in [0, 1] as a whole percentage, invariant culture: <c>0.634</c> → <c>63%</c>.</summary>
    public static string Percent(double share) => Math.Round(Math.Clamp(share, 0, 1) * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A number with two decimals, invariant culture.</summary>
    public static string Fixed2(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
