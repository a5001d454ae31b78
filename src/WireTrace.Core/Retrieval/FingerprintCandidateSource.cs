using WireTrace.Core.Analysis;
using WireTrace.Core.Fingerprints;
using WireTrace.Core.Stories;

namespace WireTrace.Core.Retrieval;

/// <summary>
/// The scalable <see cref="ICandidateSource"/>: fingerprints every document (in parallel), indexes them in a
/// <see cref="CandidateRetriever"/> and returns its pairs. <see cref="CandidatePair.SharedRareTerms"/> carries
/// the evidence count: shared passage anchors plus shared LSH bands.
/// </summary>
public sealed class FingerprintCandidateSource : ICandidateSource
{
    private readonly Fingerprinter _fingerprinter;

    public FingerprintCandidateSource(FingerprintOptions? fingerprints = null, RetrievalOptions? retrieval = null, int maxDegreeOfParallelism = -1)
    {
        _fingerprinter = new Fingerprinter(fingerprints);
        Retrieval = retrieval ?? new RetrievalOptions(Bands: _fingerprinter.Options.Bands, Rows: _fingerprinter.Options.Rows);
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    public RetrievalOptions Retrieval { get; }

    public int MaxDegreeOfParallelism { get; }

    public IReadOnlyList<CandidatePair> Find(IReadOnlyList<AnalyzedDocument> documents)
    {
        var fingerprints = new DocumentFingerprints[documents.Count];
        Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism },
            d => fingerprints[d] = _fingerprinter.Compute(documents[d].Model));
        return CandidateRetriever.FindPairs(fingerprints, Retrieval, MaxDegreeOfParallelism)
            .Select(p => new CandidatePair(p.A, p.B, p.Evidence.SharedAnchors + p.Evidence.LshBands))
            .ToList();
    }
}
