using WireTrace.Core.Alignment;
using WireTrace.Core.Similarity;

namespace WireTrace.Core.Analysis;

/// <summary>
/// Which sentence similarity an analysis runs with: the lexical similarity over the run's term statistics,
/// optionally wrapped (e.g. blended with a sentence encoder), and the aligner thresholds chosen for that
/// similarity's scale. <see cref="Name"/> is what reports show as the scorer that ran.
/// </summary>
/// <param name="Name">Shown in reports: "lexical", "encoder+lexical".</param>
/// <param name="Wrap">Builds the similarity from the lexical one and the run's term statistics (identity for lexical).</param>
/// <param name="Aligner">Aligner thresholds for this similarity.</param>
public sealed record SentenceScorer(string Name, Func<ISentenceSimilarity, TermStatistics, ISentenceSimilarity> Wrap, AlignerOptions Aligner)
{
    /// <summary>The lexical similarity with the default aligner thresholds.</summary>
    public static SentenceScorer Lexical { get; } = new("lexical", static (lexical, _) => lexical, AlignerOptions.Default);

    /// <summary>The similarity over <paramref name="statistics"/>.</summary>
    public ISentenceSimilarity Create(TermStatistics statistics) => Wrap(new LexicalSentenceSimilarity(statistics), statistics);

    /// <summary>A pair analyzer over the documents of <paramref name="context"/> (add them all first).</summary>
    public PairAnalyzer CreateAnalyzer(AnalysisContext context) => new(Create(context.Statistics), context.Statistics, Aligner, templates: context.Templates);
}
