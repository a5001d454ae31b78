using WireTrace.Core.Analysis;
using WireTrace.Core.Documents;
using WireTrace.Core.Stories;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Reports.Html;
using WireTrace.Reports.Json;

namespace WireTrace.Reports.Tests;

/// <summary>
/// A source and a derived article whose text, ids, titles, outlets and urls carry markup and script
/// injections; the derived one copies the source with a changed weekday and an added sentence, so the report
/// shows aligned rows, diff runs, an added sentence and a fact change all holding hostile text.
/// </summary>
internal static class HostileArticles
{
    public const string ScriptTag = "<script>alert('xss-script')</script>";
    public const string TextareaEnd = "</textarea><script>alert('xss-textarea')</script>";
    public const string ImgOnError = "\"><img src=x onerror=alert('xss-img')>";
    public const string JsLink = "<a href=\"javascript:alert('xss-link')\">click here</a>";
    public const string AttrBreak = "' onmouseover='alert(1)' data-x='";

    public static readonly string[] Payloads = [ScriptTag, TextareaEnd, ImgOnError, JsLink, AttrBreak];

    private static readonly string SourceText =
        "Officials in Kellmoor said the harbour wall failed on Friday after a week of storms. " +
        $"A resident posted {ScriptTag} on the town forum as water rose in the old quarter. " +
        $"The council notice read {TextareaEnd} before the page went down. " +
        $"Engineers said the breach was {ImgOnError} wide by the morning. " +
        $"A charity shared {JsLink} to collect donations for families. " +
        $"The mayor said {AttrBreak} would be repaired within a month. " +
        "Rescue teams moved 400 people to the sports hall overnight.";

    private static readonly string DerivedText =
        "Officials in Kellmoor said the harbour wall failed on Wednesday after a week of storms. " +
        $"A resident posted {ScriptTag} on the town forum as water rose in the old quarter. " +
        $"The council notice read {TextareaEnd} before the page went down. " +
        $"Engineers said the breach was {ImgOnError} wide by the morning. " +
        $"A charity shared {JsLink} to collect donations for families. " +
        $"The mayor said {AttrBreak} would be repaired within a month. " +
        "Rescue teams moved 400 people to the sports hall overnight. " +
        $"Readers wrote {ImgOnError} and {ScriptTag} in the comments below the story.";

    public static (AnalyzedDocument Source, AnalyzedDocument Derived, PairAnalysis Analysis, StoryResult Stories) Build()
    {
        var context = new AnalysisContext(new TextAnalyzer(EnglishStemmer.Default));
        var source = context.Add(new Article("src" + ImgOnError, "a/" + ScriptTag + ".txt", SourceText, new TextSpan(0, SourceText.Length),
            Title: ScriptTag + " flood", Outlet: ImgOnError, Url: "javascript:alert('xss-url')", Agency: TextareaEnd, Published: new DateOnly(2024, 1, 6)));
        var derived = context.Add(new Article("der" + ScriptTag, "b.txt", DerivedText, new TextSpan(0, DerivedText.Length),
            Title: TextareaEnd, Outlet: JsLink, Url: "https://example.org/news?q=\"><img src=x onerror=alert('xss-href')>"));
        var analyzer = context.CreateAnalyzer();
        var analysis = analyzer.Analyze(source, derived);
        var stories = new StoryBuilder(analyzer).Build([source, derived]);
        return (source, derived, analysis, stories);
    }

    public static string CompareHtml()
    {
        var (s, d, a, _) = Build();
        using var stream = new MemoryStream();
        HtmlReportWriter.WriteCompare(stream, s, d, a, "lexical " + ScriptTag);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string ScanHtml()
    {
        var (s, d, _, stories) = Build();
        using var stream = new MemoryStream();
        HtmlReportWriter.WriteScan(stream, [s, d], stories, [new ReportSkip(ScriptTag + ".csv", 3, ImgOnError)], "lexical");
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
