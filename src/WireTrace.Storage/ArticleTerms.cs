using WireTrace.Core.Text;

namespace WireTrace.Storage;

/// <summary>The terms an article is posted under for candidate lookup: distinct stems of its non-stopword words, and its numbers.</summary>
public static class ArticleTerms
{
    /// <summary>Terms longer than this are not posted (URLs, hashes, run-together tokens).</summary>
    public const int MaxTermLength = 40;

    public static IReadOnlyCollection<string> Of(TextModel model)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in model.Tokens)
        {
            string? term = t.Kind switch
            {
                TokenKind.Word when !t.IsStopword && t.Stem.Length > 1 => t.Stem,
                TokenKind.Number => t.Norm,
                _ => null,
            };
            if (term != null && term.Length <= MaxTermLength) terms.Add(term);
        }
        return terms;
    }
}
