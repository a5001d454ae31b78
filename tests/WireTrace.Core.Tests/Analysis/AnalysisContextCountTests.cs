using WireTrace.Core.Analysis;
using WireTrace.Core.Documents;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;

namespace WireTrace.Core.Tests.Analysis;

/// <summary><see cref="AnalysisContext.Count"/> against <see cref="AnalysisContext.Add"/>: the same counts, terms and names, no character grams.</summary>
public sealed class AnalysisContextCountTests
{
    private static readonly string[] Texts =
    [
        "Floods killed 12 people in Lisbon on Monday, officials said. The Tagus rose 2.4 metres.",
        "\"We have never seen anything like it,\" said mayor Anna Berg of Lisbon. Aid arrived on Tuesday.",
        "Shares in Acme Corp fell 3% after the company cut its forecast for 2024.",
    ];

    [Fact]
    public void Count_gives_the_statistics_terms_and_names_of_Add_without_grams()
    {
        var added = new AnalysisContext(new TextAnalyzer(EnglishStemmer.Default));
        var counted = new AnalysisContext(new TextAnalyzer(EnglishStemmer.Default));
        for (int k = 0; k < Texts.Length; k++)
        {
            var article = Article.FromText($"a{k}", null, Texts[k], outlet: "Outlet");
            var full = added.Add(article).Profile;
            var (model, terms) = counted.Count(article);

            Assert.Equal(full.Model.Tokens, model.Tokens);
            Assert.Equal(full.Sentences.Count, terms.Sentences.Count);
            for (int s = 0; s < terms.Sentences.Count; s++)
            {
                var (x, y) = (full.Sentences[s], terms.Sentences[s]);
                Assert.Equal(x.Terms, y.Terms);
                Assert.Equal(x.Numbers, y.Numbers);
                Assert.Equal(x.Names, y.Names);
                Assert.Equal(x.ContentTokenCount, y.ContentTokenCount);
                Assert.NotEmpty(x.CharGrams);
                Assert.Empty(y.CharGrams);
            }
        }
        Assert.Equal(added.Statistics.Units, counted.Statistics.Units);
        for (int id = 0; id < added.Vocabulary.Count; id++)
        {
            Assert.Equal(added.Statistics.DocumentFrequency(id), counted.Statistics.DocumentFrequency(id));
        }
        Assert.True(added.Vocabulary.Count > 10);
    }
}
