using WireTrace.Core.Text.Stemming;

namespace WireTrace.Core.Tests.Text.Stemming;

public sealed class EnglishStemmerTests
{
    [Fact]
    public void Default_uses_the_native_library_when_it_is_installed()
    {
        Assert.IsType<SnowballNativeStemmer>(EnglishStemmer.Engine);
        Assert.Same(EnglishStemmer.Engine, Assert.IsType<CachingStemmer>(EnglishStemmer.Default).Inner);
        Assert.Equal("snowball-native", EnglishStemmer.Name);
        Assert.Same(EnglishStemmer.Default, EnglishStemmer.Default);
        Assert.Equal("connect", EnglishStemmer.Default.Stem("connected"));
    }

    [Fact]
    public void Falls_back_to_the_managed_stemmer_when_the_library_is_missing()
    {
        var stemmer = EnglishStemmer.Create(["libstemmer-missing.so.0d", "/nonexistent/libstemmer.so"]);
        Assert.Same(Porter2Stemmer.Instance, stemmer);
        Assert.Equal("porter2-managed", EnglishStemmer.NameOf(stemmer));
        Assert.Equal("connect", stemmer.Stem("connected"));
    }

    [Fact]
    public void A_library_without_libstemmer_entry_points_is_not_used()
    {
        // libc loads fine but has no sb_stemmer_* exports.
        var stemmer = EnglishStemmer.Create(["libc.so.6"]);
        Assert.IsType<Porter2Stemmer>(stemmer);
    }

    [Fact]
    public void Create_prefers_the_native_library_when_one_name_loads()
    {
        var stemmer = EnglishStemmer.Create(["libstemmer-missing.so", "libstemmer.so.0d"]);
        try
        {
            Assert.Equal("snowball-native", EnglishStemmer.NameOf(stemmer));
        }
        finally
        {
            (stemmer as IDisposable)?.Dispose();
        }
    }
}
