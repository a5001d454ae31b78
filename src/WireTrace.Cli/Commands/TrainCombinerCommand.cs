using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using WireTrace.Encoder;
using WireTrace.Encoder.Combiner;
using WireTrace.Encoder.Models;
using WireTrace.Evaluation.Datasets;
using WireTrace.Evaluation.Suites;
using WireTrace.Evaluation.Training;

namespace WireTrace.Cli.Commands;

/// <summary>
/// <c>wiretrace models train-combiner [--data DIR] [--out FILE] [--folds N] [--seed N]</c>: trains the combiner of the
/// sentence encoder and the lexical signals on MRPC train and STS Benchmark train (<see cref="CombinerTraining"/>) and
/// writes its weights file, the one committed as <c>src/WireTrace.Encoder/Combiner/use-lite-combiner.json</c>.
/// </summary>
internal static class TrainCombinerCommand
{
    /// <summary>Where the committed weights live in the repository (the default <c>--out</c>).</summary>
    public const string CommittedPath = "src/WireTrace.Encoder/Combiner/use-lite-combiner.json";

    public static Command Create(Option<string?> cacheOption, IAnsiConsole console, TextWriter error)
    {
        var data = new Option<string?>("--data")
        {
            Description = "The research data folder holding mrpc/ and stsbenchmark/ (default: WIRETRACE_DATA, else the nearest shared/data above the current folder).",
            HelpName = "DIR",
        };
        var output = new Option<string>("--out")
        {
            Description = "Write the weights file here (the default is the committed file, relative to the current folder).",
            HelpName = "FILE",
            DefaultValueFactory = _ => CommittedPath,
        };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds on each train split for choosing the L2 penalties.", HelpName = "N", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of the fold shuffle.", HelpName = "N", DefaultValueFactory = _ => 8 };
        var noDev = new Option<bool>("--no-dev") { Description = "Do not score the dev splits (their figures are only reported, never used for choosing)." };
        var command = new Command("train-combiner",
            "Train the combiner of the sentence encoder and the lexical signals (logistic paraphrase head on MRPC train, ridge graded head on STS Benchmark train; " +
            "penalties by cross-validation on train; no test split is read) and write its weights file.")
        {
            data, output, folds, seed, noDev,
        };
        command.SetAction(parse => Run(parse.GetValue(cacheOption), parse.GetValue(data), parse.GetValue(output)!, parse.GetValue(folds), parse.GetValue(seed), !parse.GetValue(noDev), console, error));
        return command;
    }

    private static int Run(string? cache, string? data, string output, int folds, int seed, bool dev, IAnsiConsole console, TextWriter error)
    {
        if (folds < 2)
        {
            error.WriteLine("wiretrace models train-combiner: --folds must be at least 2.");
            return 2;
        }
        UniversalSentenceEncoder encoder;
        try
        {
            encoder = UniversalSentenceEncoder.LoadInstalled(cache is null ? ModelCache.Default : new ModelCache(cache));
        }
        catch (ModelInstallException e)
        {
            error.WriteLine($"wiretrace models train-combiner: {e.Message}");
            return 1;
        }
        var root = EvalDataRoot.Resolve(data, Environment.CurrentDirectory);
        // The command as recorded in the file: paths as given, so the file does not depend on where the repository is.
        var recorded = "wiretrace models train-combiner" + (data is null ? "" : $" --data {data}") + (output == CommittedPath ? "" : $" --out {output}")
            + (folds == 5 ? "" : FormattableString.Invariant($" --folds {folds}")) + (seed == 8 ? "" : FormattableString.Invariant($" --seed {seed}")) + (dev ? "" : " --no-dev");
        var clock = Stopwatch.StartNew();
        CombinerFile file;
        try
        {
            file = CombinerTraining.Train(root, encoder, new CombinerTrainingOptions { Folds = folds, Seed = seed, Dev = dev }, recorded,
                line => console.WriteLine(line));
        }
        catch (DatasetNotFoundException e)
        {
            error.WriteLine($"wiretrace models train-combiner: {e.Message}");
            return 2;
        }
        catch (DirectoryNotFoundException e)
        {
            error.WriteLine($"wiretrace models train-combiner: {e.Message}");
            return 2;
        }
        var full = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, TrainedCombiner.ToJson(file));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"weights written to {full} ({new FileInfo(full).Length:N0} bytes) in {clock.Elapsed.TotalSeconds:F0} s"));
        return 0;
    }
}
