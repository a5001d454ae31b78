using System.CommandLine;
using Spectre.Console;
using WireTrace.Core.Analysis;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Reports.Console;
using WireTrace.Reports.Html;
using WireTrace.Reports.Json;

namespace WireTrace.Cli.Commands;

/// <summary><c>wiretrace compare A B [--json FILE]</c>: how one article was made from the other.</summary>
internal static class CompareCommand
{
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var first = new Argument<string>("A") { Description = "An article file, or FILE#ID for one article of a .jsonl or .csv file." };
        var second = new Argument<string>("B") { Description = "The other article, in the same form." };
        var json = CliOptions.Json();
        var asGiven = new Option<bool>("--as-given")
        {
            Description = "Take A as the source and B as the derived text, instead of deciding the direction from the evidence.",
        };
        var command = new Command("compare", "Compare two articles: relation, direction, coverage, aligned sentences side by side, fact changes, added and dropped sentences.")
        {
            first, second, json, asGiven,
        };
        var html = ScanCommand.HtmlOption();
        command.Options.Add(html);
        var similarity = CliOptions.Similarity();
        command.Options.Add(similarity);
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse.GetValue(first)!, parse.GetValue(second)!, parse.GetValue(json), parse.GetValue(asGiven), console, error, cancel, parse.GetValue(html), parse.GetValue(similarity))));
        return command;
    }

    private static int Run(string a, string b, FileInfo? json, bool asGiven, IAnsiConsole console, TextWriter error, CancellationToken cancel, FileInfo? html = null, string? similarity = null)
    {
        var scorer = ScorerChoice.Resolve(similarity, "compare", error);
        if (scorer == null) return 1;
        var context = new AnalysisContext(new TextAnalyzer(EnglishStemmer.Default));
        var docA = LoadOne(a, context, console, error, cancel);
        var docB = LoadOne(b, context, console, error, cancel);
        if (docA == null || docB == null) return 2;
        if (docA.Id == docB.Id && a == b)
        {
            error.WriteLine("wiretrace: A and B are the same article.");
            return 2;
        }
        var analyzer = scorer.CreateAnalyzer(context);
        var analysis = asGiven ? analyzer.Analyze(docA, docB) : analyzer.AnalyzeEitherWay(docA, docB);
        var (source, derived) = analysis.SourceId == docA.Id && analysis.DerivedId == docB.Id ? (docA, docB) : (docB, docA);
        new ConsoleReport(console).WriteCompare(source, derived, analysis);
        console.MarkupLine($"sentence similarity: {Markup.Escape(analyzer.Similarity.Name)}");
        if (json != null)
        {
            json.Directory?.Create();
            using var stream = json.Create();
            ContractJsonWriter.WriteCompare(stream, source, derived, analysis, analyzer.Similarity.Name);
            console.MarkupLine($"JSON written to {Markup.Escape(json.FullName)}");
        }
        if (html != null)
        {
            html.Directory?.Create();
            using var stream = html.Create();
            HtmlReportWriter.WriteCompare(stream, source, derived, analysis, analyzer.Similarity.Name);
            console.MarkupLine($"HTML written to {Markup.Escape(html.FullName)}");
        }
        return 0;
    }

    /// <summary>Reads PATH or PATH#ID and returns its one article (or the one with that id), or null after a message.</summary>
    private static AnalyzedDocument? LoadOne(string spec, AnalysisContext context, IAnsiConsole console, TextWriter error, CancellationToken cancel)
    {
        string path = spec;
        string? id = null;
        int hash = spec.LastIndexOf('#');
        if (hash > 0 && !File.Exists(spec))
        {
            path = spec[..hash];
            id = spec[(hash + 1)..];
        }
        if (!File.Exists(path))
        {
            error.WriteLine($"wiretrace: {path}: no such file");
            return null;
        }
        var corpus = CorpusLoader.Load([path], context, console, showProgress: false, cancel);
        var matches = id == null ? corpus.Documents : corpus.Documents.Where(d => d.Id == id).ToList();
        if (matches.Count == 1) return matches[0];
        foreach (var s in corpus.Skipped) error.WriteLine($"wiretrace: skipped {s.Path}{(s.Line is { } l ? $":{l}" : "")}: {s.Reason}");
        if (matches.Count == 0)
        {
            error.WriteLine(id == null ? $"wiretrace: {path}: no article could be read" : $"wiretrace: {path}: no article with id '{id}'");
        }
        else
        {
            error.WriteLine($"wiretrace: {path} holds {matches.Count} articles; name one as {path}#ID (ids: {string.Join(", ", matches.Take(10).Select(d => d.Id))}{(matches.Count > 10 ? ", ..." : "")})");
        }
        return null;
    }
}
