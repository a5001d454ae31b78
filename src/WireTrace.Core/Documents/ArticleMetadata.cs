using WireTrace.Core.Text;

namespace WireTrace.Core.Documents;

/// <summary>
/// What <see cref="ArticleMetadataExtractor"/> recognised at the start of an article's text.
/// </summary>
/// <param name="Body">The text to compare: the input less headline, outlet prefix, byline and dateline, without
/// leading or trailing blank lines. Offsets point into the text given to the extractor.</param>
/// <param name="Title">A headline line found at the start, or a known headline passed in.</param>
/// <param name="Outlet">An outlet name found as a prefix (<c>Islam Times - ...</c>) or as a headline suffix (<c>... | Miami Herald</c>).</param>
/// <param name="Published">The date of the dateline, only when it gives a year.</param>
/// <param name="Agency">The news agency named in a dateline or byline, in canonical form (AFP, Reuters, AP, ...).</param>
/// <param name="Dateline">The dateline as found, without the dash that ends it (e.g. <c>PARIS, Jan 6 (AFP)</c>).</param>
/// <param name="OutletPrefix">True when the text starts with an outlet's name before the story (<c>Islam Times - ...</c>), as republished and scraped copies do.</param>
public sealed record ArticleMetadata(
    TextSpan Body,
    string? Title = null,
    string? Outlet = null,
    DateOnly? Published = null,
    string? Agency = null,
    string? Dateline = null,
    bool OutletPrefix = false);
