namespace WireTrace.Core.Alignment;

public enum AlignmentKind
{
    /// <summary>The same words (after normalisation of case, quotes, dashes and spacing).</summary>
    Verbatim,
    /// <summary>One to one with small edits: most words kept in order.</summary>
    NearVerbatim,
    /// <summary>One to one, reworded.</summary>
    Paraphrase,
    /// <summary>Several source sentences rendered by one derived sentence.</summary>
    Merge,
    /// <summary>One source sentence rendered by several derived sentences.</summary>
    Split,
}

/// <summary>
/// One aligned group: derived sentence indexes rendering source sentence indexes, with the kind, a
/// similarity in [0, 1], the word diff, and whether the group sits out of the source order (a moved paragraph).
/// </summary>
public sealed record SentenceAlignment(
    IReadOnlyList<int> Derived,
    IReadOnlyList<int> Source,
    AlignmentKind Kind,
    double Similarity,
    WordDiffResult Diff,
    bool Moved);

/// <summary>The alignment of a derived article with its source.</summary>
public sealed record AlignmentResult(
    IReadOnlyList<SentenceAlignment> Alignments,
    IReadOnlyList<int> Added,
    IReadOnlyList<int> Dropped);

/// <summary>Thresholds of <see cref="SentenceAligner"/>; defaults tuned on the demo corpus, synthetic Reuters derivations and MRPC train.</summary>
public sealed record AlignerOptions
{
    /// <summary>A pair this similar is aligned on its own evidence.</summary>
    public double SeedThreshold { get; init; } = 0.5;

    /// <summary>A mutual best pair this similar is aligned on its own evidence.</summary>
    public double MutualSeedThreshold { get; init; } = 0.34;

    /// <summary>A pair this similar is aligned when it continues the order of aligned neighbours.</summary>
    public double ExtendThreshold { get; init; } = 0.22;

    /// <summary>How far (in sentences) an aligned neighbour may be for extension.</summary>
    public int ExtendGap { get; init; } = 4;

    /// <summary>How far from the expected source position extension looks.</summary>
    public int ExtendWindow { get; init; } = 2;

    /// <summary>Share of a source sentence's weighted terms a derived sentence must hold to merge it in.</summary>
    public double MergeContainment { get; init; } = 0.45;

    /// <summary>Gain in covering the derived sentence that a merged-in source sentence must bring.</summary>
    public double MergeGain { get; init; } = 0.15;

    /// <summary>Word-diff kept share above which a one-to-one pair is near-verbatim rather than a paraphrase.</summary>
    public double NearVerbatimKeptShare { get; init; } = 0.7;

    public static AlignerOptions Default { get; } = new();
}
