using WireTrace.Core.Text.Stemming;

namespace WireTrace.Core.Tests.Text.Stemming;

/// <summary>One native stemmer shared by a test class; tests fail (not skip) when libstemmer cannot be loaded.</summary>
public sealed class NativeStemmerFixture : IDisposable
{
    private readonly SnowballNativeStemmer? _stemmer;

    public NativeStemmerFixture()
    {
        SnowballNativeStemmer.TryCreate(out _stemmer);
    }

    public SnowballNativeStemmer Stemmer => _stemmer ?? throw new InvalidOperationException(
        "libstemmer could not be loaded (tried " + string.Join(", ", SnowballNativeStemmer.DefaultLibraryNames) +
        "); install the libstemmer0d package.");

    public void Dispose() => _stemmer?.Dispose();
}
