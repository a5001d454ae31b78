namespace WireTrace.Cli.Tests;

public sealed class CommandTests
{
    [Theory]
    [InlineData("scan")]
    [InlineData("compare")]
    public async Task Help_explains_each_command(string command)
    {
        var (exit, output, _) = await CliRunner.RunAsync(command, "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--json", output);
        Assert.Contains("Usage", output);
    }

    [Fact]
    public async Task Compare_reports_relation_direction_and_fact_changes()
    {
        // Given in the wrong order: the direction evidence must still make the agency story the source.
        var (exit, output, _) = await CliRunner.RunAsync(
            "compare", CliRunner.Sample("demo", "rewrites.jsonl") + "#partial-rewrite", CliRunner.Sample("demo", "afp-flood-source.txt"));
        Assert.Equal(0, exit);
        Assert.Contains("partial-rewrite from afp-flood-source: partial", output);
        Assert.Contains("Wednesday", output);
        Assert.Contains("Fact changes", output);
        Assert.Contains("Added (6)", output);
    }

    [Fact]
    public async Task Compare_asks_for_an_id_when_a_file_holds_several_articles()
    {
        var (exit, _, error) = await CliRunner.RunAsync("compare", CliRunner.Sample("demo", "rewrites.jsonl"), CliRunner.Sample("demo", "excerpt.txt"));
        Assert.NotEqual(0, exit);
        Assert.Contains("#ID", error);
    }
}
