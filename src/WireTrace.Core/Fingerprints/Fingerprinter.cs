using WireTrace.Core.Text;

namespace WireTrace.Core.Fingerprints;

/// <summary>
/// Computes <see cref="DocumentFingerprints"/>: content terms → shingles → MinHash sketch, and sentence
/// passage anchors. Thread-safe (holds only immutable tables); the result depends only on the text and
/// the options.
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
        var sketch = _sketcher.SketchShingles(terms.Hashes, Options.ShingleSize);
        var (anchors, sentences) = PassageAnchors.Extract(terms, Options.AnchorsPerSentence, Options.AnchorGram, Options.MinAnchorTerms, Options.Seed);
        return new DocumentFingerprints(sketch, anchors, sentences, terms.SentenceCount, terms.Hashes.Length);
    }
}
