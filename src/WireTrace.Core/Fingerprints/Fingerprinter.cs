using System.Buffers;
using WireTrace.Core.Text;

namespace WireTrace.Core.Fingerprints;

/// <summary>
/// Computes <see cref="DocumentFingerprints"/>: content terms → n-gram hashes (each once) → MinHash sketch of the
/// shingles, and sentence passage anchors from the same n-gram hashes. Thread-safe (holds only immutable tables);
/// the result depends only on the text and the options.
/// </summary>
public sealed class Fingerprinter
{
    private readonly MinHashSketcher _sketcher;

    public Fingerprinter(FingerprintOptions? options = null)
    {
        Options = (options ?? FingerprintOptions.Default).Validate();
        _sketcher = new MinHashSketcher(Options.SketchSize, Options.Seed);
    }

    public FingerprintOptions Options { get; }

    public MinHashSketcher Sketcher => _sketcher;

    public DocumentFingerprints Compute(TextModel model) => Compute(ContentTerms.From(model, Options.Seed));

    public DocumentFingerprints Compute(ContentTerms terms)
    {
        var o = Options;
        int count = MinHashSketcher.ShingleCount(terms.Hashes.Length, o.ShingleSize);
        var rented = ArrayPool<ulong>.Shared.Rent(Math.Max(1, count));
        try
        {
            var shingles = rented.AsSpan(0, count);
            MinHashSketcher.GramHashes(terms.Hashes, o.ShingleSize, o.Seed, shingles);
            var sketch = _sketcher.SketchOf(shingles);
            var (anchors, sentences) = o.AnchorGram == o.ShingleSize
                ? PassageAnchors.Extract(terms, shingles, o.AnchorsPerSentence, o.AnchorGram, o.MinAnchorTerms, o.Seed)
                : PassageAnchors.Extract(terms, o.AnchorsPerSentence, o.AnchorGram, o.MinAnchorTerms, o.Seed);
            return new DocumentFingerprints(sketch, anchors, sentences, terms.SentenceCount, terms.Hashes.Length);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }
}
