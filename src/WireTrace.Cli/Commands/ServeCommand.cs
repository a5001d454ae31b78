using System.CommandLine;
using Spectre.Console;
using WireTrace.Service;
using WireTrace.Storage;

namespace WireTrace.Cli.Commands;

/// <summary><c>wiretrace serve --db DB --urls URL</c>: the HTTP service over an index (see docs/SERVICE.md).</summary>
internal static class ServeCommand
{
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var db = IndexCommand.DbOption();
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen.",
            HelpName = "URL",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var maxBytes = new Option<long>("--max-request-bytes")
        {
            Description = "Largest request body; larger ones are answered 413.",
            DefaultValueFactory = _ => 10L * 1024 * 1024,
        };
        var command = new Command("serve", "Serve the index over HTTP: POST /articles, POST /match, GET /stories/{id}, GET /stories/{id}/report, GET /health.")
        {
            db, urls, maxBytes,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var options = new WireTraceServiceOptions(parse.GetValue(db)!, parse.GetValue(urls)!, parse.GetValue(maxBytes));
            await using var app = WireTraceService.Build(options);
            await app.StartAsync(cancel);
            console.MarkupLine($"serving {Markup.Escape(PostgresAddress.Redact(options.Database))} on {Markup.Escape(string.Join(", ", app.Urls))} (Ctrl+C stops)");
            try
            {
                await Task.Delay(Timeout.Infinite, cancel);
            }
            catch (OperationCanceledException)
            {
            }
            await app.StopAsync(CancellationToken.None);
            return 0;
        });
        return command;
    }
}
