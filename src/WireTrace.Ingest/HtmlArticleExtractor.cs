using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace WireTrace.Ingest;

/// <summary>The story text found in an HTML page, with the page's own metadata.</summary>
/// <param name="Paragraphs">Paragraph, subheading, quote and list-item texts in document order, whitespace collapsed.</param>
internal sealed record HtmlArticle(string? Title, IReadOnlyList<string> Paragraphs, string? Outlet, DateOnly? Published, string? Url)
{
    /// <summary>The paragraphs joined by blank lines: the article text.</summary>
    public string Text => string.Join("\n\n", Paragraphs);
}

/// <summary>
/// Extracts the main story from a news page: drops page furniture (scripts, navigation, headers, footers, asides,
/// forms, share bars, related links, comments, cookie banners, promos — by tag, ARIA role and class/id hints),
/// picks the article container (<c>[itemprop=articleBody]</c>, <c>&lt;article&gt;</c>, <c>&lt;main&gt;</c>, else the block
/// with the most paragraph text) and keeps its paragraphs in order.
/// </summary>
internal static class HtmlArticleExtractor
{
    /// <summary>Pages with fewer words of paragraph text than this hold no article.</summary>
    public const int MinWords = 25;

    private static readonly HashSet<string> NoiseTags =
    [
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg",
        "button", "select", "input", "textarea", "figcaption", "dialog", "menu", "object", "embed", "video", "audio", "canvas",
    ];

    private static readonly HashSet<string> NoiseRoles =
        ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar"];

    private static readonly HashSet<string> NoiseHints =
    [
        "share", "shares", "sharing", "sharebar", "social", "related", "promo", "promos", "promotion", "newsletter",
        "newsletters", "comment", "comments", "cookie", "cookies", "consent", "gdpr", "subscribe", "subscription",
        "signup", "advert", "advertisement", "ad", "ads", "sponsored", "sidebar", "breadcrumb", "breadcrumbs", "popup",
        "modal", "outbrain", "taboola", "recommended", "recommendations", "trending", "paywall", "disqus", "masthead",
        "nav", "navbar", "navigation", "menu", "footer", "toolbar", "more-stories", "readmore", "read-more",
    ];

    private static readonly HashSet<string> ParagraphTags = ["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd"];

    /// <summary>The article in <paramref name="html"/>, or null when the page has no article text.</summary>
    public static HtmlArticle? Extract(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var outlet = Meta(document, "og:site_name");
        var published = Meta(document, "article:published_time") ?? Meta(document, "datePublished");
        var url = Meta(document, "og:url") ?? document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        var title = FindTitle(document);

        RemoveNoise(document);
        var root = FindRoot(document);
        if (root is null) return null;
        var paragraphs = new List<string>();
        Collect(root, paragraphs);
        if (title is not null && paragraphs.Count > 0 && paragraphs[0] == title) paragraphs.RemoveAt(0);
        if (!HasArticleText(paragraphs)) return null;

        DateOnly? date = published is not null && ArticleFields.TryParsePublished(published, out var d) ? d : null;
        return new HtmlArticle(title, paragraphs, Blank(outlet), date, Blank(url));
    }

    private static string? FindTitle(IHtmlDocument document)
    {
        var h1 = document.QuerySelector("[itemprop=articleBody] h1, article h1, main h1, [itemprop=headline]") ?? document.QuerySelector("h1");
        return Blank(Collapse(h1?.TextContent)) ?? Blank(Meta(document, "og:title")) ?? Blank(Collapse(document.Title));
    }

    private static string? Meta(IHtmlDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (key is not null && key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                var content = meta.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(content)) return content.Trim();
            }
        }
        return null;
    }

    private static void RemoveNoise(IHtmlDocument document)
    {
        var total = Math.Max(1, ParagraphChars(document.DocumentElement));
        var doomed = new List<IElement>();
        foreach (var element in document.DocumentElement.Descendants<IElement>())
        {
            if (IsNoise(element, total)) doomed.Add(element);
        }
        foreach (var element in doomed) element.Remove(); // removing an ancestor first is harmless
    }

    private static bool IsNoise(IElement element, int totalParagraphChars)
    {
        var tag = element.LocalName;
        if (tag is "html" or "body" or "main" or "article") return false;
        if (string.Equals(element.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase)) return false;
        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)) return true;
        var byTagOrRole = NoiseTags.Contains(tag) || element.GetAttribute("role") is { } role && NoiseRoles.Contains(role.Trim().ToLowerInvariant());
        if (!byTagOrRole && !HasNoiseHint(element)) return false;
        // Never drop a container that holds the story itself (a page wrapper with a "social" class, a <header> around everything).
        if (element.QuerySelector("article, main, [itemprop=articleBody]") is not null) return false;
        return tag is "script" or "style" or "noscript" or "template" || ParagraphChars(element) * 2 <= totalParagraphChars;
    }

    private static bool HasNoiseHint(IElement element)
    {
        foreach (var value in new[] { element.ClassName, element.Id })
        {
            if (string.IsNullOrEmpty(value)) continue;
            foreach (var token in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (NoiseHints.Contains(token.ToLowerInvariant())) return true;
                foreach (var part in SplitName(token))
                {
                    if (NoiseHints.Contains(part)) return true;
                }
            }
        }
        return false;
    }

    // "shareBar" → share, bar; "related-links" → related, links; "c-cookie_banner" → c, cookie, banner.
    private static IEnumerable<string> SplitName(string token)
    {
        var part = new StringBuilder();
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            var boundary = c is '-' or '_' or ':' || (char.IsUpper(c) && i > 0 && char.IsLower(token[i - 1]));
            if (boundary && part.Length > 0)
            {
                yield return part.ToString();
                part.Clear();
            }
            if (char.IsLetterOrDigit(c)) part.Append(char.ToLowerInvariant(c));
        }
        if (part.Length > 0) yield return part.ToString();
    }

    private static IElement? FindRoot(IHtmlDocument document)
    {
        foreach (var selector in new[] { "[itemprop=articleBody]", "article", "main, [role=main]" })
        {
            var best = document.QuerySelectorAll(selector).MaxBy(ParagraphChars);
            if (best is not null && ParagraphChars(best) > 0) return best;
        }
        // No semantic container: the element whose own <p> children hold the most text.
        IElement? root = null;
        var bestChars = 0;
        foreach (var element in document.DocumentElement.Descendants<IElement>())
        {
            var chars = element.Children.Where(c => c.LocalName == "p").Sum(c => c.TextContent.Length);
            if (chars > bestChars)
            {
                bestChars = chars;
                root = element;
            }
        }
        return root;
    }

    private static int ParagraphChars(IElement element) =>
        element.QuerySelectorAll("p").Sum(p => p.TextContent.Length) + (element.LocalName == "p" ? element.TextContent.Length : 0);

    private static void Collect(IElement element, List<string> paragraphs)
    {
        foreach (var child in element.Children)
        {
            var tag = child.LocalName;
            var isParagraph = ParagraphTags.Contains(tag)
                && !(tag is "blockquote" or "li" && child.QuerySelector("p, li") is not null);
            if (!isParagraph)
            {
                Collect(child, paragraphs);
                continue;
            }
            var text = Collapse(child.TextContent);
            if (string.IsNullOrEmpty(text) || IsLinkList(child, text)) continue;
            paragraphs.Add(text);
        }
    }

    // A list item or paragraph that is mostly a link ("Read more: ...") is navigation, not story text.
    private static bool IsLinkList(IElement element, string text)
    {
        var linkChars = element.QuerySelectorAll("a").Sum(a => Collapse(a.TextContent)?.Length ?? 0);
        return linkChars >= text.Length * 0.8 && text.Split(' ').Length < 20;
    }

    private static bool HasArticleText(List<string> paragraphs)
    {
        var words = 0;
        var sentences = 0;
        foreach (var p in paragraphs)
        {
            words += p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            for (var i = 0; i < p.Length; i++)
            {
                if (p[i] is '.' or '!' or '?' && (i + 1 == p.Length || char.IsWhiteSpace(p[i + 1]) || p[i + 1] is '"' or '”' or '’')) sentences++;
            }
        }
        return words >= MinWords && sentences >= 2;
    }

    private static string? Collapse(string? text)
    {
        if (text is null) return null;
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
