using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using WireTrace.Core.Analysis;
using WireTrace.Core.Stories;
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
        html.Description += $" For piles above {StoryBuilder.ExhaustiveCandidatesUpTo} articles it shows the {HtmlStoryLimit} largest stories and says so; the JSON output has them all.";
        var threads = new Option<int>("--threads")
        {
            Description = "Threads to use (default: all cores). The result does not depend on it.",
            DefaultValueFactory = _ => -1,
            HelpName = "N",
        };
        var similarity = CliOptions.Similarity();
        var command = new Command("scan", "Read articles, find which ones carry the same story, the source of each story, and how every other member was derived from it.")
        {
            paths, json, quiet, html, threads, similarity,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse.GetValue(paths)!, parse.GetValue(json), parse.GetValue(quiet), console, error, cancel, parse.GetValue(html), parse.GetValue(threads), parse.GetValue(similarity))));
        return command;
    }

    /// <summary><c>--html FILE</c>: the self-contained HTML report.</summary>
    internal static Option<FileInfo?> HtmlOption() => new("--html")
    {
        Description = "Write a self-contained HTML report (stories, derivation trees, side-by-side diffs, fact changes) to this file.",
        HelpName = "FILE",
    };

    /// <summary>Stories an HTML report of a large pile shows at most (the largest; the JSON output has them all).</summary>
    internal const int HtmlStoryLimit = 200;

    /// <summary>Stories printed on the console for a large pile (the largest).</summary>
    private const int ConsoleStoryLimit = 10;

    private static int Run(string[] paths, FileInfo? json, bool quiet, IAnsiConsole console, TextWriter error, CancellationToken cancel, FileInfo? html, int threads, string? similarity)
    {
        var scorer = ScorerChoice.Resolve(similarity, "scan", error);
        if (scorer == null) return 1;
        var clock = Stopwatch.StartNew();
        bool interactive = !quiet && console.Profile.Capabilities.Interactive;
        using var pipeline = new ScanPipeline(threads, scorer);
        ScanOutcome? outcome = null;
        StoryResult? shown = null;
        string? scope = null;
        void Work(ScanProgress progress)
        {
            outcome = pipeline.Run(paths, progress, cancel);
            if (outcome.Articles.Count == 0) return;
            if (outcome.InMemory is { } stories)
            {
                var documents = outcome.Articles.Select(a => a.Full!).ToList();
                if (json != null) Write(json, stream => ContractJsonWriter.WriteScan(stream, documents, stories, outcome.Skipped, pipeline.Analyzer.Similarity.Name));
                if (html != null) Write(html, stream => HtmlReportWriter.WriteScan(stream, documents, stories, outcome.Skipped, pipeline.Analyzer.Similarity.Name));
                shown = stories;
                return;
            }
            var writer = new StoryWriter(pipeline, outcome, cancel);
            if (json != null) Write(json, stream => writer.WriteJson(stream, progress));
            if (html != null)
            {
                var (top, docs) = writer.Materialize(writer.Largest(HtmlStoryLimit));
                scope = outcome.Stories.Count > top.Count
                    ? $"this report shows the {top.Count:N0} largest of {outcome.Stories.Count:N0} stories among {outcome.Articles.Count:N0} articles (the JSON output has them all)"
                    : $"{outcome.Articles.Count:N0} articles scanned";
                var members = docs.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
                Write(html, stream => HtmlReportWriter.WriteScan(stream, members, new StoryResult(top, [], outcome.CandidatePairs, outcome.CandidatePairs * 2), outcome.Skipped, pipeline.Analyzer.Similarity.Name, scope));
            }
            if (!quiet)
            {
                var (largest, _) = writer.Materialize(writer.Largest(ConsoleStoryLimit));
                shown = new StoryResult(largest, [], outcome.CandidatePairs, outcome.CandidatePairs * 2);
            }
        }
        if (interactive) ScanProgress.WithBars(console, progress => { Work(progress); return 0; });
        else Work(quiet ? ScanProgress.None : ScanProgress.Lines(error));

        foreach (var s in outcome!.Skipped)
        {
            error.WriteLine($"wiretrace: skipped {s.Path}{(s.Line is { } l ? $":{l}" : "")}: {s.Reason}");
        }
        if (outcome.Articles.Count == 0)
        {
            error.WriteLine(outcome.Files == 0
                ? "wiretrace: no readable input: give files or folders holding .txt, .md, .html, .jsonl or .csv articles."
                : $"wiretrace: nothing could be read from {outcome.Files} file(s); see the messages above.");
            return 2;
        }
        if (!quiet)
        {
            var report = new ConsoleReport(console);
            report.WriteSummary(new ScanSummary(
                outcome.Files,
                outcome.Articles.Count,
                outcome.Articles.Sum(d => d.Sentences),
                (int)Math.Min(int.MaxValue, outcome.Articles.Sum(d => (long)d.Words)),
                outcome.Skipped,
                clock.Elapsed,
                pipeline.Analyzer.Similarity.Name));
            if (outcome.InMemory == null)
            {
                int unrelated = outcome.Articles.Count - outcome.Stories.Sum(s => s.Members.Count);
                console.MarkupLine($"{outcome.Stories.Count:N0} stories, {unrelated:N0} unrelated articles, {outcome.CandidatePairs:N0} candidate pairs aligned both ways ({pipeline.FingerprintPairs:N0} proposed by fingerprints, the rest by entity anchors only); the {shown!.Stories.Count:N0} largest stories:");
            }
            report.WriteStories(shown!);
            if (json != null) console.MarkupLine($"JSON written to {Markup.Escape(json.FullName)}");
            if (html != null) console.MarkupLine($"HTML written to {Markup.Escape(html.FullName)}{(scope != null && outcome.Stories.Count > HtmlStoryLimit ? $" ({Markup.Escape(scope)})" : "")}");
        }
        return 0;
    }

    private static void Write(FileInfo file, Action<Stream> write)
    {
        file.Directory?.Create();
        using var stream = new FileStream(file.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        write(stream);
    }
}
