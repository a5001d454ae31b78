using System.Text;

namespace WireTrace.Ingest.Tests;

public sealed class CsvTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Quoted_fields_span_lines_and_keep_escaped_quotes()
    {
        var path = _temp.WriteBytes("wire.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(
            "ID,Title,Text,Published\r\n" +
            "w1,Summit ends,\"HELSINKI (AP) — The summit ended, \"\"finally\"\", on Monday.\r\n\r\nSecond paragraph.\",2018-07-16\r\n" +
            "w2,,Plain text row. Nothing special.,\r\n")]);
        var items = new CorpusReader().ReadFile(path);
        Assert.Empty(items.Skips());
        var articles = items.Articles().ToList();
        Assert.Equal(["w1", "w2"], articles.Select(a => a.Id));
        Assert.Equal([$"{path}:2", $"{path}:5"], articles.Select(a => a.Path));
        var w1 = articles[0];
        Assert.Equal("HELSINKI (AP) — The summit ended, \"finally\", on Monday.\n\nSecond paragraph.", w1.Text);
        Assert.Equal("The summit ended, \"finally\", on Monday.\n\nSecond paragraph.", w1.BodyText.ToString());
        Assert.Equal("Summit ends", w1.Title);
        Assert.Equal(new DateOnly(2018, 7, 16), w1.Published);
        Assert.Equal("AP", w1.Agency);
        Assert.Null(articles[1].Title);
        Assert.Null(articles[1].Published);
    }

    [Fact]
    public void Id_defaults_to_file_name_and_row_number()
    {
        var path = _temp.Write("pile.csv", "text,outlet\n\"One story. Short.\",Daily A\n\n\"Two stories. Short.\",Daily B\n");
        var articles = new CorpusReader().ReadFile(path).Articles().ToList();
        Assert.Equal(["pile-1", "pile-2"], articles.Select(a => a.Id));
        Assert.Equal(["Daily A", "Daily B"], articles.Select(a => a.Outlet));
    }

    [Fact]
    public void Rows_with_missing_columns_and_unterminated_quotes_are_skipped_with_their_line()
    {
        var path = _temp.Write("bad.csv",
            "id,text,outlet\n" +                             // 1
            "r1,Good row one. Fine.,A\n" +                   // 2
            "r2,Missing a column\n" +                        // 3
            "r3,\"Multi\nline good row. Fine.\",B\n" +       // 4-5
            "r4,Too,many,fields\n" +                         // 6
            ",Empty id. Skipped.,C\n" +                      // 7
            "r6,Good row six. Fine.,D\n" +                   // 8
            "r7,\"Never closed. This runs\nto the end,E\n"); // 9-10
        var items = new CorpusReader().ReadFile(path);
        Assert.Equal(["r1", "r3", "r6"], items.Articles().Select(a => a.Id));
        Assert.Equal($"{path}:4", items.Articles().Single(a => a.Id == "r3").Path);
        var skips = items.Skips().ToList();
        Assert.Equal([3, 6, 7, 9], skips.Select(s => s.Line ?? -1));
        Assert.Equal("row has 2 fields but the header has 3 (missing column \"outlet\")", skips[0].Reason);
        Assert.Equal("row has 4 fields but the header has 3", skips[1].Reason);
        Assert.Equal("empty \"id\"", skips[2].Reason);
        Assert.Equal("unterminated quoted field (the file ends inside quotes)", skips[3].Reason);
    }

    [Fact]
    public void Header_without_text_column_and_empty_csv_are_one_skip()
    {
        var noText = _temp.Write("notext.csv", "id,body\n1,Some body. Text.\n");
        var empty = _temp.Write("empty.csv", "");
        Assert.Equal(new SkippedInput(noText, 1, "the header row has no \"text\" column (columns: id, body)"), Assert.Single(new CorpusReader().ReadFile(noText).Skips()));
        Assert.Equal(new SkippedInput(empty, null, "empty file"), Assert.Single(new CorpusReader().ReadFile(empty).Skips()));
    }

    [Fact]
    public void Invalid_utf8_in_a_row_skips_that_row_only()
    {
        var bytes = Encoding.UTF8.GetBytes("id,text\nx1,Fine row. Good.\nx2,Caf").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes(" row. Bad.\nx3,Another fine row. Good.\n")).ToArray();
        var path = _temp.WriteBytes("latin1.csv", bytes);
        var items = new CorpusReader().ReadFile(path);
        Assert.Equal(["x1", "x3"], items.Articles().Select(a => a.Id));
        var skip = Assert.Single(items.Skips());
        Assert.Equal(3, skip.Line);
        Assert.Equal($"invalid UTF-8 at byte offset {Array.IndexOf(bytes, (byte)0xE9)} (line 3)", skip.Reason);
    }

    [Fact]
    public void Real_helsinki_pile_reads_completely()
    {
        var path = WireTrace.Tests.SharedData.PathTo("provenance-helsinki", "helsinki_articles.csv");
        var file = new InputFile(path, new FileInfo(path).Length, InputFormat.Csv);
        var items = new CorpusReader().Read(file).ToList();
        Assert.Empty(items.Skips());
        var articles = items.Articles().ToList();
        Assert.Equal(612, articles.Count);
        Assert.Equal(612, articles.Select(a => a.Id).Distinct().Count());
        Assert.All(articles, a => Assert.False(a.Body.IsEmpty));
        Assert.Contains(articles, a => a.Outlet == "nytimes.com");
    }
}
