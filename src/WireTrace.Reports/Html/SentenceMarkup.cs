using System.Text;
using WireTrace.Core.Alignment;
using WireTrace.Core.Facts;
using WireTrace.Core.Text;

namespace WireTrace.Reports.Html;

/// <summary>One run of a word diff on one side, clipped to what that side's text holds.</summary>
public readonly record struct DiffRun(DiffOperation Operation, TextSpan Span);

/// <summary>A fact value to highlight in a sentence: where it is, which side, and the change it belongs to.</summary>
/// <param name="Span">The value's span in the side's original text.</param>
/// <param name="Derived">True on the derived side (a badge with the source value follows the mark).</param>
/// <param name="Change">The fact change.</param>
/// <param name="Number">The change's position in the derivation's fact table.</param>
public sealed record FactMark(TextSpan Span, bool Derived, FactChange Change, int Number);

/// <summary>
/// Renders one sentence of an article's original text as HTML: word-diff runs as elements whose tag and
/// class say what happened (<c>span.dk</c> kept, <c>span.dr</c> reworded, <c>ins.di</c> added,
/// <c>del.dd</c> dropped), fact values as <c>mark.fact</c> carrying both values. Every piece of text is encoded.
/// </summary>
public static class SentenceMarkup
{
    public static void Append(StringBuilder sb, string text, TextSpan sentence, IReadOnlyList<DiffRun> runs, IReadOnlyList<FactMark> marks)
    {
        // Runs and marks clipped to the sentence, sorted, overlaps dropped (first one wins).
        var clippedRuns = Clip(runs.Select(r => (r.Span, Item: r)), sentence);
        var clippedMarks = Clip(marks.Select(m => (m.Span, Item: m)), sentence);

        var bounds = new SortedSet<int> { sentence.Start, sentence.End };
        foreach (var (s, _) in clippedRuns) { bounds.Add(s.Start); bounds.Add(s.End); }
        foreach (var (s, _) in clippedMarks) { bounds.Add(s.Start); bounds.Add(s.End); }
        var points = bounds.ToArray();

        int runAt = 0, markAt = 0;
        FactMark? open = null;
        var unplaced = marks.Where(m => m.Derived && !clippedMarks.Any(c => ReferenceEquals(c.Item, m))).ToList();
        for (int p = 0; p + 1 < points.Length; p++)
        {
            int a = points[p], b = points[p + 1];
            while (runAt < clippedRuns.Count && clippedRuns[runAt].Span.End <= a) runAt++;
            while (markAt < clippedMarks.Count && clippedMarks[markAt].Span.End <= a) markAt++;
            if (open == null && markAt < clippedMarks.Count && clippedMarks[markAt].Span.Start == a)
            {
                open = clippedMarks[markAt].Item;
                OpenMark(sb, open);
            }
            DiffOperation? op = runAt < clippedRuns.Count && clippedRuns[runAt].Span.Start <= a ? clippedRuns[runAt].Item.Operation : null;
            var piece = text.AsSpan(a, b - a);
            switch (op)
            {
                case DiffOperation.Kept: sb.Append("<span class=\"dk\">"); HtmlText.Append(sb, piece); sb.Append("</span>"); break;
                case DiffOperation.Replaced: sb.Append("<span class=\"dr\" title=\"reworded\">"); HtmlText.Append(sb, piece); sb.Append("</span>"); break;
                case DiffOperation.Inserted: sb.Append("<ins class=\"di\" title=\"added\">"); HtmlText.Append(sb, piece); sb.Append("</ins>"); break;
                case DiffOperation.Deleted: sb.Append("<del class=\"dd\" title=\"dropped\">"); HtmlText.Append(sb, piece); sb.Append("</del>"); break;
                default: HtmlText.Append(sb, piece); break;
            }
            if (open != null && clippedMarks[markAt].Span.End == b)
            {
                sb.Append("</mark>");
                if (open.Derived) AppendBadge(sb, open, placed: true);
                open = null;
            }
        }
        foreach (var m in unplaced) AppendBadge(sb, m, placed: false);
    }

    /// <summary>The whole sentence as one run of <paramref name="operation"/> (an added or a dropped sentence).</summary>
    public static void AppendWhole(StringBuilder sb, string text, TextSpan sentence, DiffOperation operation)
        => Append(sb, text, sentence, [new DiffRun(operation, sentence)], []);

    private static List<(TextSpan Span, T Item)> Clip<T>(IEnumerable<(TextSpan Span, T Item)> items, TextSpan within)
    {
        var list = new List<(TextSpan Span, T Item)>();
        foreach (var (span, item) in items.OrderBy(i => i.Span.Start))
        {
            int start = Math.Max(span.Start, within.Start), end = Math.Min(span.End, within.End);
            if (end <= start) continue;
            if (list.Count > 0 && start < list[^1].Span.End) continue;
            list.Add((TextSpan.FromBounds(start, end), item));
        }
        return list;
    }

    private static void OpenMark(StringBuilder sb, FactMark m)
    {
        var c = m.Change;
        sb.Append("<mark class=\"fact\" data-fact=\"").Append(m.Number)
          .Append("\" data-side=\"").Append(m.Derived ? "derived" : "source")
          .Append("\" data-kind=\"").Append(KindName(c.Kind))
          .Append("\" data-source=\"").Append(HtmlText.Encode(c.Source))
          .Append("\" data-derived=\"").Append(HtmlText.Encode(c.Derived))
          .Append("\" title=\"").Append(HtmlText.Encode(Describe(c))).Append("\">");
    }

    private static void AppendBadge(StringBuilder sb, FactMark m, bool placed)
    {
        var c = m.Change;
        sb.Append("<span class=\"fact-badge\" data-fact=\"").Append(m.Number).Append("\" title=\"").Append(HtmlText.Encode(Describe(c))).Append("\">")
          .Append("<span aria-hidden=\"true\">\u2691</span> ");
        if (placed)
        {
            sb.Append("source: <b>").Append(HtmlText.Encode(c.Source)).Append("</b>");
        }
        else
        {
            sb.Append(HtmlText.Encode(KindName(c.Kind))).Append(": <b>").Append(HtmlText.Encode(c.Source))
              .Append("</b> \u2192 <b>").Append(HtmlText.Encode(c.Derived)).Append("</b>");
        }
        sb.Append("</span>");
    }

    public static string KindName(FactKind kind) => kind.ToString().ToLowerInvariant();

    public static string Describe(FactChange c) => $"{KindName(c.Kind)} changed: {c.Source} \u2192 {c.Derived}" + (c.Detail is { Length: > 0 } d ? $" ({d})" : "");
}
