using WireTrace.Core.Hashing;

namespace WireTrace.Core.Fingerprints;

/// <summary>
/// How articles are fingerprinted. Defaults are those of <c>docs/BENCHMARKS.md</c>.
/// </summary>
/// <param name="ShingleSize">Content terms per MinHash shingle (consecutive non-stopword stems and numbers).</param>
/// <param name="SketchSize">MinHash values per sketch; must be <see cref="Bands"/> × <see cref="Rows"/>.</param>
/// <param name="Bands">LSH bands.</param>
/// <param name="Rows">Sketch values per band.</param>
/// <param name="AnchorsPerSentence">Passage anchors per sentence (the minimum n-gram hash of each of that many segments of the sentence).</param>
/// <param name="AnchorGram">Content terms per n-gram of the passage anchors.</param>
/// <param name="MinAnchorTerms">Sentences with fewer content terms get no anchor (too little to be specific).</param>
/// <param name="Seed">Seed of every hash: fingerprints are comparable only when made with the same seed.</param>
public sealed record FingerprintOptions(
    int ShingleSize = 3,
    int SketchSize = 32,
    int Bands = 8,
    int Rows = 4,
    int AnchorsPerSentence = 2,
    int AnchorGram = 3,
    int MinAnchorTerms = 4,
    ulong Seed = HashSeeds.Fingerprints)
{
    /// <summary>The defaults.</summary>
    public static FingerprintOptions Default { get; } = new();

    /// <summary>Throws when the numbers do not fit together.</summary>
    public FingerprintOptions Validate()
    {
        if (ShingleSize < 1) throw new ArgumentOutOfRangeException(nameof(ShingleSize), ShingleSize, "must be at least 1");
        if (Bands < 1 || Rows < 1 || Bands * Rows != SketchSize)
        {
            throw new ArgumentException($"Bands ({Bands}) x Rows ({Rows}) must equal SketchSize ({SketchSize}).");
        }
        if (AnchorsPerSentence is < 1 or > 8) throw new ArgumentOutOfRangeException(nameof(AnchorsPerSentence), AnchorsPerSentence, "must be 1..8");
        if (AnchorGram < 1) throw new ArgumentOutOfRangeException(nameof(AnchorGram), AnchorGram, "must be at least 1");
        if (MinAnchorTerms < 2) throw new ArgumentOutOfRangeException(nameof(MinAnchorTerms), MinAnchorTerms, "must be at least 2");
        return this;
    }
}
