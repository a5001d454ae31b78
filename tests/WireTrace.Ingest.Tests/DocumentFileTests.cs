using System.Text;

namespace WireTrace.Ingest.Tests;

public sealed class DocumentFileTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly CorpusReader _reader = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Text_file_is_one_article_with_inferred_metadata()
    {
        var path = _temp.Write("summit-story.txt",
            "Trump sets expectations low for Helsinki summit\n\nHELSINKI, July 15, 2018 (AP) — President Donald Trump set low expectations.\n\nHe spoke on Sunday.\n\n");
        var article = Assert.Single(_reader.ReadFile(path).Articles());
        Assert.Equal("summit-story", article.Id);
        Assert.Equal(path, article.Path);
        Assert.Equal("Trump sets expectations low for Helsinki summit", article.Title);
        Assert.Equal("AP", article.Agency);
        Assert.Equal("HELSINKI, July 15, 2018 (AP)", article.Dateline);
        Assert.Equal(new DateOnly(2018, 7, 15), article.Published);
        Assert.Equal("President Donald Trump set low expectations.\n\nHe spoke on Sunday.", article.BodyText.ToString());
    }

    [Fact]
    public void Markdown_headline_marks_are_dropped_from_title()
    {
        var path = _temp.Write("note.md", "# Farmers block Paris roads\n\nPARIS (AFP) — French farmers blocked roads on Monday. Police watched.");
        var article = Assert.Single(_reader.ReadFile(path).Articles());
        Assert.Equal("Farmers block Paris roads", article.Title);
        Assert.Equal("AFP", article.Agency);
        Assert.StartsWith("French farmers", article.BodyText.ToString());
    }

    [Fact]
    public void Utf8_bom_is_fine_and_not_part_of_the_text()
    {
        var path = _temp.WriteBytes("bom.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Zürich (Reuters) - Swiss banks rallied.")]);
        var article = Assert.Single(_reader.ReadFile(path).Articles());
        Assert.Equal('Z', article.Text[0]);
        Assert.Equal("Swiss banks rallied.", article.BodyText.ToString());
    }

    [Theory]
    [InlineData("empty.txt", "")]
    [InlineData("blank.md", "  \n\r\n\t ")]
    public void Empty_files_are_skipped(string name, string content)
    {
        var path = _temp.Write(name, content);
        var skip = Assert.Single(_reader.ReadFile(path).Skips());
        Assert.Equal(new SkippedInput(path, null, "empty file"), skip);
    }

    [Fact]
    public void Binary_files_are_skipped()
    {
        var nul = _temp.WriteBytes("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        var controls = _temp.WriteBytes("controls.txt", Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a')).ToArray());
        Assert.StartsWith("binary file (NUL byte", Assert.Single(_reader.ReadFile(nul).Skips()).Reason);
        Assert.StartsWith("binary file (", Assert.Single(_reader.ReadFile(controls).Skips()).Reason);
    }

    [Fact]
    public void Invalid_utf8_names_the_byte_offset_and_line()
    {
        var bytes = Encoding.UTF8.GetBytes("First line is fine.\nSecond has a bad byte: ").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(" here.")).ToArray();
        var path = _temp.WriteBytes("latin.txt", bytes);
        var skip = Assert.Single(_reader.ReadFile(path).Skips());
        Assert.Equal("invalid UTF-8 at byte offset 43 (line 2)", skip.Reason);
        Assert.Equal(0xC3, bytes[43]);
    }

    [Fact]
    public void Oversized_document_is_skipped_without_reading_it()
    {
        var path = Path.Combine(_temp.Root, "huge.txt");
        using (var stream = new FileStream(path, FileMode.CreateNew))
        {
            var line = Encoding.UTF8.GetBytes(new string('x', 1023) + "\n");
            for (var written = 0L; written < 50_000_000; written += line.Length) stream.Write(line);
        }
        try
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var skip = Assert.Single(_reader.ReadFile(path).Skips());
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(path, skip.Path);
            Assert.Contains("more than the 20,000,000-byte limit", skip.Reason);
            Assert.True(allocated < 1_000_000, $"allocated {allocated:N0} bytes: the file was read");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_bad_file_does_not_stop_the_others()
    {
        _temp.Write("a.txt", "Alpha story about a summit. It went well.");
        _temp.WriteBytes("b.txt", [0, 1, 2, 3]);
        _temp.Write("c.txt", "Gamma story about a summit. It went badly.");
        var items = _reader.ReadAll([_temp.Root]).ToList();
        Assert.Equal(["a", "c"], items.Articles().Select(a => a.Id));
        Assert.EndsWith("b.txt", Assert.Single(items.Skips()).Path);
    }
}
