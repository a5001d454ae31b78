namespace WireTrace.Core.Analysis;

/// <summary>
/// Decision thresholds of <see cref="RelationClassifier"/>; the defaults were set on the demo corpus and
/// on train splits only (see docs/EVALUATION.md).
/// </summary>
public sealed record RelationThresholds
{
    /// <summary>At least this many derived sentences aligned with at least two strong pairs make a derivation.</summary>
    public int MinAlignedSentences { get; init; } = 3;

    /// <summary>A pair at least this similar is strong evidence of copying.</summary>
    public double StrongPairSimilarity { get; init; } = 0.6;

    /// <summary>A pair sharing at least this many consecutive words in order is strong evidence of copying.</summary>
    public int CopiedRunWords { get; init; } = 8;

    /// <summary>
    /// A strong pair keeps at least this many words: short lines shared by pages of one site ("Close", "Image 1 of 4",
    /// "Back to Gallery") or by every report ("Trump tweeted.") are no evidence of copying.
    /// </summary>
    public int MinStrongKeptWords { get; init; } = 6;

    /// <summary>Or: this share of the derived text aligned, with at least two strong pairs.</summary>
    public double MinDerivedCoverage { get; init; } = 0.5;

    /// <summary>Own material share at or above which a derivation is partial.</summary>
    public double PartialOwnShare { get; init; } = 0.2;

    /// <summary>Source coverage at or above which a mostly verbatim derivation is a near-duplicate.</summary>
    public double NearDuplicateSourceCoverage { get; init; } = 0.9;

    /// <summary>Verbatim share at or above which a near-complete derivation is a near-duplicate.</summary>
    public double NearDuplicateVerbatim { get; init; } = 0.8;

    /// <summary>Verbatim share at or above which a derivation is an excerpt rather than a paraphrase.</summary>
    public double ExcerptVerbatim { get; init; } = 0.6;

    /// <summary>Anchor score at or above which two texts without shared sentences report the same event.</summary>
    public double SameEventScore { get; init; } = 0.15;

    /// <summary>And at least this many shared names.</summary>
    public int SameEventMinSharedNames { get; init; } = 3;

    public static RelationThresholds Default { get; } = new();
}
