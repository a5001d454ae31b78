using Microsoft.Playwright;

namespace WireTrace.Reports.Tests;

/// <summary>
/// Debian's chromium, headless, driven by Playwright (which never downloads a browser here): opens the
/// reports from file:// URLs and checks what a reader sees and does. A missing browser fails these tests
/// with the command that installs it.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly string _userData;

    private Browser(IPlaywright playwright, IBrowserContext context, string userData)
    {
        _playwright = playwright;
        Context = context;
        _userData = userData;
    }

    public IBrowserContext Context { get; }

    public static async Task<Browser> LaunchAsync(int width = 1280, int height = 900)
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"No browser at {ChromiumPath}: the browser tests need Debian's chromium. Run `bash scripts/install-test-deps` (installs it with apt-get) and test again.");
        }
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var userData = Path.Combine(Path.GetTempPath(), "wiretrace-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(userData);
        var context = await playwright.Chromium.LaunchPersistentContextAsync(userData, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Args,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Timeout = 60_000,
        });
        return new Browser(playwright, context, userData);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try { Directory.Delete(_userData, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Where screenshots go: $WIRETRACE_SCREENSHOTS if set, else a temporary folder.</summary>
    public static string ScreenshotFolder()
    {
        var dir = Environment.GetEnvironmentVariable("WIRETRACE_SCREENSHOTS") is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "wiretrace-screenshots");
        Directory.CreateDirectory(dir);
        return dir;
    }
}

[Collection(DemoCollection.Name)]
public sealed class BrowserTests(DemoOutputs demo)
{
    [Fact]
    public async Task Demo_report_renders_with_stories_pairs_and_fact_highlights()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.Context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(new Uri(demo.ScanHtml).AbsoluteUri);

        Assert.Equal("js", await page.EvaluateAsync<string>("document.documentElement.className"));
        Assert.Equal(1, await page.Locator("section.story").CountAsync());
        Assert.Equal(7, await page.Locator("article.derivation").CountAsync());
        Assert.True(await page.Locator(".row.aligned").CountAsync() > 100);
        Assert.Equal(8, await page.Locator("section.story table.members tbody tr").CountAsync());

        var partial = page.Locator("article[data-derived='partial-rewrite']");
        var wednesday = partial.Locator("mark.fact[data-side='derived']", new() { HasTextString = "Wednesday" });
        Assert.Equal(1, await wednesday.CountAsync());
        Assert.Equal("Friday", await wednesday.GetAttributeAsync("data-source"));
        Assert.True(await wednesday.IsVisibleAsync());
        var atLeast = partial.Locator("mark.fact[data-side='derived']", new() { HasTextString = "at least 12" });
        Assert.Equal("12", await atLeast.GetAttributeAsync("data-source"));
        Assert.Equal("at least 12", (await atLeast.TextContentAsync())!.Trim());
        // Both values are readable in place: the badge after the mark names the source value.
        Assert.Contains("Friday", await partial.Locator(".cell.der .fact-badge", new() { HasTextString = "Friday" }).First.InnerTextAsync());
        Assert.Equal(4, await partial.Locator("table.facts tbody tr").CountAsync());
        Assert.Empty(errors);

        var shots = Browser.ScreenshotFolder();
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "report-top.png") });
        await partial.ScreenshotAsync(new() { Path = Path.Combine(shots, "report-partial.png") });
        Assert.True(new FileInfo(Path.Combine(shots, "report-top.png")).Length > 20_000);

        // The partial rewrite as a reader lands on it from the tree (docs/report.png is made from this view).
        await page.SetViewportSizeAsync(1280, 1500);
        await page.Locator("ul.tree a.doc", new() { HasTextString = "partial-rewrite" }).ClickAsync();
        Assert.EndsWith("#" + await partial.GetAttributeAsync("id"), page.Url);
        Assert.True(await partial.EvaluateAsync<bool>("a => a.getBoundingClientRect().top >= 0 && a.getBoundingClientRect().top < 200"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "report-desktop.png") });
    }

    [Fact]
    public async Task Keys_j_and_k_move_between_visible_derivations_and_filters_hide_relations()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.Context.NewPageAsync();
        await page.GotoAsync(new Uri(demo.ScanHtml).AbsoluteUri);
        var ids = await page.Locator("article.derivation").EvaluateAllAsync<string[]>("a => a.map(x => x.id)");

        async Task<string?> Focused() => await page.EvaluateAsync<string?>("document.activeElement && document.activeElement.closest('article.derivation') ? document.activeElement.closest('article.derivation').id : null");
        await page.Keyboard.PressAsync("j");
        Assert.Equal(ids[0], await Focused());
        await page.Keyboard.PressAsync("j");
        Assert.Equal(ids[1], await Focused());
        await page.Keyboard.PressAsync("j");
        Assert.Equal(ids[2], await Focused());
        await page.Keyboard.PressAsync("k");
        Assert.Equal(ids[1], await Focused());
        // Focus is visible: an outline or a ring on the current derivation.
        var ring = await page.EvaluateAsync<string>("(() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + '|' + s.boxShadow; })()");
        Assert.True(!ring.StartsWith("none|") || !ring.EndsWith("|none"), ring);
        Assert.Contains(ids[1], await page.Locator("#nav-status").InnerTextAsync() is var status && status.Contains("Derivation 2 of 7") ? ids[1] : status);

        // Hide the near-duplicates: their articles disappear and j skips them.
        await page.Locator("input[data-filter='near-duplicate']").UncheckAsync();
        Assert.False(await page.Locator("article[data-relation='near-duplicate']").First.IsVisibleAsync());
        Assert.Contains("5 of 7", await page.Locator("#nav-status").InnerTextAsync());
        var visible = await page.Locator("article.derivation:not([hidden])").EvaluateAllAsync<string[]>("a => a.map(x => x.id)");
        Assert.Equal(5, visible.Length);
        await page.Keyboard.PressAsync("k");
        await page.Keyboard.PressAsync("k");
        await page.Keyboard.PressAsync("k");
        Assert.Equal(visible[0], await Focused());
        for (int i = 1; i < visible.Length; i++)
        {
            await page.Keyboard.PressAsync("j");
            Assert.Equal(visible[i], await Focused());
        }
        await page.Locator("input[data-filter='near-duplicate']").CheckAsync();
        Assert.Equal(7, await page.Locator("article.derivation:not([hidden])").CountAsync());
    }

    [Fact]
    public async Task Narrow_screen_stacks_the_side_by_side_without_horizontal_scrolling()
    {
        await using var browser = await Browser.LaunchAsync(width: 390, height: 800);
        var page = await browser.Context.NewPageAsync();
        await page.GotoAsync(new Uri(demo.ScanHtml).AbsoluteUri);
        var row = page.Locator("article[data-derived='partial-rewrite'] .row.aligned").First;
        await row.ScrollIntoViewIfNeededAsync();
        var src = (await row.Locator(".cell.src").BoundingBoxAsync())!;
        var der = (await row.Locator(".cell.der").BoundingBoxAsync())!;
        Assert.True(der.Y >= src.Y + src.Height - 1, $"derived cell ({der.Y}) should sit below the source cell ({src.Y}+{src.Height})");
        Assert.True(await row.Locator(".cell.der .side").IsVisibleAsync(), "stacked cells are labelled");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder(), "report-narrow.png") });
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var wide = await page.EvaluateAsync<string>("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.table-wrap')).slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')");
        Assert.True(overflow <= 0, $"page scrolls sideways by {overflow}px ({wide})");
    }

    [Theory]
    [InlineData("scan")]
    [InlineData("compare")]
    public async Task Hostile_articles_run_no_script_and_inject_no_element(string kind)
    {
        var file = Path.Combine(Path.GetTempPath(), $"wiretrace-xss-{kind}-{Guid.NewGuid():N}.html");
        File.WriteAllText(file, kind == "scan" ? HostileArticles.ScanHtml() : HostileArticles.CompareHtml());
        try
        {
            await using var browser = await Browser.LaunchAsync();
            var page = await browser.Context.NewPageAsync();
            var dialogs = new List<string>();
            page.Dialog += async (_, d) => { dialogs.Add(d.Message); await d.DismissAsync(); };
            await page.GotoAsync(new Uri(file).AbsoluteUri);
            // Give handlers a chance: hover and click every sentence, follow every link target.
            foreach (var sentence in await page.Locator("p.sent").AllAsync())
            {
                await sentence.HoverAsync();
                await sentence.ClickAsync();
            }
            await page.WaitForTimeoutAsync(300);
            Assert.Empty(dialogs);
            Assert.Equal(0, await page.Locator("img, textarea, iframe, object, embed").CountAsync());
            Assert.Equal(1, await page.EvaluateAsync<int>("document.scripts.length"));
            Assert.Equal(0, await page.EvaluateAsync<int>("[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"));
            Assert.Equal(0, await page.EvaluateAsync<int>("[...document.querySelectorAll('a[href]')].filter(a => !a.getAttribute('href').startsWith('#') && !a.href.startsWith('https:')).length"));
            var text = await page.InnerTextAsync("main");
            foreach (var payload in HostileArticles.Payloads) Assert.Contains(payload.Trim(), text);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
