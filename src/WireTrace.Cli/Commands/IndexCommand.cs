using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using WireTrace.Core.Documents;
using WireTrace.Ingest;
using WireTrace.Storage;

namespace WireTrace.Cli.Commands;

/// <summary>
/// <c>wiretrace index add|remove|expire|stats --db DB</c>: a persistent index of articles and their stories, in a
/// SQLite file or a PostgreSQL database (see docs/SERVICE.md).
/// </summary>
internal static class IndexCommand
{
    public const string DefaultDatabase = "wiretrace.db";

    /// <summary><c>--db DB</c>, default <c>wiretrace.db</c> in the current folder.</summary>
    internal static Option<string> DbOption() => new("--db")
    {
        Description = "The index: a SQLite file (created if missing), or a PostgreSQL database as postgres://user:password@host:port/database " +
            "(or an Npgsql connection string 'Host=...;Database=...'), shared by several processes.",
        HelpName = "DB",
        DefaultValueFactory = _ => DefaultDatabase,
    };

    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var index = new Command("index", "Keep a persistent index of articles and their stories: add, remove, expire, stats.");
        index.Subcommands.Add(AddCommand(console, error));
        index.Subcommands.Add(RemoveCommand(console, error));
        index.Subcommands.Add(ExpireCommand(console, error));
        index.Subcommands.Add(StatsCommand(console));
        return index;
    }

    private static Command AddCommand(IAnsiConsole console, TextWriter error)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or folders to read (as scan): .txt, .md, .html, .jsonl, .csv.",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = DbOption();
        var batch = new Option<int>("--batch-size")
        {
            Description = "Articles stored per transaction.",
            DefaultValueFactory = _ => 200,
        };
        var enqueue = new Option<bool>("--enqueue")
        {
            Description = "PostgreSQL only: just store the articles in the shared queue, without analysing them or recomputing stories; " +
                "'wiretrace worker' processes (on any machine) prepare them and recompute the stories.",
        };
        var quiet = CliOptions.Quiet();
        var command = new Command("add", "Store articles (an id already stored with the same content is skipped, with other content replaced), then recompute the stories they touch.")
        {
            paths, db, batch, enqueue, quiet,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Add(parse.GetValue(paths)!, parse.GetValue(db)!, Math.Max(1, parse.GetValue(batch)), parse.GetValue(enqueue), parse.GetValue(quiet), console, error, cancel)));
        return command;
    }

    private static int Add(string[] paths, string db, int batchSize, bool enqueueOnly, bool quiet, IAnsiConsole console, TextWriter error, CancellationToken cancel)
    {
        if (enqueueOnly && !ArticleStores.IsPostgres(db))
        {
            error.WriteLine("wiretrace: --enqueue needs a PostgreSQL --db (postgres://...): workers share its queue; a SQLite file is indexed by 'index add' itself.");
            return 2;
        }
        var reader = new CorpusReader();
        var problems = new List<SkippedInput>();
        var files = reader.Discover(paths, problems);
        if (files.Count == 0)
        {
            foreach (var s in problems) error.WriteLine($"wiretrace: skipped {s}");
            error.WriteLine("wiretrace: no readable input: give files or folders holding .txt, .md, .html, .jsonl or .csv articles.");
            return 2;
        }
        using var store = ArticleStores.Open(db);
        var indexer = new StoryIndexer(store);
        var queue = store as IArticleQueue;
        Func<IReadOnlyList<Article>, AddOutcome> save = enqueueOnly ? queue!.Enqueue : indexer.Add;
        var outcome = new AddOutcome();
        bool interactive = !quiet && console.Profile.Capabilities.Interactive;

        void Store(Action<long>? advance)
        {
            var batch = new List<Article>(batchSize);
            foreach (var file in files)
            {
                foreach (var item in reader.Read(file, cancel))
                {
                    switch (item)
                    {
                        case ArticleRead read:
                            batch.Add(read.Article);
                            if (batch.Count >= batchSize)
                            {
                                outcome += save(batch);
                                batch.Clear();
                            }
                            break;
                        case InputSkipped s:
                            problems.Add(s.Skipped);
                            break;
                    }
                }
                advance?.Invoke(file.Length);
            }
            if (batch.Count > 0) outcome += save(batch);
        }

        int recomputed = 0;
        if (interactive)
        {
            long total = Math.Max(1, files.Sum(f => f.Length));
            console.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("storing", maxValue: total);
                    Store(bytes => task.Increment(bytes));
                    if (enqueueOnly) return;
                    var stories = ctx.AddTask("recomputing stories", maxValue: 1);
                    recomputed = indexer.RecomputePending((done, all) =>
                    {
                        stories.MaxValue = Math.Max(1, all);
                        stories.Value = done;
                    }, cancel);
                    stories.Value = stories.MaxValue;
                });
        }
        else
        {
            Store(null);
            if (!enqueueOnly) recomputed = indexer.RecomputePending(cancellationToken: cancel);
        }
        foreach (var s in problems) error.WriteLine($"wiretrace: skipped {s}");
        if (!quiet)
        {
            var stats = store.Stats();
            console.MarkupLine(enqueueOnly
                ? $"{outcome.Added} added, {outcome.Updated} updated, {outcome.Unchanged} unchanged; queued for workers"
                : $"{outcome.Added} added, {outcome.Updated} updated, {outcome.Unchanged} unchanged; stories recomputed for {recomputed} articles");
            WriteStats(console, stats, store);
        }
        return 0;
    }

    private static Command RemoveCommand(IAnsiConsole console, TextWriter error)
    {
        var ids = new Argument<string[]>("ID") { Description = "Ids of the articles to remove.", Arity = ArgumentArity.OneOrMore };
        var db = DbOption();
        var command = new Command("remove", "Remove articles and recompute the stories they were in.") { ids, db };
        command.SetAction((parse, cancel) =>
        {
            using var store = ArticleStores.Open(parse.GetValue(db)!);
            var given = parse.GetValue(ids)!;
            int removed = store.Remove(given);
            new StoryIndexer(store).RecomputePending(cancellationToken: cancel);
            console.MarkupLine($"{removed} removed{(removed < given.Length ? $", {given.Length - removed} not found" : "")}");
            return Task.FromResult(removed == 0 ? 1 : 0);
        });
        return command;
    }

    private static Command ExpireCommand(IAnsiConsole console, TextWriter error)
    {
        var before = new Option<string>("--before")
        {
            Description = "Remove articles published before this date (yyyy-MM-dd); undated articles stay.",
            HelpName = "DATE",
            Required = true,
        };
        var db = DbOption();
        var command = new Command("expire", "Remove articles published before a date and recompute the stories they were in.") { before, db };
        command.SetAction((parse, cancel) =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(before), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                error.WriteLine($"wiretrace: --before wants a date as yyyy-MM-dd, not '{parse.GetValue(before)}'.");
                return Task.FromResult(2);
            }
            using var store = ArticleStores.Open(parse.GetValue(db)!);
            int removed = store.ExpireBefore(date);
            new StoryIndexer(store).RecomputePending(cancellationToken: cancel);
            console.MarkupLine($"{removed} expired (published before {date:yyyy-MM-dd})");
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command StatsCommand(IAnsiConsole console)
    {
        var db = DbOption();
        var command = new Command("stats", "Articles, stories, size on disk and bytes per article.") { db };
        command.SetAction(parse =>
        {
            using var store = ArticleStores.Open(parse.GetValue(db)!);
            WriteStats(console, store.Stats(), store);
            return 0;
        });
        return command;
    }

    private static void WriteStats(IAnsiConsole console, StoreStats s, IArticleStore store)
    {
        console.MarkupLine($"index {Markup.Escape(store.Location)}");
        console.MarkupLine($"  articles        {s.Articles}");
        console.MarkupLine($"  stories         {s.Stories}");
        console.MarkupLine($"  pending         {s.Pending}");
        console.MarkupLine($"  terms           {s.Terms}");
        console.MarkupLine($"  size on disk    {s.BytesOnDisk} bytes");
        console.MarkupLine($"  bytes/article   {s.BytesPerArticle:F0}");
        if (store is IArticleQueue queue)
        {
            var q = queue.QueueState();
            console.MarkupLine($"  queued          {q.Queued}");
            console.MarkupLine($"  claimed         {q.Claimed}");
        }
    }
}
