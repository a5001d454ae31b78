using System.Text;

namespace WireTrace.Core.Facts;

/// <summary>
/// Finds capitalised names of people, places and organisations: runs of capitalised words joined by
/// connectors (<c>Bank of England</c>, <c>Ursula von der Leyen</c>), hyphens (<c>al-Assad</c>, <c>Jean-Pierre</c>)
/// and initials (<c>John F. Kennedy</c>), with titles kept out of the value and a sentence's capitalised
/// first word taken only when it is clearly a name.
/// </summary>
internal static class NameFacts
{
    /// <summary>One word of a run: a token range (hyphenated compounds are one word) and its text.</summary>
    private readonly record struct RunWord(int First, int Last, string Text, bool Connector);

    public static void Extract(FactScan s)
    {
        // In a headline written in title case, a share bar or a photo credit, capitalisation does not mark names.
        if (IsTitleCase(s) || IsCredit(s)) return;
        var words = new List<RunWord>(8);
        int i = DatelineEnd(s);
        while (i < s.Count)
        {
            if (!StartsName(s, i)) { i++; continue; }
            words.Clear();
            int next = ReadRun(s, i, words);
            Emit(s, words);
            i = Math.Max(next, i + 1);
        }
    }

    /// <summary>
    /// Title case (<c>Trump and Putin Ready to Meet Amid Rising Tensions</c>) or capitals only (<c>CONNECT TWEET LINKEDIN</c>):
    /// at least four capitalised words and no lower-case word but the articles, conjunctions and prepositions that
    /// title case leaves small.
    /// </summary>
    internal static bool IsTitleCase(FactScan s)
    {
        int capitalised = 0;
        for (int i = 0; i < s.Count; i++)
        {
            if (!s.IsWord(i)) continue;
            if (s.IsCapWord(i)) capitalised++;
            else if (s.IsLowerWord(i) && !FactLexicon.TitleCaseSmallWords.Contains(s.Word(i))) return false;
        }
        return capitalised >= 4;
    }

    /// <summary>
    /// A photo or video credit: a short sentence with a slash glued between capitalised words or a credit word
    /// (<c>(AP Photo/Evan Vucci)</c>, <c>Evan Vucci/Associated Press</c>, <c>(Photo: Pablo Martinez Monsivais / AP)</c>).
    /// </summary>
    private static bool IsCredit(FactScan s)
    {
        if (s.Count > 24) return false;
        for (int i = 1; i + 1 < s.Count; i++)
        {
            if (s.IsPunct(i, '/') && s.IsCapWord(i - 1) && s.IsCapWord(i + 1) && (s.Glued(i) || s.Glued(i + 1))) return true;
            if (s.IsWord(i) && IsCreditWord(s.Word(i)) && (s.IsPunct(i + 1, '/') || s.IsPunct(i + 1, ':') || s.IsPunct(i - 1, '/'))) return true;
        }
        return false;
    }

    private static bool IsCreditWord(ReadOnlySpan<char> w)
        => w.Equals("Photo", StringComparison.OrdinalIgnoreCase) || w.Equals("Photos", StringComparison.OrdinalIgnoreCase)
            || w.Equals("Image", StringComparison.OrdinalIgnoreCase) || w.Equals("Images", StringComparison.OrdinalIgnoreCase)
            || w.Equals("Video", StringComparison.OrdinalIgnoreCase) || w.Equals("Credit", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The first token after a dateline (<c>HELSINKI (AP) —</c>, <c>GLASGOW, Scotland —</c>, <c>MOSCOW (Reuters) -</c>,
    /// <c>KELLMOOR, Jan 6, 2024 (AFP) —</c>), or 0. A dateline opens with a place in capitals and ends at a dash within
    /// a dozen tokens, with only capitalised words, numbers, commas, slashes and the bracketed agency before it. Its
    /// place and agency name where the story was filed, not what it reports.
    /// </summary>
    private static int DatelineEnd(FactScan s)
    {
        if (!s.IsWord(0) || !IsAllCaps(s.Word(0)) || s.Word(0).Length < 3) return 0;
        for (int i = 1; i < s.Count && i < 16; i++)
        {
            if (s.IsHyphen(i) || s.IsPunct(i, '—')) return s.Tokens[i].SpaceBefore || s.IsPunct(i, '—') ? i + 1 : 0;
            bool ok = s.IsCapWord(i) || s.IsKind(i, ScanKind.Number) || s.IsPunct(i, ',') || s.IsPunct(i, '/') || s.IsPunct(i, '(')
                || s.IsPunct(i, ')') || s.IsPunct(i, '.');
            if (!ok) return 0;
        }
        return 0;
    }

    private static bool IsAllCaps(ReadOnlySpan<char> w)
    {
        int letters = 0;
        foreach (char c in w)
        {
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
        }
        return letters >= 2;
    }

    private static bool IsNameWord(FactScan s, int i)
    {
        if (!s.IsCapWord(i) || s.Used[i]) return false;
        var w = s.Word(i);
        // the pronoun I and its contractions: I'll, I’m
        if (w[0] == 'I' && (w.Length == 1 || SentenceScanner.IsApostrophe(w[1]))) return false;
        return !FactLexicon.NotNames.Contains(w);
    }

    private static bool StartsName(FactScan s, int i)
    {
        if (IsNameWord(s, i)) return true;
        // al-Assad, bin-Salman glued prefixes
        return s.IsLowerWord(i) && FactLexicon.NamePrefixes.Contains(s.Word(i)) && s.IsHyphen(i + 1) && s.Glued(i + 1)
            && s.Glued(i + 2) && IsNameWord(s, i + 2);
    }

    /// <summary>Reads one run starting at <paramref name="i"/>; returns the index after it.</summary>
    private static int ReadRun(FactScan s, int i, List<RunWord> words)
    {
        int k = i;
        while (k < s.Count)
        {
            int first = k;
            if (!(IsNameWord(s, k) || (k == first && StartsName(s, k)))) break;
            // hyphenated compound: Jean-Pierre, Secretary-General, al-Assad, COVID-19
            int last = k;
            while (s.IsHyphen(last + 1) && s.Glued(last + 1) && s.Glued(last + 2)
                   && (s.IsWord(last + 2) || s.IsKind(last + 2, ScanKind.Number)) && !s.Used[last + 2])
                last += 2;
            // initial or abbreviated title: John F. Kennedy, Gen. Smith
            int after = last + 1;
            var w = s.Word(last);
            if (s.IsPunct(after, '.') && s.Glued(after) && IsNameWord(s, after + 1)
                && ((w.Length == 1 && char.IsUpper(w[0])) || FactLexicon.Titles.Contains(w) || w.Equals("St", StringComparison.Ordinal)))
            {
                words.Add(new RunWord(first, after, s.SurfaceOf(first, after), false));
                k = after + 1;
                continue;
            }
            words.Add(new RunWord(first, last, s.SurfaceOf(first, last), false));
            k = last + 1;
            if (FactLexicon.StripPossessive(s.Word(last)).Length != s.Word(last).Length) break; // Okafor's office
            if (k >= s.Count) break;
            // connectors: Bank of England, Ministry of the Interior, Osama bin Laden
            if (s.IsLowerWord(k) && FactLexicon.NameConnectors.Contains(s.Word(k)) && !StartsName(s, k))
            {
                int c = k + 1;
                while (s.IsLowerWord(c) && (FactLexicon.NameConnectors.Contains(s.Word(c)) || s.IsWord(c, "the")) && c < k + 3) c++;
                if (IsNameWord(s, c) && !s.Initial[c])
                {
                    for (int x = k; x < c; x++) words.Add(new RunWord(x, x, s.Word(x).ToString(), true));
                    k = c;
                    continue;
                }
                break;
            }
            // a number inside a name: Route 66, Boeing 737, Apollo 11
            if (s.IsKind(k, ScanKind.Number) && !s.Used[k] && s.Tokens[k].SpaceBefore && !s.Initial[first] && !FactLexicon.Titles.Contains(w)
                && IsPlainInteger(s.Word(k)) && !(s.IsWord(k + 1) && FactLexicon.Units.ContainsKey(s.Word(k + 1)))
                && !s.IsKind(k + 1, ScanKind.Symbol) && !s.IsHyphen(k + 1))
            {
                words.Add(new RunWord(k, k, s.Word(k).ToString(), false));
                return k + 1;
            }
        }
        return k;
    }

    private static bool IsPlainInteger(ReadOnlySpan<char> w)
    {
        foreach (char c in w) if (!char.IsDigit(c)) return false;
        return w.Length <= 4;
    }

    private static void Emit(FactScan s, List<RunWord> words)
    {
        if (words.Count == 0) return;

        int a = 0, b = words.Count; // [a, b)
        if (!s.Initial[words[0].First] && FactLexicon.SentenceOpeners.Contains(words[0].Text) && (b == 1 || !words[0].Text.Equals("The", StringComparison.Ordinal)))
        {
            a = 1;
            while (a < b && words[a].Connector) a++;
        }
        else if (s.Initial[words[0].First])
        {
            if (FactLexicon.SentenceOpeners.Contains(words[0].Text) || (b > 1 && words[1].Connector && LooksPlural(words[0].Text)))
            {
                a = 1;
                while (a < b && words[a].Connector) a++;
            }
            else if (b == 1 && !IsAcronym(words[0].Text))
            {
                // A lone capitalised sentence opener is a name only when it speaks: "Okafor said".
                int n = words[0].Last + 1;
                if (!SpeaksAt(s, n) || FactLexicon.AgentNouns.Contains(words[0].Text) || FactLexicon.IsSmallNumber(words[0].Text, out _)) return;
            }
        }
        if (a >= b) return;

        // Titles: "Interior Minister Daniel Okafor" -> "Daniel Okafor"; "UN Secretary-General Antonio Guterres" -> "UN", "Antonio Guterres".
        int lastTitle = -1, firstTitle = -1;
        for (int x = a; x < b - 1; x++)
        {
            if (!words[x].Connector && IsTitle(words[x].Text))
            {
                if (firstTitle < 0) firstTitle = x;
                lastTitle = x;
            }
        }
        if (lastTitle >= 0)
        {
            for (int t = words[firstTitle].First; t <= words[lastTitle].Last; t++) s.InName[t] = true;
            int prefixEnd = firstTitle;
            while (prefixEnd > a && (FactLexicon.TitleModifiers.Contains(words[prefixEnd - 1].Text) || words[prefixEnd - 1].Connector)) prefixEnd--;
            Add(s, words, a, prefixEnd);
            int nameStart = lastTitle + 1;
            if (nameStart < b && words[nameStart].Connector)
            {
                // the title's complement: Secretary of State Alex Padilla, Minister of Defence Ana Lopes
                while (nameStart < b && words[nameStart].Connector) nameStart++;
                nameStart++;
            }
            Add(s, words, nameStart, b);
        }
        else
        {
            Add(s, words, a, b);
        }
    }

    /// <summary>True when a speech verb follows at <paramref name="n"/> (after adverbs or an appositive): <c>Okafor said</c>, <c>Okafor, a spokesman, said</c>.</summary>
    private static bool SpeaksAt(FactScan s, int n)
    {
        if (s.IsPunct(n, ','))
        {
            int j = n + 1;
            while (j < s.Count && j < n + 16 && !s.IsPunct(j, ',') && !s.IsKind(j, ScanKind.Quote)) j++;
            if (!s.IsPunct(j, ',')) return false;
            n = j + 1;
        }
        while (s.IsLowerWord(n) && FactLexicon.SpeechAdverbs.Contains(s.Word(n))) n++;
        return s.IsLowerWord(n) && FactLexicon.SpeechVerbs.Contains(s.Word(n));
    }

    /// <summary>A plural common noun opening a sentence before "of": <c>Veterans of World War II</c>.</summary>
    private static bool LooksPlural(string w)
        => w.Length > 3 && w[^1] == 's' && w[^2] != 's' && char.IsLower(w[1]);

    private static bool IsTitle(string word)
    {
        var w = word.AsSpan().TrimEnd('.');
        if (FactLexicon.Titles.Contains(w)) return true;
        int h = w.IndexOf('-');
        return h > 0 && FactLexicon.Titles.Contains(w[..h]); // Secretary-General, Vice-President
    }

    private static bool IsAcronym(string w)
    {
        if (w.Length < 2) return false;
        foreach (char c in w) if (char.IsLower(c)) return false;
        return true;
    }

    private static void Add(FactScan s, List<RunWord> words, int a, int b)
    {
        while (a < b && (words[a].Connector || char.IsDigit(words[a].Text[0]))) a++;
        while (b > a && words[b - 1].Connector) b--;
        if (a >= b) return;
        for (int x = a; x < b; x++)
            for (int t = words[x].First; t <= words[x].Last; t++) s.InName[t] = true;
        var sb = new StringBuilder();
        for (int x = a; x < b; x++)
        {
            if (x > a) sb.Append(' ');
            sb.Append(x == b - 1 ? FactLexicon.StripPossessive(words[x].Text) : words[x].Text);
        }
        string value = sb.ToString();
        if (value.Length == 0 || (b - a == 1 && FactLexicon.NotNames.Contains(value))) return;
        int first = words[a].First, last = words[b - 1].Last;
        var lastWord = s.Word(last);
        int spanEnd = s.Tokens[last].End - (lastWord.Length - FactLexicon.StripPossessive(lastWord).Length);
        var span = WireTrace.Core.Text.TextSpan.FromBounds(s.Tokens[first].Start, spanEnd);
        s.Facts.Add(new Fact(FactKind.Name, value, span.Substring(s.Text), span, s.Index));
        int index = s.Names.Count;
        s.Names.Add(new NameMatch(first, last, value));
        s.NameStartingAt[first] = index;
        s.NameEndingAt[last] = index;
    }
}
