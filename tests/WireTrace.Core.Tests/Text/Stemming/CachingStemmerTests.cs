using WireTrace.Core.Text.Stemming;

namespace WireTrace.Core.Tests.Text.Stemming;

public sealed class CachingStemmerTests
{
    /// <summary>Counts calls and returns a fresh string each time, so cache hits are observable.</summary>
    private sealed class CountingStemmer : IStemmer
    {
        public int Calls;

        public string Stem(string word)
        {
            Interlocked.Increment(ref Calls);
            return Porter2Stemmer.Instance.Stem(word) + "";
        }
    }

    [Fact]
    public void Second_lookup_of_a_word_is_served_from_the_cache()
    {
        var inner = new CountingStemmer();
        var cache = new CachingStemmer(inner, capacity: 10);
        var first = cache.Stem("connections");
        var second = cache.Stem("connections");
        Assert.Equal("connect", first);
        Assert.Same(first, second);
        Assert.Equal(1, inner.Calls);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Stays_within_its_capacity_and_keeps_answering_correctly()
    {
        var inner = new CountingStemmer();
        var cache = new CachingStemmer(inner, capacity: 100);
        var words = StemmingCorpus.DistinctWords.Take(1_000).ToList();
        foreach (var word in words)
        {
            Assert.Equal(Porter2Stemmer.Instance.Stem(word), cache.Stem(word));
            Assert.InRange(cache.Count, 0, 100);
        }
        Assert.Equal(words.Count, inner.Calls);
    }

    [Fact]
    public void Parallel_use_gives_the_uncached_results()
    {
        var cache = new CachingStemmer(Porter2Stemmer.Instance, capacity: 5_000);
        var words = StemmingCorpus.DistinctWords;
        var results = new string[words.Count];
        Parallel.For(0, words.Count * 2, i => results[i % words.Count] = cache.Stem(words[i % words.Count]));
        for (var i = 0; i < words.Count; i++) Assert.Equal(Porter2Stemmer.Instance.Stem(words[i]), results[i]);
    }

    [Fact]
    public void Rejects_bad_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => new CachingStemmer(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CachingStemmer(Porter2Stemmer.Instance, 0));
        Assert.Throws<ArgumentNullException>(() => new CachingStemmer(Porter2Stemmer.Instance).Stem(null!));
    }
}
