using System.Text;
using System.Text.RegularExpressions;
using WireTrace.Core.Documents;
using WireTrace.Tests;

namespace WireTrace.Core.Tests.Documents;

/// <summary>Headline recognition measured on real corpora whose structure is known.</summary>
public sealed class ArticleMetadataRealDataTests
{
    [Fact]
    public void Reuters_bodies_are_hard_wrapped_and_almost_never_get_a_headline()
    {
        var folder = SharedData.PathTo("reuters21578");
        int bodies = 0, titles = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.sgm").Order(StringComparer.Ordinal))
        {
            var sgml = File.ReadAllText(file, Encoding.Latin1);
            foreach (Match m in Regex.Matches(sgml, "<BODY>(.*?)</BODY>", RegexOptions.Singleline))
            {
                bodies++;
                if (ArticleMetadataExtractor.Extract(m.Groups[1].Value).Title is not null) titles++;
            }
        }
        Assert.Equal(19043, bodies);
        Assert.True(titles <= 10, $"{titles} Reuters bodies got a headline (their first line is the start of a wrapped sentence)");
    }

    [Fact]
    public void Bbc_articles_have_their_first_line_as_headline()
    {
        var folder = SharedData.PathTo("bbc-news-summary", "articles");
        var files = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var right = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file, Encoding.Latin1);
            var firstLine = text.AsSpan().TrimStart()[..text.AsSpan().TrimStart().IndexOf('\n')].TrimEnd().ToString();
            if (ArticleMetadataExtractor.Extract(text).Title == firstLine) right++;
        }
        Assert.True(files.Count > 2000);
        Assert.True(right >= files.Count * 0.99, $"{right} of {files.Count} BBC headlines recognised");
    }
}
