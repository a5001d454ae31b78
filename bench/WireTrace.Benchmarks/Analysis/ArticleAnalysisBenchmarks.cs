using BenchmarkDotNet.Attributes;
using WireTrace.Core.Analysis;
using WireTrace.Core.Documents;
using WireTrace.Core.Similarity;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Evaluation.Datasets;

namespace WireTrace.Benchmarks.Analysis;

/// <summary>
/// Analysing one article, on one thread, as the read stage of <c>scan</c> does for every article: the text model
/// (<see cref="TextAnalyzer.Analyze(string, TextSpan)"/>), then its comparison profile (<see cref="DocumentProfile.Build"/>),
/// then all that <see cref="AnalysisContext.Add"/> does (profile, term statistics, template sentences). The articles are
/// real: every 5th BBC News Summary article (445, edited agency-style prose) and every 3rd Helsinki-summit article
/// (204, scraped from 75 outlets: curly quotes, dashes, non-breaking spaces, some non-Latin text), 649 in all,
/// 2,878 characters on average. The analyzer is warm (every article analysed once in the setup), as it is a few
/// seconds into a scan. Results are per article (OperationsPerInvoke); on a shared machine read Min beside Mean.
/// Run with: dotnet run -c Release --project bench/WireTrace.Benchmarks -- --filter '*ArticleAnalysisBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class ArticleAnalysisBenchmarks
{
    private const int ArticleCount = 649;

    private Article[] _articles = [];
    private TextAnalyzer _analyzer = null!;
    private Vocabulary _vocabulary = null!;
    private AnalysisContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = SharedDataRoot.Locate();
        var bbc = new BbcNewsSummaryDataset(Path.Combine(root, "bbc-news-summary"))
            .Read()
            .Where((_, i) => i % 5 == 0)
            .Select(p => new Article(p.Id, null, p.Article, p.Body, p.Title, "BBC News"));
        var helsinki = new HelsinkiProvenanceDataset(Path.Combine(root, HelsinkiProvenanceDataset.FolderName))
            .Read()
            .Where((_, i) => i % 3 == 0)
            .Select(a => Article.FromText(a.Id, null, a.PlainText, outlet: a.Publisher));
        _articles = [.. bbc, .. helsinki];
        if (_articles.Length != ArticleCount)
        {
            throw new InvalidOperationException($"Expected {ArticleCount} articles, found {_articles.Length}: has the data under {root} changed?");
        }
        _analyzer = new TextAnalyzer(EnglishStemmer.Default);
        _vocabulary = new Vocabulary();
        _context = new AnalysisContext(_analyzer);
        AnalyzeAndBuildProfile();
        ContextAdd();
    }

    /// <summary>The text model: paragraphs, sentences, tokens with their norms, stems and stop-word flags.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ArticleCount)]
    public int Analyze()
    {
        int tokens = 0;
        foreach (var article in _articles) tokens += _analyzer.Analyze(article.Text, article.Body).Tokens.Count;
        return tokens;
    }

    /// <summary>The text model and the comparison profile (term ids, character 4-grams, numbers, names per sentence).</summary>
    [Benchmark(OperationsPerInvoke = ArticleCount)]
    public int AnalyzeAndBuildProfile()
    {
        int sentences = 0;
        foreach (var article in _articles)
        {
            var model = _analyzer.Analyze(article.Text, article.Body);
            sentences += DocumentProfile.Build(model, _vocabulary).Sentences.Count;
        }
        return sentences;
    }

    /// <summary>What the read stage of <c>scan</c> does per article before fingerprinting it.</summary>
    [Benchmark(OperationsPerInvoke = ArticleCount)]
    public int ContextAdd()
    {
        int sentences = 0;
        foreach (var article in _articles) sentences += _context.Add(article).Profile.Sentences.Count;
        return sentences;
    }
}
