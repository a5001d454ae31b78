using Spectre.Console;
using WireTrace.Core.Analysis;
using WireTrace.Core.Stories;
using WireTrace.Reports.Json;

namespace WireTrace.Reports.Console;

/// <summary>Counts of a scan for its summary.</summary>
public sealed record ScanSummary(int Files, int Documents, int Sentences, int Words, IReadOnlyList<ReportSkip> Skipped, TimeSpan Elapsed, string Similarity);

/// <summary>
/// Console renderings of scan and compare results with Spectre.Console. Every piece of article text is
/// escaped before it reaches markup, so brackets and tags in articles show as text.
/// </summary>
public sealed class ConsoleReport(IAnsiConsole console)
{
    public void WriteSummary(ScanSummary summary)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]WireTrace scan[/]");
        table.AddColumn("");
        table.AddColumn(new TableColumn("").RightAligned());
        table.AddRow("files", summary.Files.ToString("N0"));
        table.AddRow("documents read", summary.Documents.ToString("N0"));
        table.AddRow("skipped", summary.Skipped.Count.ToString("N0"));
        table.AddRow("sentences", summary.Sentences.ToString("N0"));
        table.AddRow("words", summary.Words.ToString("N0"));
        table.AddRow("sentence similarity", Markup.Escape(summary.Similarity));
        table.AddRow("time", $"{summary.Elapsed.TotalSeconds:F1} s");
        console.Write(table);
        if (summary.Skipped.Count > 0)
        {
            console.MarkupLine("[yellow]Skipped:[/]");
            foreach (var s in summary.Skipped)
            {
                var where = s.Line is { } line ? $"{s.Path}:{line}" : s.Path;
                console.MarkupLine($"  [yellow]•[/] {Markup.Escape(where)}: {Markup.Escape(s.Reason)}");
            }
        }
    }

    public void WriteStories(StoryResult result)
    {
        if (result.Stories.Count == 0)
        {
            console.MarkupLine("No stories: no two documents share text or an event.");
        }
        foreach (var story in result.Stories)
        {
            var tree = new Tree($"[bold]{Markup.Escape(story.Id)}[/]: source [green]{Markup.Escape(story.Source)}[/], {story.Members.Count} members");
            var nodes = new Dictionary<string, IHasTreeNodes>(StringComparer.Ordinal) { [story.Source] = tree.AddNode($"[green]{Markup.Escape(story.Source)}[/] (source)") };
            var pending = story.Derivations.ToList();
            while (pending.Count > 0)
            {
                int before = pending.Count;
                foreach (var d in pending.ToList())
                {
                    if (!nodes.TryGetValue(d.From, out var parent)) continue;
                    nodes[d.Derived] = parent.AddNode(DerivationLine(d));
                    pending.Remove(d);
                }
                if (pending.Count == before) break;
            }
            console.Write(tree);
        }
        if (result.Unrelated.Count > 0)
        {
            console.MarkupLine($"Unrelated: {Markup.Escape(string.Join(", ", result.Unrelated))}");
        }
    }

    private static string DerivationLine(Derivation d)
    {
        var a = d.Analysis;
        var text = $"[bold]{Markup.Escape(d.Derived)}[/]  {RelationMarkup(a.Relation)}  conf {a.Confidence:F2}";
        if (a.Relation.IsDerivation())
        {
            text += $"  uses {Pct(a.Coverage.OfSource)} of {Markup.Escape(d.From)}, {Pct(a.Coverage.OfDerived)} of it comes from there, {Pct(a.VerbatimShare)} verbatim";
            if (a.Added.Count > 0) text += $", +{a.Added.Count} added";
            if (a.Dropped.Count > 0) text += $", -{a.Dropped.Count} dropped";
            if (a.FactChanges.Count > 0) text += $", [bold]{a.FactChanges.Count} fact change(s)[/]";
        }
        return text;
    }

    public static string RelationMarkup(Relation relation) => relation switch
    {
        Relation.Duplicate or Relation.NearDuplicate => $"[red]{relation.ToContractName()}[/]",
        Relation.Excerpt => $"[darkorange]{relation.ToContractName()}[/]",
        Relation.Paraphrase => $"[mediumpurple]{relation.ToContractName()}[/]",
        Relation.Partial => $"[yellow]{relation.ToContractName()}[/]",
        _ => $"[grey]{relation.ToContractName()}[/]",
    };

    /// <summary>The pair report: relation, direction, coverage, aligned sentences side by side, added and dropped.</summary>
    public void WriteCompare(AnalyzedDocument source, AnalyzedDocument derived, PairAnalysis a, int maxChars = 110)
    {
        console.MarkupLine($"[bold]{Markup.Escape(derived.Id)}[/] from [bold]{Markup.Escape(source.Id)}[/]: {RelationMarkup(a.Relation)} (confidence {a.Confidence:F2})");
        console.MarkupLine($"Direction: {Markup.Escape(string.Join("; ", a.Direction.Reasons))}");
        console.MarkupLine($"Coverage: {Pct(a.Coverage.OfSource)} of the source is used; {Pct(a.Coverage.OfDerived)} of the derived text comes from it; verbatim share {Pct(a.VerbatimShare)}");
        if (a.Relation == Relation.SameEvent || a.SameEvent.SharedNames > 0)
        {
            console.MarkupLine($"Shared anchors: {a.SameEvent.SharedNames} names, {a.SameEvent.SharedNumbers} numbers (score {a.SameEvent.Score:F2})");
        }
        if (a.Alignments.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).Expand();
            table.AddColumn("derived");
            table.AddColumn("kind");
            table.AddColumn("source");
            foreach (var al in a.Alignments)
            {
                var d = string.Join(" ", al.Derived.Select(i => $"[{i}] {derived.Model.SentenceText(i)}"));
                var s = string.Join(" ", al.Source.Select(j => $"[{j}] {source.Model.SentenceText(j)}"));
                var kind = ContractJsonWriter.KindName(al.Kind) + (al.Moved ? " (moved)" : "") + $"\n{al.Similarity:F2}";
                table.AddRow(Markup.Escape(Shorten(d, maxChars)), Markup.Escape(kind), Markup.Escape(Shorten(s, maxChars)));
            }
            console.Write(table);
        }
        if (a.FactChanges.Count > 0)
        {
            var facts = new Table().Border(TableBorder.Rounded).Title("[bold]Fact changes[/]");
            facts.AddColumn("kind");
            facts.AddColumn("source");
            facts.AddColumn("derived");
            facts.AddColumn("sentences");
            facts.AddColumn("detail");
            foreach (var f in a.FactChanges)
            {
                facts.AddRow(
                    Markup.Escape(f.Kind.ToString().ToLowerInvariant()),
                    $"[red]{Markup.Escape(f.Source)}[/]",
                    $"[green]{Markup.Escape(f.Derived)}[/]",
                    $"{f.SourceSentence} → {f.DerivedSentence}",
                    Markup.Escape(f.Detail ?? ""));
            }
            console.Write(facts);
        }
        if (a.Added.Count > 0)
        {
            console.MarkupLine($"[green]Added[/] ({a.Added.Count}):");
            foreach (var i in a.Added) console.MarkupLine($"  + [[{i}]] {Markup.Escape(Shorten(derived.Model.SentenceText(i), maxChars * 2))}");
        }
        if (a.Dropped.Count > 0)
        {
            console.MarkupLine($"[red]Dropped[/] ({a.Dropped.Count}):");
            foreach (var j in a.Dropped) console.MarkupLine($"  - [[{j}]] {Markup.Escape(Shorten(source.Model.SentenceText(j), maxChars * 2))}");
        }
    }

    private static string Pct(double share) => $"{Math.Round(share * 100):0}%";

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
