namespace WireTrace.Core.Text.Stemming;

/// <summary>
/// The process-wide English stemmer: Snowball's C libstemmer when it can be loaded, otherwise the managed
/// <see cref="Porter2Stemmer"/>, which implements the same algorithm version and gives the same stems.
/// Either is wrapped in a <see cref="CachingStemmer"/> of recent words.
/// </summary>
public static class EnglishStemmer
{
    private static readonly Lazy<CachingStemmer> Lazy =
        new(() => new CachingStemmer(Create(SnowballNativeStemmer.DefaultLibraryNames)));

    /// <summary>The shared stemmer (chosen on first use; thread-safe): a <see cref="CachingStemmer"/> over <see cref="Engine"/>.</summary>
    public static IStemmer Default => Lazy.Value;

    /// <summary>The uncached stemmer behind <see cref="Default"/>: a <see cref="SnowballNativeStemmer"/> or <see cref="Porter2Stemmer"/>.</summary>
    public static IStemmer Engine => Lazy.Value.Inner;

    /// <summary>
    /// Which implementation <see cref="Default"/> is: <see cref="SnowballNativeStemmer.StemmerName"/>
    /// ("snowball-native") or <see cref="Porter2Stemmer.StemmerName"/> ("porter2-managed").
    /// </summary>
    public static string Name => NameOf(Engine);

    /// <summary>The native stemmer loaded from the first of <paramref name="nativeLibraryNames"/> that works, else the managed one.</summary>
    internal static IStemmer Create(IEnumerable<string> nativeLibraryNames) =>
        SnowballNativeStemmer.TryCreate(nativeLibraryNames, out var native) ? native : Porter2Stemmer.Instance;

    /// <summary>"snowball-native", "porter2-managed", or the type name of any other stemmer.</summary>
    internal static string NameOf(IStemmer stemmer) => stemmer switch
    {
        SnowballNativeStemmer native => native.Name,
        Porter2Stemmer managed => managed.Name,
        CachingStemmer cached => NameOf(cached.Inner),
        _ => stemmer.GetType().Name,
    };
}
