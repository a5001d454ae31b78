using System.Text.Json;

namespace WireTrace.Cli.Tests;

/// <summary>Bad input is reported with its file (and line), skipped, counted, and the run goes on.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private const string GoodArticle =
        "Rescue teams reached the flooded village of Arden on Monday after two days of rain. " +
        "Officials said 40 homes were destroyed and 300 people had been moved to a school. " +
        "The regional governor promised help for every family that lost its house.";

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Each_bad_input_is_named_skipped_and_counted_while_good_ones_are_read()
    {
        _temp.File("good.txt", GoodArticle);
        _temp.File("empty.txt", "");
        _temp.File("binary.txt", [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10, 0x00, 0x00]);
        _temp.File("latin1.txt", [0x43, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x70, 0x65, 0x6E, 0x2E]);
        _temp.File("rows.jsonl", "{\"id\": \"r1\", \"text\": \"" + GoodArticle + "\"}\n{not json\n{\"id\": \"r3\"}\n");
        _temp.File("rows.csv", "id,text,title\nc1,\"" + GoodArticle + "\",Title\nc2,only two\n");
        _temp.File("nav.html", "<html><body><nav><a href='/'>Home</a></nav><footer>(c) 2024</footer></body></html>");
        var json = Path.Combine(_temp.Path, "out", "scan.json");

        var (exit, output, error) = await CliRunner.RunAsync("scan", _temp.Path, "--json", json);

        Assert.Equal(0, exit);
        var result = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        var ids = result.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()).Order().ToList();
        Assert.Equal(["c1", "good", "r1"], ids);
        var skipped = result.GetProperty("skipped").EnumerateArray()
            .Select(s => (Path.GetFileName(s.GetProperty("path").GetString()!), s.GetProperty("line").ValueKind == JsonValueKind.Number ? s.GetProperty("line").GetInt32() : (int?)null))
            .ToList();
        Assert.Contains(("empty.txt", null), skipped);
        Assert.Contains(("binary.txt", null), skipped);
        Assert.Contains(skipped, s => s.Item1 == "latin1.txt");
        Assert.Contains(("rows.jsonl", 2), skipped);
        Assert.Contains(("rows.jsonl", 3), skipped);
        Assert.Contains(("rows.csv", 3), skipped);
        Assert.Contains(skipped, s => s.Item1 == "nav.html");
        Assert.Equal(7, skipped.Count);
        Assert.Contains("rows.jsonl:2", error);
        Assert.Contains("skipped", output);
    }

    [Fact]
    public async Task Nothing_readable_is_a_clear_error_with_a_non_zero_exit()
    {
        _temp.File("empty.txt", "   \n");
        var (exit, _, error) = await CliRunner.RunAsync("scan", _temp.Path);
        Assert.NotEqual(0, exit);
        Assert.Contains("nothing could be read", error);
        Assert.Contains("empty.txt", error);
    }

    [Fact]
    public async Task A_missing_path_is_reported()
    {
        var (exit, _, error) = await CliRunner.RunAsync("scan", Path.Combine(_temp.Path, "nope"));
        Assert.NotEqual(0, exit);
        Assert.Contains("nope", error);
    }

    [Fact]
    public async Task Markup_and_html_in_articles_are_shown_as_text()
    {
        _temp.File("a.txt", "[bold red]Not markup[/] and <script>alert(1)</script> in text. " + GoodArticle);
        _temp.File("b.txt", "[bold red]Not markup[/] and <script>alert(1)</script> in text. " + GoodArticle + " One more line here.");
        var json = Path.Combine(_temp.Path, "x.json");
        var (exit, output, _) = await CliRunner.RunAsync("scan", _temp.Path, "--json", json);
        Assert.Equal(0, exit);
        var raw = File.ReadAllText(json);
        Assert.DoesNotContain("<script>", raw);
        Assert.Contains("\\u003Cscript\\u003E", raw);
        var (exit2, output2, _) = await CliRunner.RunAsync("compare", Path.Combine(_temp.Path, "a.txt"), Path.Combine(_temp.Path, "b.txt"));
        Assert.Equal(0, exit2);
        Assert.Contains("[bold red]Not markup[/]", output2);
    }
}
