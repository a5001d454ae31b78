using BenchmarkDotNet.Attributes;
using WireTrace.Core.Fingerprints;
using WireTrace.Core.Text;

namespace WireTrace.Benchmarks.Fingerprints;

/// <summary>
/// Fingerprinting one 700-word article (its text model already built): content-term hashing, the n-gram hashes
/// (computed once, shared by the MinHash shingles and the anchors), the MinHash sketch (vectorised and scalar),
/// anchor extraction, and all of it.
/// Run with: dotnet run -c Release --project bench/WireTrace.Benchmarks -- --filter '*FingerprintBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class FingerprintBenchmarks
{
    private readonly Fingerprinter _fingerprinter = new();
    private TextModel _model = null!;
    private ContentTerms _terms = null!;
    private uint[] _shingles = [];
    private ulong[] _grams = [];
    private readonly uint[] _sketch = new uint[FingerprintOptions.Default.SketchSize];

    [GlobalSetup]
    public void Setup()
    {
        _model = ArticleFixture.Model();
        _terms = ContentTerms.From(_model, FingerprintOptions.Default.Seed);
        _shingles = new uint[_terms.Hashes.Length - FingerprintOptions.Default.ShingleSize + 1];
        MinHashSketcher.ShingleHashes(_terms.Hashes, FingerprintOptions.Default.ShingleSize, FingerprintOptions.Default.Seed, _shingles);
        _grams = new ulong[_shingles.Length];
    }

    [Benchmark]
    public ulong GramHashesOfArticle()
    {
        MinHashSketcher.GramHashes(_terms.Hashes, FingerprintOptions.Default.ShingleSize, FingerprintOptions.Default.Seed, _grams);
        return _grams[0];
    }

    [Benchmark]
    public ContentTerms HashContentTerms() => ContentTerms.From(_model, FingerprintOptions.Default.Seed);

    [Benchmark]
    public uint[] MinHashSketchOfArticle() => _fingerprinter.Sketcher.SketchShingles(_terms.Hashes, FingerprintOptions.Default.ShingleSize);

    [Benchmark]
    public uint MinHashVector()
    {
        _fingerprinter.Sketcher.SketchVector(_shingles, _sketch);
        return _sketch[0];
    }

    [Benchmark]
    public uint MinHashScalar()
    {
        _fingerprinter.Sketcher.SketchScalar(_shingles, _sketch);
        return _sketch[0];
    }

    [Benchmark]
    public int ExtractAnchors()
    {
        var o = FingerprintOptions.Default;
        return PassageAnchors.Extract(_terms, o.AnchorsPerSentence, o.AnchorGram, o.MinAnchorTerms, o.Seed).Anchors.Length;
    }

    [Benchmark(Baseline = true)]
    public DocumentFingerprints WholeFingerprint() => _fingerprinter.Compute(_model);
}
