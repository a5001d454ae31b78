using System.Security.Cryptography;

namespace WireTrace.Encoder.Models;

/// <summary>State of one installed (or missing) model in the cache.</summary>
public sealed record InstalledModel(ModelSpec Spec, string Directory, bool Complete, long Size, IReadOnlyList<string> Problems);

/// <summary>
/// The user's model cache: <c>$XDG_CACHE_HOME/wiretrace/models</c>, else <c>~/.cache/wiretrace/models</c>
/// (on Windows <c>%LOCALAPPDATA%/wiretrace/models</c>); one folder per model id.
/// </summary>
public sealed class ModelCache
{
    public ModelCache(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    /// <summary>The default cache of the current user.</summary>
    public static ModelCache Default => new(DefaultRoot());

    public static string DefaultRoot()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg)) return Path.Combine(xdg, "wiretrace", "models");
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "wiretrace", "models");
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".cache", "wiretrace", "models");
    }

    public string DirectoryOf(ModelSpec spec) => Path.Combine(Root, spec.Id);

    /// <summary>What is installed for <paramref name="spec"/>: sizes always, SHA-256 sums when <paramref name="verify"/>.</summary>
    public InstalledModel Inspect(ModelSpec spec, bool verify = false)
    {
        var dir = DirectoryOf(spec);
        var problems = new List<string>();
        long size = 0;
        foreach (var file in spec.Files)
        {
            var path = Path.Combine(dir, file.Name);
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                problems.Add($"{file.Name} missing");
                continue;
            }
            size += info.Length;
            if (info.Length != file.Size) problems.Add($"{file.Name} has {info.Length} bytes, expected {file.Size}");
            else if (verify && Sha256Of(path) != file.Sha256) problems.Add($"{file.Name} SHA-256 differs from the pinned sum");
        }
        return new InstalledModel(spec, dir, problems.Count == 0, size, problems);
    }

    /// <summary>The folder of an installed, complete model; throws with the install command when it is not.</summary>
    public string RequireInstalled(ModelSpec spec)
    {
        var state = Inspect(spec);
        if (!state.Complete)
        {
            throw new ModelInstallException(
                $"Model '{spec.Id}' is not installed in {state.Directory} ({string.Join("; ", state.Problems)}). Run: wiretrace models install");
        }
        return state.Directory;
    }

    internal static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
