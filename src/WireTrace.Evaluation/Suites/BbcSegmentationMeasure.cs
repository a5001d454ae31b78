using System.Text;
using WireTrace.Core.Text;
using WireTrace.Evaluation.Datasets;

namespace WireTrace.Evaluation.Suites;

/// <summary>A summary segment that matched no sentence of its article.</summary>
public sealed record BbcSegmentationMiss(string PairId, string Segment);

/// <summary>The outcome of <see cref="BbcSegmentationMeasure.Run"/>.</summary>
/// <param name="Misses">The unmatched segments, in data-set order, for inspection.</param>
public sealed record BbcSegmentationResult(int Pairs, int SummarySegments, int MatchedSegments, IReadOnlyList<BbcSegmentationMiss> Misses)
{
    /// <summary>The share of summary segments that equal one of their article's sentences (0 when there are none).</summary>
    public double Share => SummarySegments == 0 ? 0 : (double)MatchedSegments / SummarySegments;

    public override string ToString() =>
        $"{MatchedSegments}/{SummarySegments} summary segments ({Share:P2}) equal an article sentence, over {Pairs} BBC pairs";
}

/// <summary>
/// Measures sentence segmentation on scraped text. Each BBC summary consists of article sentences glued
/// with no space after the full stop, so a segmenter that handles glued ends and does not over- or
/// under-split the article makes each summary segment equal exactly one article sentence. Both sides are
/// segmented with the same <see cref="TextAnalyzer"/> (the article from its body, after the title line);
/// sentences are compared trimmed with runs of whitespace collapsed to one space.
/// </summary>
public static class BbcSegmentationMeasure
{
    /// <summary>Segments up to <paramref name="limit"/> pairs (all when null) and counts the matching summary segments.</summary>
    public static BbcSegmentationResult Run(BbcNewsSummaryDataset dataset, TextAnalyzer analyzer, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(analyzer);
        int pairs = 0, segments = 0, matched = 0;
        var misses = new List<BbcSegmentationMiss>();
        var articleSentences = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in dataset.Read(limit))
        {
            pairs++;
            articleSentences.Clear();
            var article = analyzer.Analyze(pair.Article, pair.Body);
            foreach (var s in article.Sentences) articleSentences.Add(Canonical(s.Span.Slice(pair.Article)));

            var summary = analyzer.Analyze(pair.Summary);
            foreach (var s in summary.Sentences)
            {
                segments++;
                var segment = Canonical(s.Span.Slice(pair.Summary));
                if (articleSentences.Contains(segment)) matched++;
                else misses.Add(new BbcSegmentationMiss(pair.Id, segment));
            }
        }
        return new BbcSegmentationResult(pairs, segments, matched, misses);
    }

    /// <summary>The sentence trimmed, with every run of whitespace replaced by one space.</summary>
    public static string Canonical(ReadOnlySpan<char> sentence)
    {
        var sb = new StringBuilder(sentence.Length);
        bool pendingSpace = false;
        foreach (char c in sentence.Trim())
        {
            if (char.IsWhiteSpace(c)) { pendingSpace = true; continue; }
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
