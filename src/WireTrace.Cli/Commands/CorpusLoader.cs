using Spectre.Console;
using WireTrace.Core.Analysis;
using WireTrace.Ingest;
using WireTrace.Reports.Json;

namespace WireTrace.Cli.Commands;

/// <summary>What was loaded: analysed documents in reading order, what was skipped, and how many files were read.</summary>
internal sealed record LoadedCorpus(IReadOnlyList<AnalyzedDocument> Documents, IReadOnlyList<ReportSkip> Skipped, int Files);

/// <summary>
/// Reads paths with <see cref="CorpusReader"/> and analyses each article into an <see cref="AnalysisContext"/>,
/// with a progress bar (by bytes) on a terminal. Bad inputs (and repeated ids, which the reader skips) are collected, never fatal.
/// </summary>
internal static class CorpusLoader
{
    public static LoadedCorpus Load(IEnumerable<string> paths, AnalysisContext context, IAnsiConsole console, bool showProgress, CancellationToken cancellationToken)
    {
        var reader = new CorpusReader();
        var problems = new List<SkippedInput>();
        var files = reader.Discover(paths, problems);
        var skipped = problems.Select(p => new ReportSkip(p.Path, p.Line, p.Reason)).ToList();
        var documents = new List<AnalyzedDocument>();

        void ReadAll(Action<long>? advance)
        {
            foreach (var file in files)
            {
                foreach (var item in reader.Read(file, cancellationToken))
                {
                    switch (item)
                    {
                        case ArticleRead read:
                            documents.Add(context.Add(read.Article));
                            break;
                        case InputSkipped s:
                            skipped.Add(new ReportSkip(s.Skipped.Path, s.Skipped.Line, s.Skipped.Reason));
                            break;
                    }
                }
                advance?.Invoke(file.Length);
            }
        }

        if (showProgress && files.Count > 0)
        {
            long total = Math.Max(1, files.Sum(f => f.Length));
            console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("reading", maxValue: total);
                    ReadAll(bytes => task.Increment(bytes));
                });
        }
        else
        {
            ReadAll(null);
        }
        return new LoadedCorpus(documents, skipped, files.Count);
    }
}
