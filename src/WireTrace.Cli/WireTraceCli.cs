using System.CommandLine;
using Spectre.Console;
using WireTrace.Cli.Commands;

namespace WireTrace.Cli;

/// <summary>The command line: builds the commands and runs one, writing to the given consoles.</summary>
public static class WireTraceCli
{
    public static RootCommand Build(IAnsiConsole console, TextWriter error)
    {
        var root = new RootCommand(
            "WireTrace finds reused news text and explains it: which articles carry the same story, which one is the source, " +
            "how each derived article maps onto it sentence by sentence, and which facts changed on the way.")
        {
            ScanCommand.Create(console, error),
            CompareCommand.Create(console, error),
            EvalCommand.Create(console, error),
            BenchCommand.Create(console, error),
            ModelsCommand.Create(console, error),
            IndexCommand.Create(console, error),
            QueryCommand.Create(console, error),
            ServeCommand.Create(console, error),
            WorkerCommand.Create(console, error),
        };
        return root;
    }

    /// <summary>The terminal console; plain text (no colours, no progress bars) when the output is redirected.</summary>
    private static IAnsiConsole CreateConsole()
    {
        if (!System.Console.IsOutputRedirected) return AnsiConsole.Console;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(System.Console.Out),
        });
    }

    /// <summary>
    /// Runs a command in process with captured plain output (no colours, no progress bars), as when the output
    /// is redirected: for tests and for programs that embed the CLI.
    /// </summary>
    public static async Task<CliRun> RunCapturedAsync(IReadOnlyList<string> args, int width = 200)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        int exit = await RunAsync([.. args], console, output, error);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public static async Task<int> RunAsync(string[] args, IAnsiConsole? console = null, TextWriter? output = null, TextWriter? error = null)
    {
        console ??= CreateConsole();
        error ??= System.Console.Error;
        var root = Build(console, error);
        // Exceptions are handled below (as System.CommandLine's default handler would), so that a store that cannot
        // be opened is one line for the user rather than a stack trace.
        var config = new InvocationConfiguration { Output = output ?? System.Console.Out, Error = error, EnableDefaultExceptionHandler = false };
        using var cancel = new CancellationTokenSource();
        System.Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            return await root.Parse(args).InvokeAsync(config, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("wiretrace: cancelled");
            return 130;
        }
        catch (WireTrace.Storage.StoreUnavailableException e)
        {
            error.WriteLine($"wiretrace: {e.Message}");
            return 2;
        }
        catch (Npgsql.NpgsqlException e)
        {
            // The PostgreSQL server went away or refused a statement after the store was opened.
            error.WriteLine($"wiretrace: database error: {e.Message.Split('\n')[0]}");
            return 1;
        }
        catch (Exception e)
        {
            error.WriteLine($"Unhandled exception: {e}");
            return 1;
        }
    }
}

/// <summary>The exit code and captured output of one in-process run.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error);
