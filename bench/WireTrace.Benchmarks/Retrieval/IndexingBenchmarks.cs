using BenchmarkDotNet.Attributes;
using WireTrace.Core.Fingerprints;
using WireTrace.Core.Retrieval;

namespace WireTrace.Benchmarks.Retrieval;

/// <summary>
/// Indexing: <see cref="CandidateRetriever.AddRange"/> of 20,000 synthetic articles (a 32-value sketch and 46 anchors
/// over 23 sentences each, as in the Reuters benchmark corpus) in chunks of 2,048 as <c>wiretrace bench</c> does,
/// then <see cref="CandidateRetriever.Freeze"/>, on 1 and 2 threads (each thread owns a range of key shards).
/// Divide the mean by 20,000 for the cost per article.
/// Run with: dotnet run -c Release --project bench/WireTrace.Benchmarks -- --filter '*IndexingBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class IndexingBenchmarks
{
    private const int Documents = 20_000;
    private DocumentFingerprints[] _documents = [];

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _documents = new DocumentFingerprints[Documents];
        for (int d = 0; d < Documents; d++) _documents[d] = SyntheticFingerprints.Next(random);
    }

    [Benchmark]
    public long IndexTwentyThousand()
    {
        var retriever = new CandidateRetriever();
        for (int start = 0; start < Documents; start += 2048)
        {
            retriever.AddRange(start, new ArraySegment<DocumentFingerprints>(_documents, start, Math.Min(2048, Documents - start)), Threads);
        }
        retriever.Freeze(Threads);
        return retriever.IndexBytes;
    }
}
