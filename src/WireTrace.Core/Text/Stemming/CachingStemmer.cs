using System.Collections.Concurrent;

namespace WireTrace.Core.Text.Stemming;

/// <summary>
/// A thread-safe cache of recent word → stem results in front of another stemmer. News text repeats its words
/// heavily, so most calls become one dictionary lookup. The cache holds at most about <see cref="Capacity"/>
/// words: when it fills up it is emptied and starts again, so it keeps the words of the recent past.
/// </summary>
public sealed class CachingStemmer : IStemmer
{
    /// <summary>Default number of cached words (more than the distinct words of 2,225 BBC articles).</summary>
    public const int DefaultCapacity = 65_536;

    private readonly ConcurrentDictionary<string, string> _stems;
    private readonly Lock _resetLock = new();
    private int _count;

    /// <summary>Caches the stems produced by <paramref name="inner"/>, keeping at most about <paramref name="capacity"/> words.</summary>
    public CachingStemmer(IStemmer inner, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Inner = inner;
        Capacity = capacity;
        _stems = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>The stemmer whose results are cached.</summary>
    public IStemmer Inner { get; }

    /// <summary>The approximate maximum number of cached words.</summary>
    public int Capacity { get; }

    /// <summary>Approximate number of words cached now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <inheritdoc />
    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (_stems.TryGetValue(word, out var stem)) return stem;
        stem = Inner.Stem(word);
        if (_stems.TryAdd(word, stem) && Interlocked.Increment(ref _count) > Capacity)
        {
            lock (_resetLock)
            {
                if (Volatile.Read(ref _count) > Capacity)
                {
                    _stems.Clear();
                    Volatile.Write(ref _count, 0);
                }
            }
        }
        return stem;
    }
}
