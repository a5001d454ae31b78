using WireTrace.Core.Text;

namespace WireTrace.Core.Tests.Text;

public sealed class TextAnalyzerTests
{
    [Fact]
    public void Parallel_analyses_equal_sequential_ones()
    {
        var analyzer = new TextAnalyzer(new StripSStemmer());
        var texts = Enumerable.Range(0, 200)
            .Select(i => $"Mr. Smith{i} said.The U.S. talks ended {i}.5 hours later. \"We won,\" he said.\n\nNext {i} paragraph\u2019s text.")
            .ToArray();
        var sequential = texts.Select(t => Describe(analyzer.Analyze(t))).ToArray();
        var parallel = texts.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(t => Describe(analyzer.Analyze(t))).ToArray();
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Empty_and_blank_texts_have_no_sentences()
    {
        var analyzer = new TextAnalyzer(new StripSStemmer());
        Assert.Empty(analyzer.Analyze("").Sentences);
        var blank = analyzer.Analyze("  \n\n\t ");
        Assert.Empty(blank.Sentences);
        Assert.Empty(blank.Paragraphs);
        Assert.Empty(blank.Tokens);
    }

    [Fact]
    public void A_null_stemmer_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new TextAnalyzer(null!));
    }

    private static string Describe(TextModel model) =>
        string.Join("|", model.Sentences.Select(s => $"{s.Span}:{s.Paragraph}:" + string.Join(",", model.TokensOf(s).Select(t => $"{t.Span}/{t.Stem}/{t.Kind}/{t.IsStopword}"))));
}
