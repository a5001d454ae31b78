namespace WireTrace.Core.Text;

/// <summary>
/// Where a text quotes someone: the spans between double quotation marks (curly <c>“ ”</c>, low <c>„</c>, guillemets
/// <c>« »</c> and straight <c>"</c>, mixed as scraped text mixes them), followed across sentences. A quotation ends
/// at its closing mark or at the end of its paragraph (news style reopens a quote running on into the next
/// paragraph with a new opening mark). Single quotes are left out: they double as apostrophes.
/// </summary>
public static class Quotations
{
    /// <summary>The quoted spans of <paramref name="text"/>, marks included, in order and not overlapping.</summary>
    public static IReadOnlyList<TextSpan> Find(string text, IReadOnlyList<TextSpan> paragraphs)
    {
        var spans = new List<TextSpan>();
        foreach (var paragraph in paragraphs)
        {
            int open = -1;
            for (int i = paragraph.Start; i < paragraph.End; i++)
            {
                char c = text[i];
                bool opening = c is '“' or '„' or '«', closing = c is '”' or '»', straight = c == '"';
                if (!opening && !closing && !straight) continue;
                if (open < 0)
                {
                    // A closing mark with no opening one closes a quote opened in an earlier paragraph or sentence
                    // we cannot see: treat the paragraph start as its opening.
                    if (closing) spans.Add(TextSpan.FromBounds(paragraph.Start, i + 1));
                    else open = i;
                }
                else if (closing || straight)
                {
                    spans.Add(TextSpan.FromBounds(open, i + 1));
                    open = -1;
                }
                else
                {
                    open = i; // a second opening mark: the first was never closed
                }
            }
            if (open >= 0) spans.Add(TextSpan.FromBounds(open, paragraph.End));
        }
        return spans;
    }

    /// <summary>How many characters of <paramref name="span"/> lie inside <paramref name="quotations"/> (as <see cref="Find"/> returns them).</summary>
    public static int QuotedLength(IReadOnlyList<TextSpan> quotations, TextSpan span)
    {
        // First quotation ending after the span starts.
        int lo = 0, hi = quotations.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (quotations[mid].End <= span.Start) lo = mid + 1; else hi = mid;
        }
        int length = 0;
        for (int k = lo; k < quotations.Count && quotations[k].Start < span.End; k++)
        {
            length += Math.Min(span.End, quotations[k].End) - Math.Max(span.Start, quotations[k].Start);
        }
        return length;
    }
}
