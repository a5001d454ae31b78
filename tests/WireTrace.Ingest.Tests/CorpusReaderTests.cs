namespace WireTrace.Ingest.Tests;

public sealed class CorpusReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Discover_is_recursive_sorted_and_ignores_hidden_and_unknown_files()
    {
        var names = new[] { "b/z.txt", "a.jsonl", "b/a/y.md", "c.csv", "b/page.HTML", "notes.docx", ".hidden.txt", ".git/config.txt", "b/.cache/x.txt", "image.png" };
        foreach (var name in names.Reverse()) _temp.Write(name, "Some text. More text.");

        var problems = new List<SkippedInput>();
        var files = new CorpusReader().Discover([_temp.Root], problems);
        Assert.Empty(problems);
        var relative = files.Select(f => Path.GetRelativePath(_temp.Root, f.Path).Replace('\\', '/')).ToList();
        Assert.Equal(["a.jsonl", "b/a/y.md", "b/page.HTML", "b/z.txt", "c.csv"], relative);
        Assert.Equal([InputFormat.Jsonl, InputFormat.Markdown, InputFormat.Html, InputFormat.Text, InputFormat.Csv], files.Select(f => f.Format));
        Assert.All(files, f => Assert.Equal(new FileInfo(f.Path).Length, f.Length));

        // Same result whatever the order of the arguments; a file named twice is listed once.
        var again = new CorpusReader().Discover([Path.Combine(_temp.Root, "c.csv"), Path.Combine(_temp.Root, "b"), _temp.Root], problems);
        Assert.Empty(problems);
        Assert.Equal(files.Select(f => Path.GetFullPath(f.Path)).Order(StringComparer.Ordinal), again.Select(f => Path.GetFullPath(f.Path)).Order(StringComparer.Ordinal));
        Assert.Equal(again.Select(f => f.Path).Order(StringComparer.Ordinal), again.Select(f => f.Path));
    }

    [Fact]
    public void Missing_paths_and_explicit_unknown_files_are_problems()
    {
        var missing = Path.Combine(_temp.Root, "nope");
        var docx = _temp.Write("report.docx", "x");
        var problems = new List<SkippedInput>();
        var files = new CorpusReader().Discover([missing, docx], problems);
        Assert.Empty(files);
        Assert.Equal(new SkippedInput(missing, null, "no such file or folder"), problems[0]);
        Assert.Equal(docx, problems[1].Path);
        Assert.StartsWith("unsupported file type \".docx\"", problems[1].Reason);
    }

    [Fact]
    public void Later_duplicate_ids_are_skipped_with_the_first_location()
    {
        var first = _temp.Write("a/story.txt", "First copy of the story. It is here.");
        _temp.Write("b/story.txt", "Second copy of the story. It is there.");
        var feed = _temp.Write("c.jsonl", """
            {"id":"story","text":"Third copy. In a feed."}
            {"id":"other","text":"Another story. Unique."}
            """);
        var items = new CorpusReader().ReadAll([_temp.Root]).ToList();
        Assert.Equal(["story", "other"], items.Articles().Select(a => a.Id));
        var skips = items.Skips().ToList();
        Assert.Equal(2, skips.Count);
        Assert.Equal(new SkippedInput(Path.Combine(_temp.Root, "b", "story.txt"), null, $"duplicate id story (first at {first})"), skips[0]);
        Assert.Equal(new SkippedInput(feed, 1, $"duplicate id story (first at {first})"), skips[1]);
    }

    [Fact]
    public void A_file_removed_after_discovery_is_one_skip()
    {
        var path = _temp.Write("gone.jsonl", """{"id":"g","text":"Gone. Soon."}""");
        var reader = new CorpusReader();
        var file = Assert.Single(reader.Discover([path], new List<SkippedInput>()));
        File.Delete(path);
        var skip = Assert.Single(reader.Read(file).Skips());
        Assert.Equal(path, skip.Path);
        Assert.StartsWith("could not read the file:", skip.Reason);
    }
}
