using System.Text;

namespace WireTrace.Ingest.Tests;

public sealed class JsonlTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Reads_one_article_per_line_with_fields_winning_over_inferred_metadata()
    {
        var path = _temp.Write("feed.jsonl", string.Join("\n",
            """{"id":"a1","text":"Summit ends without deal\n\nHELSINKI, July 16, 2018 (AP) — The summit ended.","title":"Given title","outlet":"AP News","published":"2018-07-17T09:30:00+03:00","url":"https://example.org/a1"}""",
            "",
            """{"id":"a2","text":"Islam Times - WASHINGTON (Reuters) - Senators reacted on Monday."}""",
            "   ",
            """{"ID":"a3","Text":"Plain story without metadata. It has two sentences.","title":null}"""));
        var items = new CorpusReader().ReadFile(path);
        Assert.Empty(items.Skips());
        var articles = items.Articles().ToList();
        Assert.Equal(["a1", "a2", "a3"], articles.Select(a => a.Id));
        Assert.Equal([$"{path}:1", $"{path}:3", $"{path}:5"], articles.Select(a => a.Path));

        var a1 = articles[0];
        Assert.Equal("Given title", a1.Title);           // given wins over the inferred headline
        Assert.Equal("AP News", a1.Outlet);
        Assert.Equal(new DateOnly(2018, 7, 17), a1.Published); // given wins over the dateline date
        Assert.Equal("https://example.org/a1", a1.Url);
        Assert.Equal("AP", a1.Agency);
        Assert.Equal("The summit ended.", a1.BodyText.ToString()); // headline and dateline still removed

        var a2 = articles[1];
        Assert.Equal("Islam Times", a2.Outlet);          // inferred when not given
        Assert.Equal("Reuters", a2.Agency);
        Assert.Equal("Senators reacted on Monday.", a2.BodyText.ToString());

        Assert.Null(articles[2].Title);
        Assert.Equal(articles[2].Text, articles[2].BodyText.ToString());
    }

    [Fact]
    public void Each_bad_line_is_one_skip_with_its_line_and_the_rest_goes_on()
    {
        var lines = new List<byte[]>
        {
            Line("""{"id":"ok1","text":"First good story. It is fine."}"""),                   // 1
            Line("""{"id":"bad1","text":"unterminated"""),                                        // 2 malformed
            Line("""["id","text"]"""),                                                             // 3 not an object
            Line("""{"text":"No id here. Still text."}"""),                                       // 4 missing id
            Line("""{"id":"  ","text":"Blank id. Still text."}"""),                               // 5 empty id
            Line("""{"id":"e","text":"   "}"""),                                                  // 6 empty text
            Line("""{"id":"n"}"""),                                                               // 7 missing text
            Line("""{"id":7,"text":"Numeric id. Wrong type."}"""),                                // 8 wrong type
            Line("""{"id":"t","text":"Good text. Bad title.","title":["x"]}"""),                  // 9 wrong type
            Line("""{"id":"d","text":"Good text. Bad date.","published":"last Tuesday"}"""),      // 10 bad date
            ([.. Encoding.UTF8.GetBytes("{\"id\":\"u\",\"text\":\"caf"), 0xE9, .. Encoding.UTF8.GetBytes("\"}\n")]), // 11 invalid UTF-8
            Line("""{"id":"long","text":"__LONG__"}""".Replace("__LONG__", new string('x', 300))), // 12 too long
            Line("42"),                                                                             // 13 not an object
            Line("""{"id":"ok2","text":"Second good story. It is fine too."}"""),                 // 14
        };
        var path = _temp.WriteBytes("mixed.jsonl", lines.SelectMany(l => l).ToArray());
        var items = new CorpusReader(new CorpusReaderOptions(MaxRowChars: 200)).ReadFile(path);

        Assert.Equal(["ok1", "ok2"], items.Articles().Select(a => a.Id));
        var skips = items.Skips().ToList();
        Assert.All(skips, s => Assert.Equal(path, s.Path));
        Assert.Equal(Enumerable.Range(2, 12).Select(i => (int?)i), skips.Select(s => s.Line));
        var reasons = skips.Select(s => s.Reason).ToList();
        Assert.StartsWith("malformed JSON:", reasons[0]);
        Assert.Equal("the JSON value is an array, not an object", reasons[1]);
        Assert.Equal("missing \"id\"", reasons[2]);
        Assert.Equal("empty \"id\"", reasons[3]);
        Assert.Equal("empty \"text\"", reasons[4]);
        Assert.Equal("missing \"text\"", reasons[5]);
        Assert.Equal("field \"id\" must be a string, not a number", reasons[6]);
        Assert.Equal("field \"title\" must be a string, not an array", reasons[7]);
        Assert.StartsWith("\"published\" is not an ISO date", reasons[8]);
        var offsetOfE9 = lines.Take(10).Sum(l => l.Length) + Encoding.UTF8.GetByteCount("{\"id\":\"u\",\"text\":\"caf");
        Assert.Equal($"invalid UTF-8 at byte offset {offsetOfE9:N0}", reasons[9]);
        Assert.Equal("line is longer than 200 characters", reasons[10]);
        Assert.Equal("the JSON value is a number, not an object", reasons[11]);
    }

    [Fact]
    public void A_line_far_beyond_the_limit_is_skipped_without_being_held_in_memory()
    {
        var path = Path.Combine(_temp.Root, "wide.jsonl");
        using (var writer = new StreamWriter(path))
        {
            writer.Write("{\"id\":\"wide\",\"text\":\"");
            writer.Write(new string('y', 3_000_000));
            writer.Write("\"}\n");
            writer.Write("{\"id\":\"after\",\"text\":\"The story after the wide line. It is read.\"}\n");
        }
        var reader = new CorpusReader(new CorpusReaderOptions(MaxRowChars: 100_000));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var items = reader.ReadFile(path);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(new SkippedInput(path, 1, "line is longer than 100,000 characters"), Assert.Single(items.Skips()));
        Assert.Equal("after", Assert.Single(items.Articles()).Id);
        Assert.True(allocated < 2_000_000, $"allocated {allocated:N0} bytes for a 3 MB line");
    }

    [Fact]
    public void Empty_and_binary_jsonl_files_are_one_skip_each()
    {
        var empty = _temp.Write("empty.jsonl", "\n\n  \n");
        var binary = _temp.WriteBytes("blob.jsonl", [0x7B, 0x00, 0x00, 0x01, 0x7D]);
        Assert.Equal(new SkippedInput(empty, null, "empty file"), Assert.Single(new CorpusReader().ReadFile(empty)) is InputSkipped s ? s.Skipped : null);
        var skip = Assert.Single(new CorpusReader().ReadFile(binary).Skips());
        Assert.StartsWith("binary file", skip.Reason);
    }

    [Fact]
    public void Large_file_is_read_lazily()
    {
        var path = Path.Combine(_temp.Root, "big.jsonl");
        var paragraph = string.Join(' ', Enumerable.Repeat("The ministers met in Helsinki on Monday and talked for hours.", 15));
        using (var writer = new StreamWriter(path))
        {
            for (var i = 0; i < 30_000; i++) writer.WriteLine($"{{\"id\":\"s{i}\",\"text\":\"{paragraph}\"}}");
        }
        var file = new InputFile(path, new FileInfo(path).Length, InputFormat.Jsonl);
        Assert.True(file.Length > 25_000_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var enumerator = new CorpusReader().Read(file).GetEnumerator();
        Assert.True(enumerator.MoveNext());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("s0", Assert.IsType<ArticleRead>(enumerator.Current).Article.Id);
        Assert.True(allocated < file.Length / 20, $"first item cost {allocated:N0} bytes of a {file.Length:N0}-byte file");

        var count = 1;
        while (enumerator.MoveNext()) count++;
        Assert.Equal(30_000, count);
    }

    [Fact]
    public void Cancellation_stops_reading()
    {
        var path = _temp.Write("two.jsonl", """
            {"id":"c1","text":"One story. Done."}
            {"id":"c2","text":"Two stories. Done."}
            """);
        using var cts = new CancellationTokenSource();
        var file = new InputFile(path, new FileInfo(path).Length, InputFormat.Jsonl);
        using var enumerator = new CorpusReader().Read(file, cts.Token).GetEnumerator();
        Assert.True(enumerator.MoveNext());
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => enumerator.MoveNext());
    }

    private static byte[] Line(string s) => Encoding.UTF8.GetBytes(s + "\n");
}
