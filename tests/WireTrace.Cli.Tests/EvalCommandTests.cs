using System.Text.Json;
using Spectre.Console;
using WireTrace.Tests;

namespace WireTrace.Cli.Tests;

public sealed class EvalCommandTests
{
    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var code = await WireTraceCli.RunAsync(args, console, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_missing_data_folder_is_named_and_exits_2()
    {
        var root = Path.Combine(Path.GetTempPath(), "wiretrace-missing-" + Guid.NewGuid().ToString("N"));
        var (code, _, error) = await Run("eval", "clough", "--data", root);
        Assert.Equal(2, code);
        Assert.Contains(Path.Combine(root, "clough-stevenson"), error);
    }

    [Fact]
    public async Task An_unknown_suite_or_split_exits_2()
    {
        Assert.Equal(2, (await Run("eval", "nope")).Code);
        Assert.Equal(2, (await Run("eval", "mrpc", "--split", "holdout")).Code);
    }

    [Fact]
    public async Task A_suite_prints_its_table_and_writes_the_json()
    {
        var json = Path.Combine(Path.GetTempPath(), "wiretrace-eval-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var (code, output, error) = await Run("eval", "clough", "--limit", "10", "--data", SharedData.Root, "--json", json);
            Assert.True(code == 0, error);
            Assert.Contains("macro_f1", output);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            Assert.Equal("clough", doc.RootElement.GetProperty("suite").GetString());
            Assert.Equal("all", doc.RootElement.GetProperty("split").GetString());
            Assert.Equal(10, doc.RootElement.GetProperty("n").GetInt32());
            var accuracy = doc.RootElement.GetProperty("metrics").GetProperty("accuracy").GetDouble();
            Assert.InRange(accuracy, 0, 1);
        }
        finally
        {
            File.Delete(json);
        }
    }
}
