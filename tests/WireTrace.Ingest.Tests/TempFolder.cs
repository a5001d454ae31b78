using System.Text;

namespace WireTrace.Ingest.Tests;

/// <summary>A temporary folder for test input files, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("wiretrace-ingest-").FullName;

    public string Write(string relativePath, string content) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string relativePath, byte[] content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

internal static class ReaderExtensions
{
    public static List<IngestItem> ReadFile(this CorpusReader reader, string path)
    {
        var problems = new List<SkippedInput>();
        var files = reader.Discover([path], problems);
        Assert.Empty(problems);
        return Assert.Single(files) is var file ? reader.Read(file).ToList() : [];
    }

    public static IEnumerable<WireTrace.Core.Documents.Article> Articles(this IEnumerable<IngestItem> items) =>
        items.OfType<ArticleRead>().Select(a => a.Article);

    public static IEnumerable<SkippedInput> Skips(this IEnumerable<IngestItem> items) =>
        items.OfType<InputSkipped>().Select(s => s.Skipped);
}
