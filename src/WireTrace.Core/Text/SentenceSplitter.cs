namespace WireTrace.Core.Text;

/// <summary>
/// Rule-based sentence segmentation of one paragraph, a hand-written scanner over the original text.
/// <para>Decisions (each backed by a test in SentenceSplitterTests):</para>
/// <list type="bullet">
/// <item>A candidate end is a run of <c>. ! ? …</c> followed by closing quotes or brackets
/// (<c>" ” ’ ' ) ]</c>). It is a boundary when whitespace follows and the next word does not start
/// with a lower-case letter, or, in scraped text with no space ("said.The", "families.”Ukrainian"),
/// when an upper-case letter, or an opening quote and an upper-case letter, follows directly.</item>
/// <item>A straight <c>"</c> right after the end closes the sentence when it is followed by space or
/// when a quotation is open in the sentence (odd number of straight quotes); otherwise it opens the next.</item>
/// <item><c>?</c> and <c>!</c> end a sentence unless a lower-case word follows ("Why?" he asked).</item>
/// <item>An ellipsis ("..." or "…") ends a sentence only when space and an upper-case start follow.</item>
/// <item>A full stop after a title (Mr., Dr., Gov., Sen., vs., e.g.) never ends a sentence; after
/// No./Vol./Art. it does not when a number follows; after an abbreviation that can close a sentence
/// (Inc., Corp., Jan., St., etc., U.S., a.m.), after an unknown dotted form (N.Y.) and after an initial
/// (John F. Kennedy, J.K. Rowling) it ends the sentence only when the next word is a common sentence
/// starter (The, He, But, In, ...): "in the U.S. The talks" splits, "U.S. Steel" and "F. Kennedy" do not.</item>
/// <item>A full stop between digits (3.5), inside a dotted name (Amazon.com, bbc.co.uk, U.S.-led) or
/// before a lower-case letter is never an end; nor one glued to an upper-case letter inside a URL or
/// e-mail address. A number followed by a full stop ends a sentence ("in 2004.The"), except a one- or
/// two-digit list marker at the very start of a sentence ("1. The first point").</item>
/// </list>
/// </summary>
internal static class SentenceSplitter
{
    /// <summary>Appends the trimmed, non-empty sentence spans of <c>text[start..end)</c> to <paramref name="sentences"/>.</summary>
    public static void Split(string text, int start, int end, List<TextSpan> sentences)
    {
        int sentStart = SkipSpace(text, start, end);
        int quotes = 0; // straight double quotes seen in the current sentence
        int i = sentStart;
        while (i < end)
        {
            char c = text[i];
            if (c == '"') { quotes++; i++; continue; }
            if (c is not ('.' or '!' or '?' or '\u2026')) { i++; continue; }

            int termStart = i;
            int dots = 0;
            bool question = false, ellipsis = false;
            while (i < end && text[i] is '.' or '!' or '?' or '\u2026')
            {
                switch (text[i])
                {
                    case '.': dots++; break;
                    case '\u2026': ellipsis = true; break;
                    default: question = true; break;
                }
                i++;
            }
            if (dots >= 2) ellipsis = true;

            // Closing quotes and brackets that belong to this sentence.
            while (i < end)
            {
                char q = text[i];
                if (q is '\u201D' or '\u2019' or ')' or ']' or '\u00BB')
                {
                    i++;
                }
                else if (q == '"')
                {
                    if (!ClosesSentence(text, sentStart, i, end, quotes)) break;
                    quotes++;
                    i++;
                    // Of two quotes glued together ("rugby.""Every"), the first closes and the second opens.
                    if (i < end && text[i] == '"') break;
                }
                else if (q == '\'')
                {
                    // A straight single quote closes only when space or punctuation follows; glued to a
                    // letter it is more likely an opening quote or an apostrophe of the next word.
                    if (i + 1 < end && char.IsLetterOrDigit(text[i + 1])) break;
                    i++;
                }
                else break;
            }
            int sentEnd = i;
            if (sentEnd >= end) break;

            bool space = char.IsWhiteSpace(text[sentEnd]);
            int next = SkipSpace(text, sentEnd, end);
            if (next >= end) break;

            if (!IsBoundary(text, sentStart, termStart, dots, question, ellipsis, space, next, end)) continue;

            AddTrimmed(text, sentStart, sentEnd, sentences);
            sentStart = next;
            quotes = 0;
            i = next;
        }
        AddTrimmed(text, sentStart, end, sentences);
    }

    private static bool IsBoundary(string text, int sentStart, int term, int dots, bool question, bool ellipsis, bool space, int next, int end)
    {
        char n = text[next];
        bool nextUpper = char.IsUpper(n) || (IsOpening(n) && next + 1 < end && char.IsUpper(text[next + 1]));
        if (!space)
        {
            // Scraped text with no space: an upper-case start (possibly after an opening quote) counts, and
            // so does a number after an opening quote ("year"."2005 will") or after a word ("band.1Xtra").
            bool nextNumber = (IsOpening(n) && next + 1 < end && char.IsDigit(text[next + 1]))
                || (char.IsDigit(n) && dots == 1 && IsLongWordBefore(text, sentStart, term));
            if (!nextUpper && !nextNumber) return false;
            if (ellipsis) return false;
            if (question) return true;
            if (InUrlOrEmail(text, sentStart, term, end)) return false;
        }
        else
        {
            if (char.IsLower(n)) return false;
            if (ellipsis && !question) return nextUpper;
            if (question) return true;
        }
        if (dots != 1) return true;

        // A single full stop: judge the word before it.
        int ws = term;
        while (ws > sentStart && (char.IsLetterOrDigit(text[ws - 1]) || text[ws - 1] == '.')) ws--;
        while (ws < term && text[ws] == '.') ws++;
        var word = text.AsSpan(ws, term - ws);
        if (word.IsEmpty) return true;

        if (word.Contains('.'))
        {
            if (Abbreviations.IsNeverFinal(word)) return false;
            if (IsDottedInitials(word) || Abbreviations.IsMayBeFinal(word)) return StartsSentence(text, next, end);
            // A dotted name (Amazon.com): judge its last part as a word.
            word = word[(word.LastIndexOf('.') + 1)..];
            if (word.IsEmpty) return true;
        }

        if (IsAllDigits(word))
        {
            // "1. The first point": a list marker at the very start of a sentence.
            bool listMarker = space && word.Length <= 2 && ws == sentStart;
            return !listMarker;
        }
        if (word.Length == 1 && char.IsUpper(word[0]) && (ws == sentStart || IsInitialLead(text[ws - 1])))
        {
            // An initial (John F. Kennedy), or the pronoun I, or a letter ending a sentence (Plan B.).
            return StartsSentence(text, next, end);
        }
        if (Abbreviations.IsNeverFinal(word)) return false;
        if (Abbreviations.IsBeforeNumber(word) && char.IsDigit(n)) return false;
        if (Abbreviations.IsMayBeFinal(word))
        {
            // Glued to an upper-case word ("& Co.Zurich said") it ends the sentence: an abbreviation
            // followed by a name is written with a space.
            return !char.IsDigit(n) && (!space || StartsSentence(text, next, end));
        }
        return true;
    }

    /// <summary>What may stand before an initial: space, an opening bracket or quote, or the full stop of another initial.</summary>
    private static bool IsInitialLead(char c) => char.IsWhiteSpace(c) || IsOpening(c) || c is '.' or '-' or '\u2013' or '\u2014';

    /// <summary>Whether a word of three or more letters, not an abbreviation, ends at <paramref name="term"/>.</summary>
    private static bool IsLongWordBefore(string text, int sentStart, int term)
    {
        int ws = term;
        while (ws > sentStart && char.IsLetter(text[ws - 1])) ws--;
        var word = text.AsSpan(ws, term - ws);
        if (word.Length < 3 || (ws > sentStart && (char.IsDigit(text[ws - 1]) || text[ws - 1] == '.'))) return false;
        return !Abbreviations.IsNeverFinal(word) && !Abbreviations.IsBeforeNumber(word) && !Abbreviations.IsMayBeFinal(word);
    }

    /// <summary>
    /// Whether the straight double quote at <paramref name="pos"/>, right after a sentence end, closes that
    /// sentence (rather than opening the next). Followed by space or punctuation it closes. Glued to the
    /// next word ("said."We ...", "high."It's ...") the side that reads like quoted speech gets it: the text
    /// outside quotation marks (after this sentence's last quote, before the next sentence's first) with
    /// first- or second-person words (I, we, my, our, you ...) is itself inside the quotation. When the next
    /// sentence reads like speech the quote opens it; else when this one does, it closes this one; else it
    /// goes to the side whose quotation it balances (odd number of quotes before, even after: closes);
    /// else it opens the next sentence.
    /// </summary>
    private static bool ClosesSentence(string text, int sentStart, int pos, int end, int quotesBefore)
    {
        if (pos + 1 >= end || !char.IsLetterOrDigit(text[pos + 1])) return true;
        int nextEnd = NextLikelyEnd(text, pos + 1, end);
        bool openBefore = (quotesBefore & 1) == 1;
        bool openAfter = (CountQuotes(text, pos + 1, nextEnd) & 1) == 1;
        // Only the text outside the quotation marks shows which side is itself quoted speech: after the
        // last quote of this sentence, and before the first quote of the next.
        int lastQuote = text.AsSpan(sentStart, pos - sentStart).LastIndexOf('"');
        int firstQuote = text.AsSpan(pos + 1, nextEnd - pos - 1).IndexOf('"');
        int speechBefore = SpeechWords(text, lastQuote < 0 ? sentStart : sentStart + lastQuote + 1, pos);
        int speechAfter = SpeechWords(text, pos + 1, firstQuote < 0 ? nextEnd : pos + 1 + firstQuote);
        if (speechAfter > 0) return false;
        if (speechBefore > 0) return true;
        if (openBefore != openAfter) return openBefore;
        return false;
    }

    /// <summary>The next full stop, question or exclamation mark followed by space, a quote or an upper-case letter.</summary>
    private static int NextLikelyEnd(string text, int pos, int end)
    {
        for (int k = pos; k + 1 < end; k++)
        {
            if (text[k] is '.' or '!' or '?' or '\u2026')
            {
                char n = text[k + 1];
                if (char.IsWhiteSpace(n) || n == '"' || char.IsUpper(n)) return k;
            }
        }
        return end;
    }

    private static int CountQuotes(string text, int start, int end) => text.AsSpan(start, end - start).Count('"');

    /// <summary>How many first- and second-person words (typical of quoted speech) <c>text[start..end)</c> holds.</summary>
    private static int SpeechWords(string text, int start, int end)
    {
        int count = 0;
        int k = start;
        while (k < end)
        {
            if (!char.IsLetter(text[k])) { k++; continue; }
            int w = k;
            while (k < end && (char.IsLetter(text[k]) || (text[k] is '\'' or '\u2019' && k + 1 < end && char.IsLetter(text[k + 1])))) k++;
            if (Abbreviations.IsSpeechWord(text.AsSpan(w, k - w))) count++;
        }
        return count;
    }

    /// <summary>Whether the word at <paramref name="pos"/> is a common sentence starter, or a quotation opens there.</summary>
    private static bool StartsSentence(string text, int pos, int end)
    {
        if (IsOpening(text[pos])) return true;
        int e = pos;
        while (e < end && char.IsLetter(text[e])) e++;
        return e > pos && Abbreviations.IsSentenceStarter(text.AsSpan(pos, e - pos));
    }

    /// <summary>Whether the whitespace-delimited chunk around <paramref name="term"/> looks like a URL or an e-mail address.</summary>
    private static bool InUrlOrEmail(string text, int sentStart, int term, int end)
    {
        int s = term, e = term;
        while (s > sentStart && !char.IsWhiteSpace(text[s - 1])) s--;
        while (e < end && !char.IsWhiteSpace(text[e])) e++;
        var chunk = text.AsSpan(s, e - s);
        return chunk.Contains('@') || chunk.Contains("://", StringComparison.Ordinal)
            || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Single letters separated by full stops: U.S, J.K, e.g, a.m.</summary>
    private static bool IsDottedInitials(ReadOnlySpan<char> word)
    {
        for (int k = 0; k < word.Length; k++)
        {
            bool letterSlot = (k & 1) == 0;
            if (letterSlot ? !char.IsLetter(word[k]) : word[k] != '.') return false;
        }
        return (word.Length & 1) == 1;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (!char.IsDigit(c)) return false;
        }
        return true;
    }

    internal static bool IsOpening(char c) => c is '"' or '\'' or '\u201C' or '\u2018' or '\u00AB' or '\u201E' or '(' or '[';

    private static int SkipSpace(string text, int pos, int end)
    {
        while (pos < end && char.IsWhiteSpace(text[pos])) pos++;
        return pos;
    }

    private static void AddTrimmed(string text, int start, int end, List<TextSpan> sentences)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) sentences.Add(TextSpan.FromBounds(start, end));
    }
}
