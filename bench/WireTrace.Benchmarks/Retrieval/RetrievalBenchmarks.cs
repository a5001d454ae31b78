using BenchmarkDotNet.Attributes;
using WireTrace.Core.Fingerprints;
using WireTrace.Core.Retrieval;

namespace WireTrace.Benchmarks.Retrieval;

/// <summary>
/// Queries against an index of <see cref="Documents"/> articles: the LSH lookup of one sketch, and the whole
/// <see cref="CandidateRetriever.Query"/> (LSH + anchors) of one real 700-word article. The indexed documents are
/// synthetic (random sketches and anchors, 46 anchors over 23 sentences, as in the Reuters benchmark corpus), so
/// postings are as numerous as in a real index but common anchors are absent: a lower bound on real query cost.
/// Run with: dotnet run -c Release --project bench/WireTrace.Benchmarks -- --filter '*RetrievalBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class RetrievalBenchmarks
{
    private CandidateRetriever _retriever = null!;
    private DocumentFingerprints _query = null!;

    [Params(100_000, 1_000_000)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var options = FingerprintOptions.Default;
        _retriever = new CandidateRetriever(new RetrievalOptions(Bands: options.Bands, Rows: options.Rows));
        var random = new Random(5);
        for (int d = 0; d < Documents; d++) _retriever.Add(d, SyntheticFingerprints.Next(random));
        _query = new Fingerprinter().Compute(Fingerprints.ArticleFixture.Model());
        _retriever.Add(Documents, _query); // the query's own text is indexed: one true match
    }

    [Benchmark]
    public int LshQuery() => _retriever.Lsh.Candidates(_query.Sketch).Count;

    [Benchmark(Baseline = true)]
    public int MatchOneArticle() => _retriever.Query(_query).Count;
}
