using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using WireTrace.Core.Analysis;
using WireTrace.Core.Stories;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Reports.Console;
using WireTrace.Reports.Html;
using WireTrace.Reports.Json;

namespace WireTrace.Cli.Commands;

/// <summary><c>wiretrace scan PATH... [--json FILE]</c>: read a pile of articles, group it into stories, explain each derivation.</summary>
internal static class ScanCommand
{
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or folders to read (recursively): .txt, .md, .html/.htm (one article each), .jsonl and .csv (one article per line or row).",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = CliOptions.Json();
        var quiet = CliOptions.Quiet();
        var html = HtmlOption();
        var similarity = CliOptions.Similarity();
        var command = new Command("scan", "Read articles, find which ones carry the same story, the source of each story, and how every other member was derived from it.")
        {
            paths, json, quiet, html, similarity,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse.GetValue(paths)!, parse.GetValue(json), parse.GetValue(quiet), console, error, cancel, parse.GetValue(html), parse.GetValue(similarity))));
        return command;
    }

    /// <summary><c>--html FILE</c>: the self-contained HTML report.</summary>
    internal static Option<FileInfo?> HtmlOption() => new("--html")
    {
        Description = "Write a self-contained HTML report (stories, derivation trees, side-by-side diffs, fact changes) to this file.",
        HelpName = "FILE",
    };

    private static int Run(string[] paths, FileInfo? json, bool quiet, IAnsiConsole console, TextWriter error, CancellationToken cancel, FileInfo? html = null, string? similarity = null)
    {
        var scorer = ScorerChoice.Resolve(similarity, "scan", error);
        if (scorer == null) return 1;
        var clock = Stopwatch.StartNew();
        var context = new AnalysisContext(new TextAnalyzer(EnglishStemmer.Default));
        bool interactive = !quiet && console.Profile.Capabilities.Interactive;
        var corpus = CorpusLoader.Load(paths, context, console, interactive, cancel);
        foreach (var s in corpus.Skipped)
        {
            error.WriteLine($"wiretrace: skipped {s.Path}{(s.Line is { } l ? $":{l}" : "")}: {s.Reason}");
        }
        if (corpus.Documents.Count == 0)
        {
            error.WriteLine(corpus.Files == 0
                ? "wiretrace: no readable input: give files or folders holding .txt, .md, .html, .jsonl or .csv articles."
                : $"wiretrace: nothing could be read from {corpus.Files} file(s); see the messages above.");
            return 2;
        }

        var analyzer = scorer.CreateAnalyzer(context);
        var builder = new StoryBuilder(analyzer);
        StoryResult stories;
        if (interactive)
        {
            StoryResult? result = null;
            console.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("aligning pairs", maxValue: 1);
                    result = builder.Build(corpus.Documents, (done, total) =>
                    {
                        task.MaxValue = Math.Max(1, total);
                        task.Value = done;
                    });
                });
            stories = result!;
        }
        else
        {
            stories = builder.Build(corpus.Documents);
        }

        if (json != null)
        {
            json.Directory?.Create();
            using var stream = json.Create();
            ContractJsonWriter.WriteScan(stream, corpus.Documents, stories, corpus.Skipped, analyzer.Similarity.Name);
        }
        if (html != null)
        {
            html.Directory?.Create();
            using var stream = html.Create();
            HtmlReportWriter.WriteScan(stream, corpus.Documents, stories, corpus.Skipped, analyzer.Similarity.Name);
        }
        if (!quiet)
        {
            var report = new ConsoleReport(console);
            report.WriteSummary(new ScanSummary(
                corpus.Files,
                corpus.Documents.Count,
                corpus.Documents.Sum(d => d.Model.Sentences.Count),
                corpus.Documents.Sum(d => d.Model.WordCount),
                corpus.Skipped,
                clock.Elapsed,
                analyzer.Similarity.Name));
            report.WriteStories(stories);
            if (json != null) console.MarkupLine($"JSON written to {Markup.Escape(json.FullName)}");
            if (html != null) console.MarkupLine($"HTML written to {Markup.Escape(html.FullName)}");
        }
        return 0;
    }
}
