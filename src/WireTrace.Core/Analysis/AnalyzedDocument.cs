using WireTrace.Core.Documents;
using WireTrace.Core.Similarity;
using WireTrace.Core.Text;

namespace WireTrace.Core.Analysis;

/// <summary>An article with its text model and comparison profile.</summary>
public sealed record AnalyzedDocument(Article Article, TextModel Model, DocumentProfile Profile)
{
    public string Id => Article.Id;
}
