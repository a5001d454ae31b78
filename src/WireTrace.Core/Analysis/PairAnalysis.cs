using WireTrace.Core.Alignment;
using WireTrace.Core.Facts;

namespace WireTrace.Core.Analysis;

/// <summary>Shares of each side's words that sit in aligned sentences.</summary>
public readonly record struct Coverage(double OfSource, double OfDerived);

/// <summary>Why one text was taken as the source of the other; <see cref="Score"/> &gt; 0 favours the first.</summary>
public sealed record DirectionEvidence(double Score, IReadOnlyList<string> Reasons);

/// <summary>How <see cref="DerivedId"/> was made from <see cref="SourceId"/>.</summary>
public sealed record PairAnalysis(
    string SourceId,
    string DerivedId,
    Relation Relation,
    double Confidence,
    Coverage Coverage,
    double VerbatimShare,
    IReadOnlyList<SentenceAlignment> Alignments,
    IReadOnlyList<int> Added,
    IReadOnlyList<int> Dropped,
    IReadOnlyList<FactChange> FactChanges,
    DirectionEvidence Direction,
    SameEventEvidence SameEvent)
{
    /// <summary>Number of derived sentences that have a counterpart in the source.</summary>
    public int AlignedDerivedSentences => Alignments.Sum(a => a.Derived.Count);

    /// <summary>How well the derived text is explained by the source: the weight of the edge source → derived in a story's derivation tree.</summary>
    public double Explanation => Relation.IsDerivation()
        ? 0.6 * Coverage.OfDerived + 0.2 * VerbatimShare + 0.2 * Coverage.OfSource
        : 0;
}

/// <summary>Anchors two texts share without sharing sentences: names and numbers, weighted by rarity.</summary>
public sealed record SameEventEvidence(double Score, int SharedNames, int SharedNumbers);
