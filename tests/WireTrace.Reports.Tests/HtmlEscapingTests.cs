using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using WireTrace.Core.Analysis;
using WireTrace.Core.Text;
using WireTrace.Reports.Html;

namespace WireTrace.Reports.Tests;

/// <summary>Article text, ids and metadata holding markup show as text and never become elements, attributes or links.</summary>
public sealed class HtmlEscapingTests
{
    public static TheoryData<string> Pages => new() { "compare", "scan" };

    private static string Html(string page) => page == "scan" ? HostileArticles.ScanHtml() : HostileArticles.CompareHtml();

    [Fact]
    public void The_hostile_pair_is_analysed_as_a_derivation_with_a_fact_change_and_an_added_sentence()
    {
        var (_, _, a, stories) = HostileArticles.Build();
        Assert.True(a.Relation.IsDerivation(), a.Relation.ToString());
        Assert.Contains(a.FactChanges, f => f.Source == "Friday" && f.Derived == "Wednesday");
        Assert.NotEmpty(a.Added);
        Assert.Single(stories.Stories);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Injected_markup_creates_no_element_attribute_or_link(string page)
    {
        var html = Html(page);
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Empty(doc.QuerySelectorAll("img, textarea, iframe, object, embed"));
        var script = Assert.Single(doc.QuerySelectorAll("script"));
        Assert.DoesNotContain("xss", script.TextContent);
        foreach (var e in doc.All)
        {
            foreach (var attr in e.Attributes)
            {
                Assert.False(attr.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler attribute {attr.Name} on <{e.LocalName}>");
                Assert.NotEqual("data-x", attr.Name);
            }
        }
        foreach (var a in doc.QuerySelectorAll("a[href]"))
        {
            var href = a.GetAttribute("href")!;
            Assert.True(href.StartsWith('#') || href.StartsWith("https://", StringComparison.Ordinal), $"unexpected link {href}");
        }
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</textarea>", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Injected_markup_shows_as_text(string page)
    {
        var doc = new HtmlParser().ParseDocument(Html(page));
        var text = doc.Body!.TextContent;
        foreach (var payload in HostileArticles.Payloads) Assert.Contains(payload, text);
        // The added sentence (dropped, if the scan takes the longer text as the source) and the changed fact are there, as text.
        var added = Assert.Single(doc.QuerySelectorAll(".row.added p.sent, .row.dropped p.sent"));
        Assert.Contains(HostileArticles.ImgOnError, added.TextContent);
        Assert.Contains(doc.QuerySelectorAll("mark.fact[data-side='derived']"), m => m.TextContent is "Wednesday" or "Friday");
        // A javascript: url is shown, not linked; an https url with markup in it stays one encoded attribute.
        Assert.Contains("javascript:alert('xss-url')", text);
        var link = doc.QuerySelectorAll("a.url").Select(a => a.GetAttribute("href")).Distinct().Single();
        Assert.StartsWith("https://example.org/news?q=", link);
    }

    [Fact]
    public void Encode_replaces_every_markup_character()
    {
        Assert.Equal("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;", HtmlText.Encode("<a href=\"x\" title='y'>&</a>"));
        Assert.Equal("plain text", HtmlText.Encode("plain text"));
        Assert.Equal("", HtmlText.Encode(null));
    }

    [Theory]
    [InlineData("https://example.org/a", true)]
    [InlineData("http://example.org/a", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" JavaScript:alert(1)", false)]
    [InlineData("data:text/html,<script>alert(1)</script>", false)]
    [InlineData("vbscript:msgbox(1)", false)]
    [InlineData("/relative/path", false)]
    public void Only_http_addresses_become_links(string url, bool link)
    {
        Assert.Equal(link, HtmlText.SafeHttpUrl(url) != null);
    }
}

/// <summary>Locating a fact's display value in a sentence.</summary>
public sealed class FactLocatorTests
{
    private static string? Find(string sentence, string value)
        => FactLocator.Find(sentence, new TextSpan(0, sentence.Length), value) is { } s ? s.Substring(sentence) : null;

    [Theory]
    [InlineData("Some 300,000 residents were moved.", "some 300000", "Some 300,000")]
    [InlineData("The flood killed at least 12 people.", "at least 12", "at least 12")]
    [InlineData("Rescuers worked on Friday night.", "Friday", "Friday")]
    [InlineData("In 2012 it killed 12 people.", "12", "12")]
    [InlineData("\u201CWe ran,\u201D  said   Mayor Elena Varga.", "mayor elena varga", "Mayor Elena Varga")]
    [InlineData("It cost 1.5 billion euros.", "2.5 billion", null)]
    [InlineData("In 2012 it rained.", "12", null)]
    public void Finds_whole_values_ignoring_case_spacing_and_separators(string sentence, string value, string? expected)
    {
        Assert.Equal(expected, Find(sentence, value));
    }

    [Fact]
    public void Looks_only_inside_the_given_sentence()
    {
        const string text = "Friday came. Then Monday.";
        var span = FactLocator.Find(text, new TextSpan(13, 12), "Friday");
        Assert.Null(span);
        Assert.Equal(new TextSpan(18, 6), FactLocator.Find(text, new TextSpan(13, 12), "monday"));
    }
}
