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

    /// <summary><c>--similarity lexical|blend</c>: the sentence scorer (see <see cref="ScorerChoice"/>).</summary>
    public static Option<string> Similarity()
    {
        var option = new Option<string>("--similarity")
        {
            Description = "Sentence similarity: lexical (default, needs nothing) or blend (the USE-lite sentence encoder's vectors and the lexical signals combined by " +
                "a combiner trained on MRPC train and STS Benchmark train, with aligner thresholds tuned for it; needs 'wiretrace models install').",
            HelpName = "lexical|blend",
            DefaultValueFactory = _ => "lexical",
        };
        option.AcceptOnlyFromAmong("lexical", "blend");
        return option;
    }

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "Print no progress and no summary; only errors (and the files asked for).",
    };
}
