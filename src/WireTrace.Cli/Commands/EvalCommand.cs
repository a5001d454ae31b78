using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using WireTrace.Evaluation.Datasets;
using WireTrace.Evaluation.Suites;

namespace WireTrace.Cli.Commands;

/// <summary>
/// <c>wiretrace eval SUITE [--split train|dev|test] [--limit N] [--json FILE] [--data DIR] [--similarity lexical|blend]</c>: runs a quality suite
/// (or <c>all</c>) over the research data and prints its figures. The suites live in WireTrace.Evaluation; this only wires.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var suite = new Argument<string>("SUITE")
        {
            Description = "Which suite: " + string.Join(", ", SuiteCatalog.All.Select(s => s.Name)) + ", or all.",
        };
        var split = new Option<string?>("--split")
        {
            Description = "train, dev or test (default test: the reported, evaluation-only figures). Ignored by suites without splits (bbc, clough, synthetic).",
            HelpName = "SPLIT",
        };
        var limit = new Option<int?>("--limit")
        {
            Description = "Evaluate less data for a quick run: pairs (mrpc, sts, bbc, clough), topics (ecb) or synthetic sources (synthetic).",
            HelpName = "N",
        };
        var json = new Option<FileInfo?>("--json")
        {
            Description = "Write {suite, split, metrics, n} as JSON to this file (an array for all).",
            HelpName = "FILE",
        };
        var data = new Option<string?>("--data")
        {
            Description = "The research data folder (default: WIRETRACE_DATA, else the nearest shared/data above the current folder).",
            HelpName = "DIR",
        };
        var similarity = CliOptions.Similarity();
        var command = new Command("eval", "Measure WireTrace's quality on real research data sets (MRPC, STS Benchmark, BBC summaries, Clough & Stevenson, ECB+, synthetic Reuters derivations).")
        {
            suite, split, limit, json, data, similarity,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse.GetValue(suite)!, parse.GetValue(split), parse.GetValue(limit), parse.GetValue(json), parse.GetValue(data), console, error, cancel, parse.GetValue(similarity))));
        return command;
    }

    private static int Run(string suiteName, string? splitText, int? limit, FileInfo? json, string? data, IAnsiConsole console, TextWriter error, CancellationToken cancel, string? similarity = null)
    {
        bool all = string.Equals(suiteName, "all", StringComparison.OrdinalIgnoreCase);
        var suites = all ? SuiteCatalog.All : SuiteCatalog.Find(suiteName) is { } one ? [one] : null;
        if (suites == null)
        {
            error.WriteLine($"wiretrace eval: unknown suite '{suiteName}'; choose one of {string.Join(", ", SuiteCatalog.All.Select(s => s.Name))}, or all.");
            return 2;
        }
        EvalSplit? split = null;
        if (splitText != null)
        {
            if (!EvalSplits.TryParse(splitText, out var parsed))
            {
                error.WriteLine($"wiretrace eval: unknown split '{splitText}'; choose train, dev or test.");
                return 2;
            }
            split = parsed;
        }
        if (limit is <= 0)
        {
            error.WriteLine("wiretrace eval: --limit must be a positive number.");
            return 2;
        }

        var scorer = ScorerChoice.Resolve(similarity, "eval", error);
        if (scorer == null) return 1;
        console.MarkupLine($"sentence similarity: {Markup.Escape(scorer.Name)}");
        var request = new EvalRequest(EvalDataRoot.Resolve(data, Environment.CurrentDirectory), split, limit, scorer);
        var results = new List<SuiteResult>();
        foreach (var s in suites)
        {
            var clock = Stopwatch.StartNew();
            SuiteResult result;
            try
            {
                result = s.Run(request, cancel);
            }
            catch (DatasetNotFoundException e)
            {
                error.WriteLine($"wiretrace eval {s.Name}: {e.Message}");
                return 2;
            }
            catch (DirectoryNotFoundException e)
            {
                error.WriteLine($"wiretrace eval {s.Name}: {e.Message}");
                return 2;
            }
            results.Add(result);
            Print(console, s, result, clock.Elapsed);
        }

        if (json != null)
        {
            json.Directory?.Create();
            using var stream = json.Create();
            SuiteResultJson.Write(stream, results, asArray: all, scorer.Name);
            console.MarkupLine($"JSON written to {Markup.Escape(json.FullName)}");
        }
        return 0;
    }

    private static void Print(IAnsiConsole console, IEvaluationSuite suite, SuiteResult result, TimeSpan elapsed)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{Markup.Escape(result.Suite)}[/] ({Markup.Escape(result.Split)}, n={result.N}, {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)")
            .AddColumn("metric")
            .AddColumn(new TableColumn("value").RightAligned());
        foreach (var m in result.Metrics)
        {
            table.AddRow(Markup.Escape(m.Name), Format(m.Value));
        }
        console.Write(table);
        console.MarkupLine($"[dim]{Markup.Escape(suite.Description)}[/]");
        foreach (var note in result.Notes) console.MarkupLine($"[dim]- {Markup.Escape(note)}[/]");
        if (result.Confusion is { } confusion)
        {
            // Plain aligned text straight to the output: a table (or wrapped text) would cut the rows on a narrow terminal.
            var writer = console.Profile.Out.Writer;
            writer.WriteLine("confusion (rows gold, columns predicted):");
            writer.Write(confusion.ToText());
            writer.Flush();
        }
        console.WriteLine();
    }

    private static string Format(double value) =>
        double.IsNaN(value) ? "n/a"
        : value == Math.Floor(value) && Math.Abs(value) >= 1 ? value.ToString("0", CultureInfo.InvariantCulture)
        : value.ToString("0.0000", CultureInfo.InvariantCulture);
}
