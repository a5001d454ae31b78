using WireTrace.Tests;

namespace WireTrace.Cli.Tests;

/// <summary>The commands with <c>--db postgres://...</c>: the same answers as with a SQLite file, and one-line errors.</summary>
public sealed class PostgresCliTests
{
    [Fact]
    public async Task Help_explains_the_worker_and_the_postgres_db_values()
    {
        var (exit, output, _) = await CliRunner.RunAsync("worker", "--help");
        Assert.Equal(0, exit);
        foreach (var option in new[] { "--db", "--batch", "--lease", "--once", "--until-idle", "--poll", "--name" }) Assert.Contains(option, output);
        (exit, output, _) = await CliRunner.RunAsync("index", "add", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--enqueue", output);
        Assert.Contains("postgres://", output);
    }

    [PostgresFact]
    public async Task Index_add_and_query_give_the_same_answers_on_postgres_as_on_sqlite()
    {
        using var db = TestPostgres.CreateDatabase("cli");
        using var temp = new TempFolder();
        string sqlite = Path.Combine(temp.Path, "demo.db");
        Assert.Equal(0, (await CliRunner.RunAsync("index", "add", CliRunner.Sample("demo"), "--db", sqlite, "-q")).Exit);
        var (exit, _, error) = await CliRunner.RunAsync("index", "add", CliRunner.Sample("demo"), "--db", db.Uri, "-q");
        Assert.True(exit == 0, error);
        var onSqlite = await CliRunner.RunAsync("query", CliRunner.Sample("demo", "excerpt.txt"), "--db", sqlite);
        var onPostgres = await CliRunner.RunAsync("query", CliRunner.Sample("demo", "excerpt.txt"), "--db", db.Uri);
        Assert.Equal(0, onPostgres.Exit);
        Assert.Contains("excerpt: excerpt of afp-flood-source", onPostgres.Out);
        Assert.Equal(onSqlite.Out, onPostgres.Out);
        var (_, stats, _) = await CliRunner.RunAsync("index", "stats", "--db", db.Uri);
        Assert.Matches(@"articles\s+10", stats);
        Assert.Matches(@"stories\s+1", stats);
    }

    [Fact]
    public async Task Serve_and_query_with_an_unreachable_server_say_so_in_one_line()
    {
        foreach (var args in new[]
        {
            new[] { "serve", "--db", "postgres://ann:secret@127.0.0.1:1/news", "--urls", "http://127.0.0.1:0" },
            new[] { "query", CliRunner.Sample("demo", "excerpt.txt"), "--db", "Host=127.0.0.1;Port=1;Username=ann;Password=secret;Database=news" },
        })
        {
            var (exit, _, error) = await CliRunner.RunAsync(args);
            Assert.Equal(2, exit);
            Assert.StartsWith("wiretrace: cannot use the PostgreSQL database postgres://ann@127.0.0.1:1/news: ", error);
            Assert.Single(error.Trim().Split('\n'));
            Assert.DoesNotContain("secret", error);
        }
    }
}
