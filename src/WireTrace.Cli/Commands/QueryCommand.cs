using System.CommandLine;
using Spectre.Console;
using WireTrace.Core.Analysis;
using WireTrace.Core.Documents;
using WireTrace.Ingest;
using WireTrace.Reports.Console;
using WireTrace.Reports.Json;
using WireTrace.Storage;

namespace WireTrace.Cli.Commands;

/// <summary><c>wiretrace query FILE --db DB [--json F]</c>: the story and source of articles matched against the index, without adding them.</summary>
internal static class QueryCommand
{
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var paths = new Argument<string[]>("FILE")
        {
            Description = "The article(s) to match: files or folders as for scan.",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = IndexCommand.DbOption();
        var json = CliOptions.Json();
        var quiet = CliOptions.Quiet();
        var command = new Command("query", "Find the story and source of articles in the index without adding them.") { paths, db, json, quiet };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse.GetValue(paths)!, parse.GetValue(db)!, parse.GetValue(json), parse.GetValue(quiet), console, error, cancel)));
        return command;
    }

    private static int Run(string[] paths, string db, FileInfo? json, bool quiet, IAnsiConsole console, TextWriter error, CancellationToken cancel)
    {
        if (!ArticleStores.IsPostgres(db) && !File.Exists(db))
        {
            error.WriteLine($"wiretrace: no index at {Path.GetFullPath(db)}; create one with 'wiretrace index add PATH... --db {db}'.");
            return 2;
        }
        var reader = new CorpusReader();
        var problems = new List<SkippedInput>();
        var queries = new List<Article>();
        foreach (var item in reader.ReadAll(paths, cancel))
        {
            if (item is ArticleRead r) queries.Add(r.Article);
            else if (item is InputSkipped s) problems.Add(s.Skipped);
        }
        foreach (var s in problems) error.WriteLine($"wiretrace: skipped {s}");
        if (queries.Count == 0)
        {
            error.WriteLine("wiretrace: nothing to match: give a readable .txt, .md, .html, .jsonl or .csv article.");
            return 2;
        }

        using var store = ArticleStores.Open(db);
        var result = new StoryIndexer(store).Match(queries, cancellationToken: cancel);
        if (json != null)
        {
            json.Directory?.Create();
            using var stream = json.Create();
            ContractJsonWriter.WriteScan(stream, result.Documents, result.Stories, problems.Select(p => new ReportSkip(p.Path, p.Line, p.Reason)).ToList(), result.Similarity);
        }
        if (!quiet)
        {
            foreach (var q in queries)
            {
                var story = result.Stories.Stories.FirstOrDefault(s => s.Members.Contains(q.Id));
                var derivation = story?.Derivations.FirstOrDefault(d => d.Derived == q.Id);
                string line = story == null
                    ? $"{q.Id}: no story in the index"
                    : derivation == null
                        ? $"{q.Id}: source of story {story.Id} ({story.Members.Count - 1} other member(s))"
                        : $"{q.Id}: {derivation.Analysis.Relation.ToContractName()} of {derivation.From} in story {story.Id} (confidence {derivation.Analysis.Confidence:F2})";
                console.MarkupLine(Markup.Escape(line));
            }
            new ConsoleReport(console).WriteStories(result.Stories);
            if (json != null) console.MarkupLine($"JSON written to {Markup.Escape(json.FullName)}");
        }
        return 0;
    }
}
