using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Evaluation.Datasets;
using WireTrace.Evaluation.Suites;
using WireTrace.Tests;
using Xunit.Abstractions;

namespace WireTrace.Evaluation.Tests.Suites;

public sealed class BbcSegmentationMeasureTests(ITestOutputHelper output)
{
    /// <summary>Segmentation does not depend on stems.</summary>
    private sealed class IdentityStemmer : IStemmer
    {
        public string Stem(string word) => word;
    }

    [Fact]
    public void Summary_segments_equal_article_sentences_on_all_BBC_pairs()
    {
        var dataset = new BbcNewsSummaryDataset(SharedData.PathTo("bbc-news-summary"));
        var result = BbcSegmentationMeasure.Run(dataset, new TextAnalyzer(new IdentityStemmer()));
        output.WriteLine(result.ToString());
        foreach (var miss in result.Misses.Take(60)) output.WriteLine($"{miss.PairId}: {miss.Segment}");

        Assert.Equal(2225, result.Pairs);
        Assert.True(result.Share >= 0.97, result.ToString());
    }
}
