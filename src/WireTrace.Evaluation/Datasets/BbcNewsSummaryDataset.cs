using System.Text;
using WireTrace.Core.Text;

namespace WireTrace.Evaluation.Datasets;

/// <summary>
/// One BBC article with its extractive summary. <see cref="Article"/> is the file as read; its first
/// line is the title and <see cref="Body"/> is the rest (from the first non-blank line after the title).
/// <see cref="Summary"/> holds sentences copied verbatim from the article, re-ordered and glued with no
/// space after the full stop.
/// </summary>
public sealed record BbcNewsSummaryPair(string Category, int Number, string Title, string Article, TextSpan Body, string Summary)
{
    /// <summary>The article without its title line.</summary>
    public string BodyText => Body.Substring(Article);

    /// <summary>"business/001", for messages.</summary>
    public string Id => $"{Category}/{Number:D3}";
}

/// <summary>
/// Reads the BBC News Summary data set (Greene &amp; Cunningham's 2,225 BBC articles from 2004-05 in five
/// categories, each with an extractive summary): <c>articles/&lt;category&gt;/NNN.txt</c> and
/// <c>summaries/&lt;category&gt;/NNN.txt</c> under the root folder. Files are UTF-8; the one file that is
/// not (a Latin-1 pound sign) is read as Latin-1. Pairs come in category then number order.
/// </summary>
public sealed class BbcNewsSummaryDataset
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Uses the data set in <paramref name="root"/> (the folder holding <c>articles/</c> and <c>summaries/</c>).</summary>
    /// <exception cref="DirectoryNotFoundException">The folder or its <c>articles/</c> or <c>summaries/</c> part is missing.</exception>
    public BbcNewsSummaryDataset(string root)
    {
        Root = root;
        foreach (var part in new[] { "articles", "summaries" })
        {
            var dir = Path.Combine(root, part);
            if (!Directory.Exists(dir))
            {
                throw new DirectoryNotFoundException($"BBC News Summary data not found: {dir} is missing (expected ../shared/data/bbc-news-summary).");
            }
        }
    }

    public string Root { get; }

    /// <summary>The pairs, at most <paramref name="limit"/> of them, in category then number order.</summary>
    /// <exception cref="InvalidDataException">An article has no summary, or a file name is not a number.</exception>
    public IEnumerable<BbcNewsSummaryPair> Read(int? limit = null)
    {
        int count = 0;
        var categories = Directory.GetDirectories(Path.Combine(Root, "articles")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        foreach (var category in categories)
        {
            var files = Directory.GetFiles(Path.Combine(Root, "articles", category!), "*.txt").Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (limit is { } max && count >= max) yield break;
                yield return ReadPair(category!, file);
                count++;
            }
        }
    }

    private BbcNewsSummaryPair ReadPair(string category, string articlePath)
    {
        var name = Path.GetFileNameWithoutExtension(articlePath);
        if (!int.TryParse(name, out int number))
        {
            throw new InvalidDataException($"{articlePath}: expected a numbered file name such as 001.txt.");
        }
        var summaryPath = Path.Combine(Root, "summaries", category, Path.GetFileName(articlePath));
        if (!File.Exists(summaryPath))
        {
            throw new InvalidDataException($"{articlePath}: its summary {summaryPath} is missing.");
        }
        var article = ReadText(articlePath);
        var summary = ReadText(summaryPath);

        int titleEnd = article.IndexOf('\n');
        if (titleEnd < 0) titleEnd = article.Length;
        var title = article[..titleEnd].Trim();
        int bodyStart = titleEnd;
        while (bodyStart < article.Length && char.IsWhiteSpace(article[bodyStart])) bodyStart++;
        return new BbcNewsSummaryPair(category, number, title, article, TextSpan.FromBounds(bodyStart, article.Length), summary);
    }

    private static string ReadText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
