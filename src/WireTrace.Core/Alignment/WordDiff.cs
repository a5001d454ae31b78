using System.Buffers;
using WireTrace.Core.Text;

namespace WireTrace.Core.Alignment;

public enum DiffOperation
{
    /// <summary>The same words on both sides.</summary>
    Kept,
    /// <summary>Words of the source rendered by other words in the derived text.</summary>
    Replaced,
    /// <summary>Words only in the derived text.</summary>
    Inserted,
    /// <summary>Words only in the source.</summary>
    Deleted,
}

/// <summary>One run of a word diff, with its span in each side's original text (null where the side has none).</summary>
public sealed record WordDiffSpan(DiffOperation Operation, TextSpan? Source, TextSpan? Derived);

/// <summary>The word diff of one aligned group of sentences.</summary>
/// <param name="LongestKeptRun">The longest run of consecutive words kept in order: long shared runs are the mark of copying, which independent reports of the same facts rarely share.</param>
public sealed record WordDiffResult(IReadOnlyList<WordDiffSpan> Spans, int SourceWords, int DerivedWords, int KeptWords, int LongestKeptRun)
{
    /// <summary>Share of the longer side's words that were kept: 1 for identical word sequences.</summary>
    public double KeptShare => Math.Max(SourceWords, DerivedWords) == 0 ? 1 : (double)KeptWords / Math.Max(SourceWords, DerivedWords);
}

/// <summary>
/// Word-level diff (longest common subsequence over the comparison forms of words and numbers; punctuation,
/// quote style and spacing are ignored) between the derived sentences of an alignment and its source sentences.
/// </summary>
public static class WordDiff
{
    /// <summary>Above this many DP cells the diff falls back to one replaced run (a sentence of thousands of words is not prose).</summary>
    private const long MaxCells = 4_000_000;

    public static WordDiffResult Compute(TextModel source, IReadOnlyList<int> sourceSentences, TextModel derived, IReadOnlyList<int> derivedSentences)
    {
        var a = ContentTokens(source, sourceSentences);
        var b = ContentTokens(derived, derivedSentences);
        try
        {
            return Compute(a.AsSpan(), b.AsSpan());
        }
        finally
        {
            Return(a);
            Return(b);
        }
    }

    private static WordDiffResult Compute(ReadOnlySpan<Token> a, ReadOnlySpan<Token> b)
    {
        int n = a.Length, m = b.Length;
        var spans = new List<WordDiffSpan>();
        if (n == 0 && m == 0) return new WordDiffResult(spans, 0, 0, 0, 0);
        if ((long)(n + 1) * (m + 1) > MaxCells || n == 0 || m == 0)
        {
            AddChange(spans, a, 0, n, b, 0, m);
            return new WordDiffResult(spans, n, m, 0, 0);
        }

        // lcs[i, j] = LCS length of a[i..] and b[j..], row-major in one pooled buffer.
        int width = m + 1;
        var lcs = ArrayPool<int>.Shared.Rent((n + 1) * width);
        try
        {
            for (int j = 0; j <= m; j++) lcs[n * width + j] = 0;
            for (int i = n - 1; i >= 0; i--)
            {
                lcs[i * width + m] = 0;
                string ai = a[i].Norm;
                for (int j = m - 1; j >= 0; j--)
                {
                    lcs[i * width + j] = string.Equals(ai, b[j].Norm, StringComparison.Ordinal)
                        ? lcs[(i + 1) * width + j + 1] + 1
                        : Math.Max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
                }
            }

            int kept = 0, run = 0, longest = 0;
            int x = 0, y = 0, changeA = 0, changeB = 0, keptA = -1, keptB = -1;
            while (x < n && y < m)
            {
                if (string.Equals(a[x].Norm, b[y].Norm, StringComparison.Ordinal) && lcs[x * width + y] == lcs[(x + 1) * width + y + 1] + 1)
                {
                    if (keptA < 0)
                    {
                        AddChange(spans, a, changeA, x, b, changeB, y);
                        keptA = x; keptB = y;
                    }
                    kept++; x++; y++;
                    longest = Math.Max(longest, ++run);
                    continue;
                }
                run = 0;
                if (keptA >= 0)
                {
                    AddKept(spans, a, keptA, x, b, keptB, y);
                    keptA = -1;
                    changeA = x; changeB = y;
                }
                if (lcs[(x + 1) * width + y] >= lcs[x * width + y + 1]) x++;
                else y++;
            }
            if (keptA >= 0)
            {
                AddKept(spans, a, keptA, x, b, keptB, y);
                changeA = x; changeB = y;
            }
            AddChange(spans, a, changeA, n, b, changeB, m);
            return new WordDiffResult(spans, n, m, kept, longest);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(lcs);
        }
    }

    private static void AddKept(List<WordDiffSpan> spans, ReadOnlySpan<Token> a, int a0, int a1, ReadOnlySpan<Token> b, int b0, int b1)
        => spans.Add(new WordDiffSpan(DiffOperation.Kept, Cover(a, a0, a1), Cover(b, b0, b1)));

    private static void AddChange(List<WordDiffSpan> spans, ReadOnlySpan<Token> a, int a0, int a1, ReadOnlySpan<Token> b, int b0, int b1)
    {
        bool hasA = a1 > a0, hasB = b1 > b0;
        if (hasA && hasB) spans.Add(new WordDiffSpan(DiffOperation.Replaced, Cover(a, a0, a1), Cover(b, b0, b1)));
        else if (hasA) spans.Add(new WordDiffSpan(DiffOperation.Deleted, Cover(a, a0, a1), null));
        else if (hasB) spans.Add(new WordDiffSpan(DiffOperation.Inserted, null, Cover(b, b0, b1)));
    }

    private static TextSpan Cover(ReadOnlySpan<Token> tokens, int from, int to)
        => TextSpan.FromBounds(tokens[from].Span.Start, tokens[to - 1].Span.End);

    private static ArraySegment<Token> ContentTokens(TextModel model, IReadOnlyList<int> sentences)
    {
        int count = 0;
        foreach (var si in sentences) count += model.Sentences[si].TokenCount;
        var buffer = ArrayPool<Token>.Shared.Rent(Math.Max(1, count));
        int w = 0;
        foreach (var si in sentences)
        {
            var s = model.Sentences[si];
            for (int t = s.FirstToken; t < s.FirstToken + s.TokenCount; t++)
            {
                var token = model.Tokens[t];
                if (token.IsContent) buffer[w++] = token;
            }
        }
        return new ArraySegment<Token>(buffer, 0, w);
    }

    private static void Return(ArraySegment<Token> segment) => ArrayPool<Token>.Shared.Return(segment.Array!, clearArray: true);
}
