namespace WireTrace.Tests;

/// <summary>The repository the tests run from (the folder holding WireTrace.slnx), for samples and docs.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string PathTo(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "WireTrace.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Repository root (WireTrace.slnx) not found above " + AppContext.BaseDirectory);
    }
}
