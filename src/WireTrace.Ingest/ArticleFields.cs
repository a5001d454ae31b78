using System.Globalization;
using WireTrace.Core.Documents;

namespace WireTrace.Ingest;

/// <summary>Metadata given explicitly by the input (JSONL fields, CSV columns, HTML meta tags); each wins over the inferred value.</summary>
internal sealed record ArticleFields(string? Title = null, string? Outlet = null, DateOnly? Published = null, string? Url = null)
{
    public static readonly ArticleFields None = new();

    /// <summary>Builds the article: metadata inferred from the text, overridden by the given fields.</summary>
    public Article Build(string id, string path, string text, bool recogniseHeadline = true)
        => Article.FromText(id, path, text, Title, Outlet, Published, Url, recogniseHeadline);

    /// <summary>Parses an ISO date (<c>2024-01-06</c>) or date-time (<c>2018-07-15T07:54:28-04:00</c>; its own calendar date is kept).</summary>
    public static bool TryParsePublished(string value, out DateOnly date)
    {
        var s = value.Trim();
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        if (s.Length > 10 && s[4] == '-' && s[7] == '-' && (s[10] is 'T' or ' ')
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            date = DateOnly.FromDateTime(moment.DateTime);
            return true;
        }
        date = default;
        return false;
    }
}
