using System.CommandLine;

namespace WireTrace.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CliOptions
{
    public static Option<FileInfo?> Json() => new("--json")
    {
        Description = "Write the full result as JSON to this file (the output contract, see docs/schema).",
        HelpName = "FILE",
    };

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "Print no progress and no summary; only errors (and the files asked for).",
    };
}
