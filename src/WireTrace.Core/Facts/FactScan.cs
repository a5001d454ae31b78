using System.Text;
using WireTrace.Core.Text;

namespace WireTrace.Core.Facts;

/// <summary>A name found by <see cref="NameFacts"/>: its token range (title tokens excluded) and value.</summary>
internal readonly record struct NameMatch(int First, int Last, string Value);

/// <summary>A quotation found by <see cref="FactScan.FindQuotes"/>: inner token range and the span with marks.</summary>
internal readonly record struct QuoteMatch(int First, int End, TextSpan Outer, TextSpan Inner);

/// <summary>
/// Working state of one sentence while the fact passes run: its tokens, which tokens an earlier pass has
/// consumed (dates, times, names), where names and quotes are, and which words open the sentence or a quote.
/// </summary>
internal sealed class FactScan
{
    public FactScan(string text, TextSpan sentence, int index)
    {
        Text = text;
        Sentence = sentence;
        Index = index;
        Tokens = SentenceScanner.Scan(text, sentence);
        int n = Tokens.Count;
        Used = new bool[n];
        InName = new bool[n];
        InQuote = new bool[n];
        Initial = new bool[n];
        NameStartingAt = new int[n];
        NameEndingAt = new int[n];
        Array.Fill(NameStartingAt, -1);
        Array.Fill(NameEndingAt, -1);
    }

    public string Text { get; }
    public TextSpan Sentence { get; }
    public int Index { get; }
    public List<ScanToken> Tokens { get; }
    public bool[] Used { get; }
    public bool[] InName { get; }
    public bool[] InQuote { get; }
    public bool[] Initial { get; }
    public int[] NameStartingAt { get; }
    public int[] NameEndingAt { get; }
    public List<NameMatch> Names { get; } = [];
    public List<QuoteMatch> Quotes { get; } = [];
    public List<Fact> Facts { get; } = [];

    public int Count => Tokens.Count;

    public ReadOnlySpan<char> Word(int i) => (uint)i < (uint)Tokens.Count ? Tokens[i].Text(Text) : default;

    public bool IsWord(int i) => (uint)i < (uint)Tokens.Count && Tokens[i].Kind == ScanKind.Word;

    public bool IsWord(int i, string word) => IsWord(i) && Word(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsLowerWord(int i) => IsWord(i) && char.IsLower(Text[Tokens[i].Start]);

    public bool IsCapWord(int i) => IsWord(i) && char.IsUpper(Text[Tokens[i].Start]);

    public bool IsPunct(int i, char c) => (uint)i < (uint)Tokens.Count && Tokens[i].Kind == ScanKind.Punct && Text[Tokens[i].Start] == c;

    public bool IsKind(int i, ScanKind kind) => (uint)i < (uint)Tokens.Count && Tokens[i].Kind == kind;

    /// <summary>True when token <paramref name="i"/> follows the previous token with no space: <c>30-km</c>.</summary>
    public bool Glued(int i) => (uint)i < (uint)Tokens.Count && !Tokens[i].SpaceBefore;

    public bool IsHyphen(int i) => (uint)i < (uint)Tokens.Count && Tokens[i].Kind == ScanKind.Punct && Text[Tokens[i].Start] is '-' or '‑' or '–';

    public TextSpan SpanOf(int first, int last) => TextSpan.FromBounds(Tokens[first].Start, Tokens[last].End);

    public string SurfaceOf(int first, int last) => Text.Substring(Tokens[first].Start, Tokens[last].End - Tokens[first].Start);

    public void Add(FactKind kind, string value, int first, int last, string? qualifier = null, string? unit = null, string? verb = null, string? speaker = null, TextSpan? amount = null)
    {
        var span = SpanOf(first, last);
        Facts.Add(new Fact(kind, value, span.Substring(Text), span, Index, qualifier, unit, verb, speaker, amount));
    }

    public void MarkUsed(int first, int last)
    {
        for (int k = first; k <= last; k++) Used[k] = true;
    }

    /// <summary>
    /// Finds quotations: matching marks of any style (open/close decided from the spacing around each mark,
    /// then from its glyph), a quote opened but not closed in the sentence (runs to its end) and a quote
    /// closed but not opened (continues from an earlier sentence, runs from its start).
    /// Also marks the words that open the sentence or a quotation.
    /// </summary>
    public void FindQuotes()
    {
        int open = -1;
        bool openSingle = false, seenMark = false;
        for (int i = 0; i < Tokens.Count; i++)
        {
            var t = Tokens[i];
            if (t.Kind == ScanKind.Quote)
            {
                char c = Text[t.Start];
                if (t.Length == 2) c = c == '‘' ? '“' : c == '’' ? '”' : '"';
                if (c == '‘')
                {
                    if (open < 0) { open = i; openSingle = true; }
                    seenMark = true;
                    continue;
                }
                bool spaceBefore = t.SpaceBefore || i == 0 || IsPunct(i - 1, '(') || IsPunct(i - 1, '[') || IsPunct(i - 1, '—');
                bool spaceAfter = i + 1 >= Tokens.Count || Tokens[i + 1].SpaceBefore
                    || (Tokens[i + 1].Kind == ScanKind.Punct && Text[Tokens[i + 1].Start] is '.' or ',' or ';' or ':' or '?' or '!' or ')');
                bool opens;
                if (spaceBefore && !spaceAfter) opens = true;
                else if (!spaceBefore && spaceAfter) opens = false;
                else if (c is '“' or '„' or '«') opens = true;
                else if (c is '”' or '»') opens = false;
                else opens = open < 0;

                if (opens && open < 0) { open = i; openSingle = false; }
                else if (open >= 0) { AddQuote(open, i); open = -1; }
                else if (!seenMark) AddQuote(-1, i);
                seenMark = true;
            }
            else if (open >= 0 && openSingle && t.Kind == ScanKind.Punct && Text[t.Start] is '’' or '\'' && !t.SpaceBefore)
            {
                AddQuote(open, i);
                open = -1;
            }
        }
        if (open >= 0) AddQuote(open, Tokens.Count);

        bool atStart = true;
        for (int i = 0; i < Tokens.Count; i++)
        {
            var t = Tokens[i];
            if (t.Kind == ScanKind.Quote) { atStart = true; continue; }
            if (t.Kind == ScanKind.Punct && (atStart || Text[t.Start] is ':' or '(' or '—' or '#' or '|' or '•' or '*')) { atStart = true; continue; }
            if (atStart) Initial[i] = true;
            atStart = false;
        }
    }

    private void AddQuote(int openMark, int closeMark)
    {
        int first = openMark + 1, end = closeMark;
        if (end <= first) return;
        bool hasWord = false;
        for (int k = first; k < end; k++)
        {
            InQuote[k] = true;
            if (Tokens[k].Kind is ScanKind.Word or ScanKind.Number) hasWord = true;
        }
        if (!hasWord) return;
        var inner = TextSpan.FromBounds(Tokens[first].Start, Tokens[end - 1].End);
        int outerStart = openMark >= 0 ? Tokens[openMark].Start : inner.Start;
        int outerEnd = closeMark < Tokens.Count ? Tokens[closeMark].End : inner.End;
        Quotes.Add(new QuoteMatch(first, end, TextSpan.FromBounds(outerStart, outerEnd), inner));
    }

    /// <summary>Quote text for comparison: quote glyphs folded, whitespace collapsed, trailing comma/full stop dropped.</summary>
    public static string NormaliseQuote(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char ch in s)
        {
            if (char.IsWhiteSpace(ch)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(ch switch
            {
                '“' or '”' or '„' or '‟' or '«' or '»' or '″' => '"',
                '‘' or '’' or 'ʼ' => '\'',
                _ => ch,
            });
        }
        while (sb.Length > 0 && sb[^1] is ',' or ';' or ':' or ' ') sb.Length--;
        if (sb.Length > 1 && sb[^1] == '.' && !(sb.Length > 3 && char.IsUpper(sb[^2]) && sb[^3] == '.')) sb.Length--;
        return sb.ToString();
    }
}
