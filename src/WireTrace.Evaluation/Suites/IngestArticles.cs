using WireTrace.Core.Documents;

namespace WireTrace.Evaluation.Suites;

/// <summary>Builds articles from plain text the way ingest does for a JSONL row: metadata inferred by <see cref="ArticleMetadataExtractor"/>, a given publication date winning over an inferred one.</summary>
internal static class IngestArticles
{
    public static Article FromText(string id, string text, DateOnly? published = null)
    {
        var inferred = ArticleMetadataExtractor.Extract(text);
        return new Article(id, null, text, inferred.Body, inferred.Title, inferred.Outlet, published ?? inferred.Published, null, inferred.Agency, inferred.Dateline);
    }
}
