using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;

namespace WireTrace.Benchmarks.Fingerprints;

/// <summary>A real news text of about 700 words: BBC News Summary articles, in file order, joined until 700 words.</summary>
internal static class ArticleFixture
{
    public static TextModel Model(int words = 700)
    {
        var articles = Path.Combine(WireTrace.Evaluation.Datasets.SharedDataRoot.Locate(), "bbc-news-summary", "articles");
        var text = new List<string>();
        int count = 0;
        foreach (var file in Directory.EnumerateFiles(articles, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var paragraph in File.ReadAllText(file).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
            {
                text.Add(paragraph.Trim());
                count += paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if (count >= words) return new TextAnalyzer(EnglishStemmer.Default).Analyze(string.Join("\n\n", text));
            }
        }
        throw new InvalidOperationException("not enough BBC text");
    }

}
