using WireTrace.Core.Text.Stemming;

namespace WireTrace.Core.Tests.Text.Stemming;

public sealed class SnowballNativeStemmerTests(NativeStemmerFixture fixture) : IClassFixture<NativeStemmerFixture>
{
    private readonly SnowballNativeStemmer _stemmer = fixture.Stemmer;

    [Fact]
    public void Matches_the_published_snowball_vectors()
    {
        var vectors = SnowballVectors.All;
        Assert.True(vectors.Count >= 200, $"only {vectors.Count} vectors loaded");
        var wrong = vectors
            .Select(v => (v.Word, v.Stem, Actual: _stemmer.Stem(v.Word)))
            .Where(r => r.Actual != r.Stem)
            .Select(r => $"{r.Word}: expected {r.Stem}, got {r.Actual}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("running", "run")]
    [InlineData("café", "café")]
    [InlineData("naïvely", "naïv")]
    [InlineData("𝒳ies", "𝒳ie")]
    public void Round_trips_utf8(string word, string stem)
    {
        Assert.Equal(stem, _stemmer.Stem(word));
    }

    [Fact]
    public void Reports_its_name_and_library()
    {
        Assert.Equal("snowball-native", _stemmer.Name);
        Assert.Contains(_stemmer.LibraryName, SnowballNativeStemmer.DefaultLibraryNames);
    }

    [Fact]
    public void Parallel_stemming_gives_the_sequential_results()
    {
        var words = StemmingCorpus.DistinctWords;
        var sequential = words.Select(_stemmer.Stem).ToArray();

        // Dedicated threads (not the pool, which may run everything on one busy worker) released together, each
        // stemming every word in its own order so calls on the shared stemmer interleave.
        const int threadCount = 6;
        var mismatches = new int[threadCount];
        using var start = new Barrier(threadCount);
        var threads = Enumerable.Range(0, threadCount).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var k = 0; k < words.Count; k++)
            {
                var index = (int)((k * 7919L + t * 104729L) % words.Count);
                if (_stemmer.Stem(words[index]) != sequential[index]) mismatches[t]++;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(new int[threadCount], mismatches);
    }

    [Fact]
    public void Dispose_frees_every_thread_instance_and_blocks_further_use()
    {
        Assert.True(SnowballNativeStemmer.TryCreate(out var stemmer));
        var threadsStems = new string[4];
        var threads = Enumerable.Range(0, 4)
            .Select(i => new Thread(() => threadsStems[i] = stemmer.Stem("connections")))
            .ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.All(threadsStems, s => Assert.Equal("connect", s));

        stemmer.Dispose();
        stemmer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => stemmer.Stem("connections"));
    }

    [Fact]
    public void TryCreate_fails_cleanly_when_the_library_is_missing()
    {
        Assert.False(SnowballNativeStemmer.TryCreate(["libstemmer-that-does-not-exist.so.9"], out var stemmer));
        Assert.Null(stemmer);
    }

    [Fact]
    public void TryCreate_skips_missing_names_and_loads_the_next()
    {
        Assert.True(SnowballNativeStemmer.TryCreate(["libstemmer-that-does-not-exist.so.9", "libstemmer.so.0d"], out var stemmer));
        using (stemmer)
        {
            Assert.Equal("libstemmer.so.0d", stemmer.LibraryName);
            Assert.Equal("generat", stemmer.Stem("generations"));
        }
    }
}
