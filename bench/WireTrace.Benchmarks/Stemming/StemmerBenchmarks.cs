using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using WireTrace.Core.Text.Stemming;

namespace WireTrace.Benchmarks.Stemming;

/// <summary>
/// Managed Porter2 vs native Snowball libstemmer on a stream of real news words (the first
/// <see cref="TokenCount"/> word tokens of the BBC News Summary articles, lower-cased, in reading order, so
/// common words repeat as they do in text). Results are per word (OperationsPerInvoke).
/// Run with: dotnet run -c Release --project bench/WireTrace.Benchmarks -- --filter '*StemmerBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public partial class StemmerBenchmarks
{
    private const int TokenCount = 20_000;

    private string[] _tokens = [];
    private SnowballNativeStemmer? _native;
    private CachingStemmer _cachedManaged = new(Porter2Stemmer.Instance);
    private CachingStemmer _cachedNative = new(Porter2Stemmer.Instance);

    [GlobalSetup]
    public void Setup()
    {
        _tokens = LoadTokens();
        if (!SnowballNativeStemmer.TryCreate(out _native))
        {
            throw new InvalidOperationException("libstemmer (libstemmer0d) is not installed; the native benchmark cannot run.");
        }
        // Warm the caches so the cached variants measure steady-state lookups (the 20,000 tokens hold roughly
        // 4,000 distinct words, well under the default capacity).
        _cachedManaged = new CachingStemmer(Porter2Stemmer.Instance);
        _cachedNative = new CachingStemmer(_native);
        foreach (var token in _tokens)
        {
            _cachedManaged.Stem(token);
            _cachedNative.Stem(token);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _native?.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = TokenCount)]
    public int ManagedPorter2()
    {
        var stemmer = Porter2Stemmer.Instance;
        var total = 0;
        foreach (var token in _tokens) total += stemmer.Stem(token).Length;
        return total;
    }

    [Benchmark(OperationsPerInvoke = TokenCount)]
    public int NativeSnowball()
    {
        var stemmer = _native!;
        var total = 0;
        foreach (var token in _tokens) total += stemmer.Stem(token).Length;
        return total;
    }

    /// <summary>The managed stemmer behind a warm <see cref="CachingStemmer"/>.</summary>
    [Benchmark(OperationsPerInvoke = TokenCount)]
    public int CachedManagedPorter2() => StemAll(_cachedManaged);

    /// <summary>The native stemmer behind a warm <see cref="CachingStemmer"/> (what EnglishStemmer.Default is here).</summary>
    [Benchmark(OperationsPerInvoke = TokenCount)]
    public int CachedNativeSnowball() => StemAll(_cachedNative);

    private int StemAll(IStemmer stemmer)
    {
        var total = 0;
        foreach (var token in _tokens) total += stemmer.Stem(token).Length;
        return total;
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{Nd}'-]+")]
    private static partial Regex WordPattern();

    private static string[] LoadTokens()
    {
        var articles = Path.Combine(WireTrace.Evaluation.Datasets.SharedDataRoot.Locate(), "bbc-news-summary", "articles");
        var tokens = new List<string>(TokenCount);
        foreach (var file in Directory.EnumerateFiles(articles, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (Match match in WordPattern().Matches(File.ReadAllText(file)))
            {
                tokens.Add(match.Value.ToLowerInvariant());
                if (tokens.Count == TokenCount) return [.. tokens];
            }
        }
        throw new InvalidOperationException($"Only {tokens.Count} tokens found under {articles}.");
    }

}
