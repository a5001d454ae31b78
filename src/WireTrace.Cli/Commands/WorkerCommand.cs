using System.CommandLine;
using Spectre.Console;
using WireTrace.Storage;

namespace WireTrace.Cli.Commands;

/// <summary>
/// <c>wiretrace worker --db postgres://... [--batch N] [--lease SECONDS] [--once|--until-idle]</c>: prepares
/// articles queued by <c>index add --enqueue</c> (claimed in batches with a lease, so a dead worker's batch is
/// claimed again) and recomputes the stories once the queue is drained (see docs/SERVICE.md).
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var db = new Option<string>("--db")
        {
            Description = "The shared PostgreSQL index: postgres://user:password@host:port/database (or an Npgsql connection string).",
            HelpName = "DB",
            Required = true,
        };
        var batch = new Option<int>("--batch")
        {
            Description = "Articles claimed per batch.",
            DefaultValueFactory = _ => 50,
        };
        var lease = new Option<double>("--lease")
        {
            Description = "Seconds a claimed batch stays this worker's; a batch not handed back by then (the worker died) is claimed again.",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => 300,
        };
        var once = new Option<bool>("--once") { Description = "Handle one batch (and the story step if the queue is then drained), then stop." };
        var untilIdle = new Option<bool>("--until-idle")
        {
            Description = "Stop when no work is left: nothing queued, nothing claimed by another worker, no story pending. Without --once or --until-idle the worker runs until stopped (Ctrl+C).",
        };
        var poll = new Option<double>("--poll")
        {
            Description = "Seconds to wait before looking again when there is nothing to claim.",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => 1,
        };
        var name = new Option<string?>("--name") { Description = "Worker name recorded with its claims (default: host/process id); must differ between live workers." };
        var quiet = CliOptions.Quiet();
        var command = new Command("worker", "Work on the shared PostgreSQL queue: claim batches of articles queued by 'index add --enqueue', prepare them, recompute the stories when the queue is drained.")
        {
            db, batch, lease, once, untilIdle, poll, name, quiet,
        };
        command.SetAction(async (parse, cancel) =>
        {
            if (parse.GetValue(once) && parse.GetValue(untilIdle))
            {
                error.WriteLine("wiretrace: give --once or --until-idle, not both.");
                return 2;
            }
            if (parse.GetValue(lease) <= 0 || parse.GetValue(poll) <= 0 || parse.GetValue(batch) < 1)
            {
                error.WriteLine("wiretrace: --batch must be at least 1, --lease and --poll more than 0 seconds.");
                return 2;
            }
            string dbValue = parse.GetValue(db)!;
            if (!ArticleStores.IsPostgres(dbValue))
            {
                error.WriteLine($"wiretrace: workers share a PostgreSQL queue; --db '{dbValue}' is not a postgres:// address.");
                return 2;
            }
            using var store = ArticleStores.Open(dbValue);
            var worker = new QueueWorker(store, parse.GetValue(name) ?? QueueWorker.DefaultName(), parse.GetValue(batch), TimeSpan.FromSeconds(parse.GetValue(lease)), ClaimPause());
            bool quietRun = parse.GetValue(quiet);
            if (!quietRun) console.MarkupLine($"worker {Markup.Escape(worker.Name)} on {Markup.Escape(store.Location)}");
            int prepared = 0, recomputed = 0;
            try
            {
                while (true)
                {
                    WorkerStep step;
                    try
                    {
                        step = worker.Step(cancel);
                    }
                    catch (Npgsql.NpgsqlException e) when (!parse.GetValue(once))
                    {
                        // The server went away or failed this step: nothing half-done is kept (each hand-back is one
                        // transaction, a claim not handed back returns after its lease), so wait and go on.
                        error.WriteLine($"wiretrace: worker {worker.Name}: database error ({e.Message.Split('\n')[0]}); trying again in {parse.GetValue(poll):0.#} s");
                        await Task.Delay(TimeSpan.FromSeconds(parse.GetValue(poll)), cancel);
                        continue;
                    }
                    prepared += step.Prepared;
                    recomputed += step.Recomputed;
                    if (!quietRun && (step.Claimed > 0 || step.Recomputed > 0))
                    {
                        console.MarkupLine($"prepared {step.Prepared} of {step.Claimed} claimed; stories recomputed for {step.Recomputed}; queued {step.Queue.Queued}, claimed {step.Queue.Claimed}, pending {step.Queue.Pending}");
                    }
                    if (parse.GetValue(once) || (parse.GetValue(untilIdle) && step.Idle)) break;
                    if (step.Claimed == 0) await Task.Delay(TimeSpan.FromSeconds(parse.GetValue(poll)), cancel);
                }
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                // Ctrl+C: a claimed batch not handed back returns to the queue when its lease runs out.
            }
            if (!quietRun) console.MarkupLine($"worker {Markup.Escape(worker.Name)} done: {prepared} prepared, stories recomputed for {recomputed}");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Fault injection for the crash tests: <c>WIRETRACE_FAILPOINT_CLAIM_PAUSE_MS</c> makes the worker wait that long
    /// after each claim, holding a claimed, unprepared batch, so a test can kill it there rather than race it.
    /// </summary>
    internal const string ClaimPauseVariable = "WIRETRACE_FAILPOINT_CLAIM_PAUSE_MS";

    private static Action<IReadOnlyList<WireTrace.Core.Documents.Article>>? ClaimPause() =>
        int.TryParse(Environment.GetEnvironmentVariable(ClaimPauseVariable), out int ms) && ms > 0 ? _ => Thread.Sleep(ms) : null;
}
