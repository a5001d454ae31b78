namespace WireTrace.Ingest.Tests;

public sealed class HtmlTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private const string NewsPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Leaders meet in Helsinki | The Daily Example</title>
          <meta property="og:site_name" content="The Daily Example">
          <meta property="og:title" content="Leaders meet in Helsinki">
          <meta property="og:url" content="https://daily.example/world/helsinki-summit">
          <meta property="article:published_time" content="2018-07-16T10:22:00-07:00">
          <style>.share-bar { display: flex; }</style>
          <script>window._taboola = window._taboola || []; var tracking = "SCRIPT NOISE";</script>
        </head>
        <body class="page">
          <div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience. Accept all cookies to continue.</p></div>
          <header class="site-header"><a href="/">The Daily Example</a><nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav></header>
          <main>
            <article>
              <header><h1>Leaders meet in Helsinki</h1><p class="byline">By Jane Doe</p></header>
              <div class="social-share"><a href="#">Share on Facebook</a> <a href="#">Tweet this story</a></div>
              <div itemprop="articleBody">
                <p>HELSINKI (AP) — The two presidents met for more than two hours on Monday in the Finnish capital.</p>
                <p>Officials said the talks covered arms control, Syria and the war in Ukraine.</p>
                <div class="promo-box"><p>Subscribe to our newsletter for the best stories of the day.</p></div>
                <h2>A cautious start</h2>
                <p>Neither side announced an agreement, but both called the meeting <a href="/x">useful</a>.</p>
                <blockquote><p>"We had a good dialogue," one official said.</p></blockquote>
                <ul><li>Arms control talks will resume in the autumn.</li><li>Both sides will name envoys.</li></ul>
                <script>document.write("INLINE SCRIPT NOISE");</script>
                <aside class="related-links"><h3>Related stories</h3><ul><li><a href="/a">Earlier summit coverage</a></li></ul></aside>
              </div>
              <section class="comments"><h3>Comments</h3><p>Reader comment: this summit was a disgrace and I said so.</p></section>
            </article>
          </main>
          <aside><h3>Most read</h3><ol><li><a href="/b">Unrelated popular story</a></li></ol></aside>
          <footer><p>Copyright The Daily Example. All rights reserved.</p></footer>
        </body>
        </html>
        """;

    [Fact]
    public void Extracts_the_story_without_page_furniture()
    {
        var path = _temp.Write("news/helsinki-summit.html", NewsPage);
        var article = Assert.Single(new CorpusReader().ReadFile(path).Articles());

        Assert.Equal("helsinki-summit", article.Id);
        Assert.Equal("Leaders meet in Helsinki", article.Title);
        Assert.Equal("The Daily Example", article.Outlet);
        Assert.Equal(new DateOnly(2018, 7, 16), article.Published);
        Assert.Equal("https://daily.example/world/helsinki-summit", article.Url);
        Assert.Equal("AP", article.Agency);
        Assert.Equal("HELSINKI (AP)", article.Dateline);

        var expected = string.Join("\n\n",
            "HELSINKI (AP) — The two presidents met for more than two hours on Monday in the Finnish capital.",
            "Officials said the talks covered arms control, Syria and the war in Ukraine.",
            "A cautious start",
            "Neither side announced an agreement, but both called the meeting useful.",
            "\"We had a good dialogue,\" one official said.",
            "Arms control talks will resume in the autumn.",
            "Both sides will name envoys.");
        Assert.Equal(expected, article.Text);
        Assert.StartsWith("The two presidents met", article.BodyText.ToString());
        foreach (var noise in new[] { "cookie", "Share on", "Tweet", "Subscribe", "SCRIPT NOISE", "Related", "Earlier summit", "Reader comment", "Most read", "Copyright", "World", "By Jane Doe" })
        {
            Assert.DoesNotContain(noise, article.Text);
        }
    }

    [Fact]
    public void Without_semantic_containers_the_block_with_most_paragraph_text_wins()
    {
        var page = """
            <html><head><title>Market report</title></head><body>
            <div class="menu"><p>Home</p><p>Markets</p></div>
            <div class="content-wrap"><div class="txt">
              <p>Stocks rose on Tuesday as investors welcomed the central bank decision to hold rates steady.</p>
              <p>The benchmark index gained one percent, led by banks and energy companies, traders said.</p>
            </div></div>
            <div class="box"><p>Short sidebar note.</p></div>
            </body></html>
            """;
        var path = _temp.Write("market.htm", page);
        var article = Assert.Single(new CorpusReader().ReadFile(path).Articles());
        Assert.Equal("Market report", article.Title);
        Assert.Equal(
            "Stocks rose on Tuesday as investors welcomed the central bank decision to hold rates steady.\n\n" +
            "The benchmark index gained one percent, led by banks and energy companies, traders said.",
            article.Text);
    }

    [Fact]
    public void A_page_without_article_text_is_skipped()
    {
        var page = """
            <html><head><title>Gallery</title><script>var x = "lots of script text that is not an article at all, really not";</script></head>
            <body><nav><p>Home. News. Sport. Weather. Many menu words that are not a story at all.</p></nav>
            <div><p>Photo 1 of 12</p></div></body></html>
            """;
        var path = _temp.Write("gallery.html", page);
        Assert.Equal(new SkippedInput(path, null, "no article text found"), Assert.Single(new CorpusReader().ReadFile(path).Skips()));
    }
}
