using WireTrace.Core.Documents;

namespace WireTrace.Core.Tests.Documents;

public sealed class ArticleMetadataExtractorTests
{
    private static string Body(string text, ArticleMetadata m) => m.Body.Substring(text);

    [Theory]
    [InlineData("WASHINGTON (Reuters) - The U.S. Senate voted on Tuesday.", "WASHINGTON (Reuters)", "Reuters", null)]
    [InlineData("PARIS, Jan 6 (AFP) — French farmers blocked roads.", "PARIS, Jan 6 (AFP)", "AFP", null)]
    [InlineData("KYIV, Ukraine (AP) — Russian drones struck the capital.", "KYIV, Ukraine (AP)", "AP", null)]
    [InlineData("(AFP) — French farmers blocked roads.", "(AFP)", "AFP", null)]
    [InlineData("2024-01-06 (AFP) - French farmers blocked roads.", "2024-01-06 (AFP)", "AFP", "2024-01-06")]
    [InlineData("date 2024-01-06 (AFP) — French farmers blocked roads.", "date 2024-01-06 (AFP)", "AFP", "2024-01-06")]
    [InlineData("LONDON, March 3 (Reuters) - Sterling rose against the dollar.", "LONDON, March 3 (Reuters)", "Reuters", null)]
    [InlineData("LONDON, March 3, 1987 (Reuter) - Sterling rose against the dollar.", "LONDON, March 3, 1987 (Reuter)", "Reuters", "1987-03-03")]
    [InlineData("BRUSSELS, January 6, 2024 (AFP) -- EU ministers met.", "BRUSSELS, January 6, 2024 (AFP)", "AFP", "2024-01-06")]
    [InlineData("GENEVA, 6 January 2024 (AFP) — Talks resumed.", "GENEVA, 6 January 2024 (AFP)", "AFP", "2024-01-06")]
    [InlineData("HELSINKI (AP) — President Donald Trump blamed the United States.", "HELSINKI (AP)", "AP", null)]
    [InlineData("HELSINKI, Finland (CNN) - The leaders met for two hours.", "HELSINKI, Finland (CNN)", "CNN", null)]
    [InlineData("TURNBERRY/GLASGOW, Scotland — U.S. President Donald Trump played golf.", "TURNBERRY/GLASGOW, Scotland", null, null)]
    [InlineData("HELSINKI — The outcome of the first summit was uncertain.", "HELSINKI", null, null)]
    [InlineData("Washington (CNN)\nRepublican Sen. Rand Paul says no.", "Washington (CNN)", "CNN", null)]
    [InlineData("BERLIN, Feb. 3 (dpa) - Germany's parliament approved the law.", "BERLIN, Feb. 3 (dpa)", "dpa", null)]
    public void Recognises_datelines(string text, string dateline, string? agency, string? published)
    {
        var m = ArticleMetadataExtractor.Extract(text);
        Assert.Equal(dateline, m.Dateline);
        Assert.Equal(agency, m.Agency);
        Assert.Equal(published is null ? null : DateOnly.Parse(published), m.Published);
        Assert.Null(m.Title);
        var body = Body(text, m);
        Assert.False(body.Contains('(') && body.Contains(agency ?? "\u0001"), body);
        Assert.True(char.IsUpper(body[0]), body);
    }

    [Fact]
    public void Outlet_prefix_is_removed_from_body()
    {
        const string text = "Islam Times - Russian officials said on Monday that talks would resume.";
        var m = ArticleMetadataExtractor.Extract(text);
        Assert.Equal("Islam Times", m.Outlet);
        Assert.Equal("Russian officials said on Monday that talks would resume.", Body(text, m));
    }

    [Theory]
    [InlineData("The Moscow Times – Prices rose again in March across the country.", "The Moscow Times")]
    [InlineData("Daily Sabah | Turkey signed the deal on Friday.", "Daily Sabah")]
    public void Outlet_prefix_variants(string text, string outlet)
    {
        var m = ArticleMetadataExtractor.Extract(text);
        Assert.Equal(outlet, m.Outlet);
        Assert.StartsWith(text[(text.IndexOf(outlet) + outlet.Length + 3)..], Body(text, m));
    }

    [Fact]
    public void Outlet_prefix_followed_by_agency_dateline()
    {
        const string text = "Islam Times - MOSCOW (AFP) - Russian officials said talks would resume.";
        var m = ArticleMetadataExtractor.Extract(text);
        Assert.Equal("Islam Times", m.Outlet);
        Assert.Equal("AFP", m.Agency);
        Assert.Equal("MOSCOW (AFP)", m.Dateline);
        Assert.Equal("Russian officials said talks would resume.", Body(text, m));
    }

    [Fact]
    public void Headline_followed_by_blank_line_and_dateline()
    {
        const string text = "Trump sets expectations low for Helsinki summit\n\nHELSINKI (AP) — President Donald Trump set low expectations.\n\nHe spoke on Sunday.\n";
        var m = ArticleMetadataExtractor.Extract(text);
        Assert.Equal("Trump sets expectations low for Helsinki summit", m.Title);
        Assert.Equal("AP", m.Agency);
        Assert.Equal("President Donald Trump set low expectations.\n\nHe spoke on Sunday.", Body(text, m));
    }

    [Fact]
    public void Headline_followed_directly_by_body_paragraph()
    {
        const string text = "Ad sales boost Time Warner profit\nQuarterly profits at US media giant TimeWarner jumped 76%.\nThe firm said it was pleased.";
        var m = ArticleMetadataExtractor.Extract(text);
        Assert.Equal("Ad sales boost Time Warner profit", m.Title);
        Assert.StartsWith("Quarterly profits", Body(text, m));
    }

    [Fact]
    public void Markdown_heading_marks_are_not_in_the_title()
    {
        const string text = "## Farmers block Paris roads\n\nFrench farmers blocked roads on Monday.";
        var m = ArticleMetadataExtractor.Extract(text);
        Assert.Equal("Farmers block Paris roads", m.Title);
        Assert.Equal("French farmers blocked roads on Monday.", Body(text, m));
    }

    [Fact]
    public void Question_headline_before_a_longer_paragraph()
    {
        const string text = "Can Yahoo dominate next decade?\n\nYahoo has reached the grand old age of 10 and, as it celebrates, faces rivals.";
        var m = ArticleMetadataExtractor.Extract(text);
        Assert.Equal("Can Yahoo dominate next decade?", m.Title);
        Assert.StartsWith("Yahoo has reached", Body(text, m));
    }

    [Theory]
    [InlineData("Marcellus Stein | AP\n\nPresident Donald Trump and Russian President Vladimir Putin pose for a photo.")]
    [InlineData("Meet the Press - July 15, 2018\n\nThe host asked about the summit in Helsinki on Monday.")]
    [InlineData("By David Sherfinski - The Washington Times said on Monday that the summit was over.")]
    [InlineData("July 13 - Reporters gathered outside the palace in Helsinki on Friday evening.")]
    [InlineData("FILE - In this July 7, 2017, file photo, President Donald Trump meets Vladimir Putin.")]
    public void Credit_lines_and_labels_are_not_outlets(string text)
    {
        var m = ArticleMetadataExtractor.Extract(text);
        Assert.Null(m.Outlet);
        Assert.Null(m.Dateline);
    }

    [Fact]
    public void Headline_with_outlet_suffix()
    {
        const string text = "Nuclear arms race is an expected topic for Trump-Putin talks | Miami Herald\n\nThe nuclear arms race is on the agenda.";
        var m = ArticleMetadataExtractor.Extract(text);
        Assert.Equal("Nuclear arms race is an expected topic for Trump-Putin talks", m.Title);
        Assert.Equal("Miami Herald", m.Outlet);
        Assert.Equal("The nuclear arms race is on the agenda.", Body(text, m));
    }

    [Theory]
    [InlineData("A one-line text without a full stop")]
    [InlineData("President Trump arrived in Finland.\nHe met Putin on Monday.")]
    [InlineData("Did Trump win in Helsinki?\n\nMost observers say no.")]
    [InlineData("Did Trump win in Helsinki?\nMost observers say no, and they explained why at length.")]
    [InlineData("FILE - In this July 7, 2017, file photo, Trump meets Putin.\n\nMore text follows here.")]
    [InlineData("Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects.")]
    [InlineData("Secretary of State George\nShultz acknowledged failings in the Iran arms affair but\ndeclared he would not resign.")]
    [InlineData("Liberty All-Star Equity Fund said\nit declared an initial dividend of five cts per share.")]
    public void No_headline(string text)
    {
        var m = ArticleMetadataExtractor.Extract(text);
        Assert.Null(m.Title);
        Assert.Equal(0, m.Body.Start);
        Assert.Equal(text.TrimEnd().Length, m.Body.End);
    }

    [Theory]
    [InlineData("The minister told reporters in Paris (AFP) - that nothing had changed.")]
    [InlineData("Officials said the talks (Reuters) had stalled.")]
    [InlineData("Prices fell on Monday. Washington - the city - was calm.")]
    [InlineData("Washington - the city council voted on Monday.")]
    [InlineData("Shares of Foo Inc rose 5 pct.")]
    public void Mid_text_markers_are_not_metadata(string text)
    {
        var m = ArticleMetadataExtractor.Extract(text);
        Assert.Null(m.Dateline);
        Assert.Null(m.Agency);
        Assert.Null(m.Outlet);
        Assert.Null(m.Title);
        Assert.Equal(new WireTrace.Core.Text.TextSpan(0, text.Length), m.Body);
    }

    [Fact]
    public void Body_of_a_story_that_mentions_AFP_mid_sentence_is_whole()
    {
        const string text = "Fighting resumed on Monday, a spokesman told (AFP) reporters.\n\nMore later.";
        var m = ArticleMetadataExtractor.Extract(text);
        Assert.Null(m.Agency);
        Assert.Equal(text, Body(text, m));
    }

    [Theory]
    [InlineData("By Jane Doe, Reuters\nWASHINGTON - Senators met on Tuesday.", "Reuters", "WASHINGTON")]
    [InlineData("By Jeff Mason. ABOARD AIR FORCE ONE (Reuters) - U.S. President Donald Trump said.", "Reuters", "ABOARD AIR FORCE ONE (Reuters)")]
    [InlineData("By ROBERT BURNS, AP National Security Writer\nWASHINGTON (AP) — The Pentagon said so.", "AP", "WASHINGTON (AP)")]
    [InlineData("By Jonathan Lemire and Jill Colvin\nHELSINKI (AP) — Trump blamed the U.S.", "AP", "HELSINKI (AP)")]
    public void Bylines_are_removed(string text, string agency, string dateline)
    {
        var m = ArticleMetadataExtractor.Extract(text);
        Assert.Equal(agency, m.Agency);
        Assert.Equal(dateline, m.Dateline);
        Assert.Null(m.Title);
        Assert.DoesNotContain("By ", Body(text, m));
    }

    [Fact]
    public void Leading_and_trailing_blank_lines_are_outside_the_body()
    {
        const string text = "\r\n\r\n  WASHINGTON (Reuters) - The U.S. Senate voted.\r\n\r\n";
        var m = ArticleMetadataExtractor.Extract(text);
        Assert.Equal("The U.S. Senate voted.", Body(text, m));
    }

    [Fact]
    public void Headline_can_be_disabled_when_known()
    {
        const string text = "Key points\n\nThe leaders met in Helsinki for two hours.";
        Assert.Equal("Key points", ArticleMetadataExtractor.Extract(text).Title);
        var m = ArticleMetadataExtractor.Extract(text, recogniseHeadline: false);
        Assert.Null(m.Title);
        Assert.Equal(text, Body(text, m));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n\n ", 0)]
    public void Empty_text_has_empty_body(string text, int length)
    {
        var m = ArticleMetadataExtractor.Extract(text);
        Assert.Equal(length, m.Body.Length);
    }

    [Theory]
    [InlineData("Jan 6", true, null)]
    [InlineData("Jan. 6, 2024", true, "2024-01-06")]
    [InlineData("6 January 2024", true, "2024-01-06")]
    [InlineData("2024-02-30", false, null)]
    [InlineData("Feb 30", false, null)]
    [InlineData("July 16 2018", true, "2018-07-16")]
    public void Dateline_dates(string text, bool ok, string? expected)
    {
        Assert.Equal(ok, DatelineDate.TryParse(text, out var date));
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected), date);
    }

    [Fact]
    public void Real_helsinki_starts_lose_their_datelines()
    {
        // Paragraph starts taken from the shared Helsinki corpus (paragraphs separated by " ### ").
        var path = WireTrace.Tests.SharedData.PathTo("provenance-helsinki", "helsinki_articles.csv");
        var content = File.ReadAllText(path);
        var found = 0;
        foreach (System.Text.RegularExpressions.Match hit in System.Text.RegularExpressions.Regex.Matches(content, @"### ((?:[A-Z][A-Za-z]+[ ,/]*){1,4}\((?:AP|Reuters)\) [-—][^#]{20,200})"))
        {
            var paragraph = hit.Groups[1].Value.Trim();
            var m = ArticleMetadataExtractor.Extract(paragraph);
            Assert.NotNull(m.Agency);
            Assert.DoesNotContain("(" + (m.Agency == "AP" ? "AP" : "Reuters") + ")", Body(paragraph, m));
            found++;
        }
        Assert.True(found >= 20, $"only {found} dateline paragraphs found");
    }
}
