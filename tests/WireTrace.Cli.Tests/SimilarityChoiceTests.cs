using System.Text.Json;
using WireTrace.Tests;

namespace WireTrace.Cli.Tests;

/// <summary>Without --similarity every command runs lexically and says so, on the console and in its JSON.</summary>
public sealed class SimilarityChoiceTests
{
    [Fact]
    public async Task Scan_and_compare_say_the_lexical_scorer_ran_on_the_console_and_in_JSON()
    {
        using var temp = new TempFolder();
        var scanJson = Path.Combine(temp.Path, "scan.json");
        var (exit, output, error) = await CliRunner.RunAsync("scan", CliRunner.Sample("demo"), "--json", scanJson);
        Assert.True(exit == 0, error);
        Assert.Matches(@"sentence similarity\W+lexical", output);
        using (var doc = JsonDocument.Parse(File.ReadAllText(scanJson))) Assert.Equal("lexical", doc.RootElement.GetProperty("similarity").GetString());

        var compareJson = Path.Combine(temp.Path, "compare.json");
        (exit, output, error) = await CliRunner.RunAsync("compare", CliRunner.Sample("demo", "afp-flood-source.txt"), CliRunner.Sample("demo", "excerpt.txt"), "--json", compareJson);
        Assert.True(exit == 0, error);
        Assert.Contains("sentence similarity: lexical", output);
        using (var doc = JsonDocument.Parse(File.ReadAllText(compareJson))) Assert.Equal("lexical", doc.RootElement.GetProperty("similarity").GetString());
    }

    [Fact]
    public async Task Eval_says_the_lexical_scorer_ran_on_the_console_and_in_JSON()
    {
        using var temp = new TempFolder();
        var json = Path.Combine(temp.Path, "eval.json");
        var (exit, output, error) = await CliRunner.RunAsync("eval", "clough", "--limit", "5", "--data", SharedData.Root, "--json", json, "--similarity", "lexical");
        Assert.True(exit == 0, error);
        Assert.Contains("sentence similarity: lexical", output);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal("lexical", doc.RootElement.GetProperty("similarity").GetString());
    }

    [Fact]
    public async Task An_unknown_similarity_is_refused()
    {
        var (exit, _, error) = await CliRunner.RunAsync("compare", CliRunner.Sample("demo", "afp-flood-source.txt"), CliRunner.Sample("demo", "excerpt.txt"), "--similarity", "semantic");
        Assert.NotEqual(0, exit);
        Assert.Contains("semantic", error);
    }
}
