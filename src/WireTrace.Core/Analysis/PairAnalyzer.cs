using WireTrace.Core.Alignment;
using WireTrace.Core.Facts;
using WireTrace.Core.Similarity;

namespace WireTrace.Core.Analysis;

/// <summary>
/// Analyses how one article was made from another: sentence alignment, word diffs, coverage, verbatim
/// share, relation, confidence, added and dropped sentences, and direction.
/// </summary>
public sealed class PairAnalyzer
{
    private readonly SentenceAligner _aligner;
    private readonly SameEventScorer _sameEvent;
    private readonly RelationClassifier _classifier;
    private readonly TemplateSentences? _templates;

    /// <param name="templates">The outlets' template lines in the pile, which are no evidence of copying between two pages of one outlet.</param>
    public PairAnalyzer(ISentenceSimilarity similarity, TermStatistics statistics, AlignerOptions? aligner = null, RelationThresholds? thresholds = null, TemplateSentences? templates = null)
    {
        _templates = templates;
        Similarity = similarity;
        _aligner = new SentenceAligner(similarity, aligner);
        _sameEvent = new SameEventScorer(statistics);
        _classifier = new RelationClassifier(thresholds);
    }

    public ISentenceSimilarity Similarity { get; }

    /// <summary>Analyses <paramref name="derived"/> as made from <paramref name="source"/>.</summary>
    public PairAnalysis Analyze(AnalyzedDocument source, AnalyzedDocument derived) =>
        Analyze(source, derived, _aligner.Align(source.Profile, derived.Profile));

    /// <summary>
    /// Analyses <paramref name="b"/> as made from <paramref name="a"/> and <paramref name="a"/> as made from
    /// <paramref name="b"/>: the same as two calls of <see cref="Analyze(AnalyzedDocument, AnalyzedDocument)"/>,
    /// with the sentences scored once.
    /// </summary>
    public (PairAnalysis BFromA, PairAnalysis AFromB) AnalyzeBothWays(AnalyzedDocument a, AnalyzedDocument b)
    {
        var (bFromA, aFromB) = _aligner.AlignBothWays(a.Profile, b.Profile);
        return (Analyze(a, b, bFromA), Analyze(b, a, aFromB));
    }

    private PairAnalysis Analyze(AnalyzedDocument source, AnalyzedDocument derived, AlignmentResult alignment)
    {
        var sameEvent = _sameEvent.Score(source.Profile, derived.Profile);
        var measures = RelationClassifier.Measure(source, derived, alignment, sameEvent, _classifier.Thresholds, _templates);
        var relation = _classifier.Classify(measures);
        var direction = DirectionEstimator.Estimate(source, derived, measures.Coverage);
        return new PairAnalysis(
            source.Id,
            derived.Id,
            relation,
            RelationClassifier.Confidence(relation, measures, alignment),
            new Coverage(Math.Round(measures.Coverage.OfSource, 4), Math.Round(measures.Coverage.OfDerived, 4)),
            Math.Round(measures.VerbatimShare, 4),
            alignment.Alignments,
            alignment.Added,
            alignment.Dropped,
            relation.IsDerivation() ? CompareFacts(source, derived, alignment) : [],
            direction,
            sameEvent);
    }

    /// <summary>Facts compared inside each aligned group only: a fact is changed when its partner in the aligned sentences differs.</summary>
    private static List<FactChange> CompareFacts(AnalyzedDocument source, AnalyzedDocument derived, AlignmentResult alignment)
    {
        var changes = new List<FactChange>();
        foreach (var a in alignment.Alignments)
        {
            if (a.Kind == AlignmentKind.Verbatim) continue;
            changes.AddRange(FactComparer.Compare(
                source.Model.Text, a.Source.Select(j => (source.Model.Sentences[j].Span, j)).ToList(),
                derived.Model.Text, a.Derived.Select(i => (derived.Model.Sentences[i].Span, i)).ToList(),
                source.FactsOf,
                derived.FactsOf));
        }
        return changes;
    }

    /// <summary>Analyses the pair in the direction the evidence favours (see <see cref="DirectionEstimator"/>).</summary>
    public PairAnalysis AnalyzeEitherWay(AnalyzedDocument a, AnalyzedDocument b)
    {
        var forward = Analyze(a, b);
        if (forward.Direction.Score >= 0) return forward;
        var backward = Analyze(b, a);
        // Keep the first estimate's reasons: they were made with the same evidence, seen from a.
        return backward with { Direction = new DirectionEvidence(-forward.Direction.Score, forward.Direction.Reasons) };
    }
}
