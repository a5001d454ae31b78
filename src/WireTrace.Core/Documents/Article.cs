using WireTrace.Core.Text;

namespace WireTrace.Core.Documents;

/// <summary>
/// One article as read: identity and metadata, the original text, and the body span that is compared
/// (the text less any outlet prefix, dateline and headline that were recognised).
/// </summary>
/// <param name="Id">File name without extension for files; the <c>id</c> field for JSONL and CSV rows.</param>
/// <param name="Path">Where it was read from (file path, with <c>:line</c> for rows), for messages and reports.</param>
/// <param name="Agency">A news agency named in a dateline (AFP, Reuters, AP), if any.</param>
/// <param name="OutletPrefix">The text starts with an outlet's name before the story, as republished and scraped copies do.</param>
public sealed record Article(
    string Id,
    string? Path,
    string Text,
    TextSpan Body,
    string? Title = null,
    string? Outlet = null,
    DateOnly? Published = null,
    string? Url = null,
    string? Agency = null,
    string? Dateline = null,
    bool OutletPrefix = false)
{
    public ReadOnlySpan<char> BodyText => Body.Slice(Text);

    /// <summary>
    /// An article from its text, with headline, outlet prefix, byline and dateline recognised by
    /// <see cref="ArticleMetadataExtractor"/>; metadata given explicitly wins over what is inferred.
    /// </summary>
    public static Article FromText(
        string id,
        string? path,
        string text,
        string? title = null,
        string? outlet = null,
        DateOnly? published = null,
        string? url = null,
        bool recogniseHeadline = true)
    {
        var inferred = ArticleMetadataExtractor.Extract(text, recogniseHeadline);
        return new Article(
            id,
            path,
            text,
            inferred.Body,
            title ?? inferred.Title,
            outlet ?? inferred.Outlet,
            published ?? inferred.Published,
            url,
            inferred.Agency,
            inferred.Dateline,
            inferred.OutletPrefix);
    }
}
