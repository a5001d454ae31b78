using WireTrace.Core.Analysis;
using WireTrace.Core.Documents;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;

namespace WireTrace.Core.Tests.Analysis;

/// <summary>Builds analysed documents from plain texts, as the CLI does (metadata extraction, text model, profile).</summary>
internal sealed class AnalysisTestKit
{
    private readonly AnalysisContext _context = new(new TextAnalyzer(EnglishStemmer.Default));

    public AnalyzedDocument Add(string id, string text, DateOnly? published = null, string? outlet = null)
    {
        return _context.Add(Article.FromText(id, id, text, outlet: outlet, published: published));
    }

    public PairAnalyzer Analyzer() => _context.CreateAnalyzer();
}
