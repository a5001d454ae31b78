using WireTrace.Core.Documents;

namespace WireTrace.Evaluation.Suites;

/// <summary>Builds articles from plain text the way ingest does for a JSONL row: metadata inferred by <see cref="ArticleMetadataExtractor"/>, a given publication date winning over an inferred one.</summary>
internal static class IngestArticles
{
    public static Article FromText(string id, string text, DateOnly? published = null)
        => Article.FromText(id, null, text, published: published);
}
