using WireTrace.Core.Documents;
using WireTrace.Core.Similarity;
using WireTrace.Core.Text;

namespace WireTrace.Core.Analysis;

/// <summary>
/// One analysis run: turns articles into <see cref="AnalyzedDocument"/>s sharing a vocabulary and term
/// statistics, then gives the analyzer over them. Add every document before creating the analyzer, so
/// that term rarities are those of the whole set.
/// </summary>
public sealed class AnalysisContext
{
    private readonly TextAnalyzer _textAnalyzer;
    private readonly object _statisticsLock = new();

    public AnalysisContext(TextAnalyzer textAnalyzer)
    {
        _textAnalyzer = textAnalyzer;
    }

    public Vocabulary Vocabulary { get; } = new();

    public TermStatistics Statistics { get; } = new();

    /// <summary>The template lines of each outlet among the documents added so far.</summary>
    public TemplateSentences Templates { get; } = new();

    /// <summary>Analyses an article's text and counts its terms. Thread-safe.</summary>
    public AnalyzedDocument Add(Article article)
    {
        var model = _textAnalyzer.Analyze(article.Text, article.Body);
        var profile = DocumentProfile.Build(model, Vocabulary);
        lock (_statisticsLock) Statistics.Add(profile);
        Templates.Count(article.Outlet, model);
        return new AnalyzedDocument(article, model, profile);
    }

    /// <summary>
    /// Analyses an article's text and counts its terms as <see cref="Add"/> does, without what only comparison needs
    /// (the profile has no character grams): for a pass that counts the pile, fingerprints each text and collects
    /// names, and analyses the articles it compares again later. Thread-safe.
    /// </summary>
    public (TextModel Model, DocumentProfile Terms) Count(Article article)
    {
        var model = _textAnalyzer.Analyze(article.Text, article.Body);
        var terms = DocumentProfile.Build(model, Vocabulary, withCharGrams: false);
        lock (_statisticsLock) Statistics.Add(terms);
        Templates.Count(article.Outlet, model);
        return (model, terms);
    }

    public PairAnalyzer CreateAnalyzer(ISentenceSimilarity? similarity = null)
        => new(similarity ?? new LexicalSentenceSimilarity(Statistics), Statistics, templates: Templates);
}
