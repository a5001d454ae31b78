namespace WireTrace.Core.Facts;

/// <summary>
/// Finds who said something: <c>X said</c>, <c>said X</c>, <c>"...," X said</c>, <c>X, a spokesman, said</c>,
/// <c>according to X</c>. The speaker is a name (titles dropped: <c>spokesman Daniel Okafor</c> → <c>Daniel Okafor</c>),
/// an institution written as a common noun (<c>the ministry said</c> → <c>ministry</c>, <c>police said</c> → <c>police</c>)
/// or a pronoun (<c>he</c>, kept so that quotes can be linked, ignored by the comparer).
/// </summary>
internal static class AttributionFacts
{
    public readonly record struct Speaker(string Value, int First, int Last);

    public static void Extract(FactScan s, List<(Fact Fact, int VerbToken)> found)
    {
        for (int i = 0; i < s.Count; i++)
        {
            if (!s.IsWord(i) || s.InQuote[i]) continue;
            var w = s.Word(i);
            Speaker? speaker;
            string verb;
            int verbFirst = i, verbLast = i;
            if (w.Equals("according", StringComparison.OrdinalIgnoreCase) && s.IsWord(i + 1, "to"))
            {
                verb = "according to";
                verbLast = i + 1;
                speaker = After(s, i + 2);
            }
            else if (s.IsLowerWord(i) && FactLexicon.SpeechVerbs.Contains(w)
                     && !IsParticiple(s, i))
            {
                // "officers accused of interfering", "a plan described as", "cases reported by": participles, not speech
                verb = w.ToString().ToLowerInvariant();
                int k = i - 1;
                while (k >= 0 && s.IsLowerWord(k) && FactLexicon.SpeechAdverbs.Contains(s.Word(k)) && !s.InQuote[k]) k--;
                bool afterQuote = k >= 0 && (s.IsKind(k, ScanKind.Quote) || (s.IsPunct(k, ',') && s.IsKind(k - 1, ScanKind.Quote)) || s.InQuote[k]);
                bool listener = FactLexicon.ListenerVerbs.Contains(w);
                if (afterQuote && !listener) speaker = After(s, i + 1) ?? Before(s, k);
                else speaker = Before(s, k) ?? (listener || k < 0 ? null : AfterInverted(s, k, i));
            }
            else continue;

            if (speaker is not { } sp) continue;
            if (sp.Value is "who" or "which" or "that") continue;
            int first = Math.Min(sp.First, verbFirst), last = Math.Max(sp.Last, verbLast);
            var span = s.SpanOf(first, last);
            var fact = new Fact(FactKind.Attribution, sp.Value, span.Substring(s.Text), span, s.Index, Verb: verb);
            s.Facts.Add(fact);
            found.Add((fact, i));
            i = Math.Max(i, verbLast);
        }
    }

    /// <summary>"officers accused of interfering", "a plan described as", "cases reported by": a participle, not speech.</summary>
    private static bool IsParticiple(FactScan s, int i)
        => s.IsWord(i + 1, "by") || (s.IsWord(i, "accused") && s.IsWord(i + 1, "of")) || ((s.IsWord(i, "described") || s.IsWord(i, "describes")) && s.IsWord(i + 1, "as"));

    /// <summary>"said X" without a quote before it is only accepted when the verb closes a clause: <c>..., said Okafor.</c></summary>
    private static Speaker? AfterInverted(FactScan s, int k, int verb)
        => s.IsPunct(k, ',') || s.IsPunct(k, '.') ? After(s, verb + 1) : null;

    /// <summary>The speaker whose phrase ends at token <paramref name="k"/>.</summary>
    private static Speaker? Before(FactScan s, int k)
    {
        if (k < 0 || s.InQuote[k]) return null;
        int name = s.NameEndingAt[k];
        if (name >= 0) return FromName(s, name);
        if (s.IsWord(k))
        {
            var w = s.Word(k);
            if (s.IsLowerWord(k) && FactLexicon.Pronouns.Contains(w)) return new Speaker(w.ToString(), k, k);
            bool agent = FactLexicon.AgentNouns.Contains(w);
            bool lower = s.IsLowerWord(k) || (s.Initial[k] && agent);
            if (lower && !FactLexicon.Stopwords.Contains(w) && (agent || (s.IsWord(k - 1) && FactLexicon.Determiners.Contains(s.Word(k - 1)))))
            {
                var noun = FactLexicon.StripPossessive(w);
                return new Speaker(noun.ToString().ToLowerInvariant(), k, k);
            }
            return null;
        }
        // "Okafor, a spokesman for the ministry, said" / "Okafor, 45, said"
        if (s.IsPunct(k, ','))
        {
            for (int j = k - 1; j >= 1 && j >= k - 16; j--)
            {
                if (s.IsKind(j, ScanKind.Quote) || s.InQuote[j]) break;
                if (s.IsPunct(j, ','))
                {
                    if (s.NameEndingAt[j - 1] >= 0) return FromName(s, s.NameEndingAt[j - 1]);
                    // "The company, which employs 5,000 people, said"
                    if (s.IsWord(j - 1) && FactLexicon.AgentNouns.Contains(s.Word(j - 1))) return Before(s, j - 1);
                }
            }
        }
        return null;
    }

    /// <summary>The speaker after a verb: <c>said spokesman Daniel Okafor</c>, <c>said the Interior Ministry</c>, <c>said police</c>,
    /// <c>said regional fire chief Tomas Brandt</c> (lower-case modifiers of a role word: <c>fire</c>, <c>rescue</c>, <c>flood</c>).</summary>
    private static Speaker? After(FactScan s, int k)
    {
        int limit = Math.Min(s.Count, k + 6);
        int modifiers = 0; // lower-case words outside the lexicon, each accepted only before a role word
        for (int j = k; j < limit; j++)
        {
            if (s.InQuote[j]) return null;
            int name = s.NameStartingAt[j];
            if (name >= 0) return modifiers == 0 ? FromName(s, PersonAfterOrganisation(s, name)) : null;
            if (!s.IsWord(j)) return null;
            var w = s.Word(j);
            if (s.InName[j]) continue; // title words kept out of a name: said Interior Minister Daniel Okafor
            if (!s.IsLowerWord(j)) return null;
            if (FactLexicon.StripPossessive(w).Length != w.Length) continue; // the ministry's spokesman
            if (FactLexicon.AgentNouns.Contains(w) && !(s.IsLowerWord(j + 1) && FactLexicon.AgentNouns.Contains(s.Word(j + 1)) && !s.IsWord(j + 1, "said")))
            {
                if (s.NameStartingAt.Length > j + 1 && s.NameStartingAt[j + 1] >= 0) return FromName(s, s.NameStartingAt[j + 1]);
                return new Speaker(FactLexicon.StripPossessive(w).ToString().ToLowerInvariant(), j, j);
            }
            if (s.IsLowerWord(j) && FactLexicon.Pronouns.Contains(w) && j == k) return new Speaker(w.ToString(), j, j);
            if (FactLexicon.RoleWords.Contains(w)) { modifiers = 0; continue; }
            if (!IsContentWord(w)) return null;
            // "coordinator" in "said rescue coordinator Ana Lopes": an agent noun outside the lexicon, right before the name.
            if (j + 1 < s.Count && s.NameStartingAt[j + 1] >= 0 && LooksLikeAgentNoun(w)) return FromName(s, s.NameStartingAt[j + 1]);
            // "fire" in "said regional fire chief Tomas Brandt": a noun modifier, only if a role word follows.
            if (modifiers >= 2 || !s.IsLowerWord(j + 1) || s.InQuote[j + 1]) return null;
            modifiers++;
        }
        return null;
    }

    /// <summary>A lower-case word that may be part of a role phrase: not a function word, verb, adverb, time or number word.</summary>
    private static bool IsContentWord(ReadOnlySpan<char> w)
    {
        if (w.Length < 3 || FactLexicon.Stopwords.Contains(w) || FactLexicon.SpeechVerbs.Contains(w) || FactLexicon.SpeechAdverbs.Contains(w)) return false;
        if (FactLexicon.IsSmallNumber(w, out _) || FactLexicon.Weekday(w) is not null || FactLexicon.RelativeDays.Contains(w)) return false;
        return !(w.EndsWith("ly", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal));
    }

    private static bool LooksLikeAgentNoun(ReadOnlySpan<char> w)
    {
        foreach (var suffix in AgentSuffixes)
            if (w.Length > suffix.Length + 2 && w.EndsWith(suffix, StringComparison.Ordinal)) return true;
        return false;
    }

    private static readonly string[] AgentSuffixes = ["or", "er", "ist", "ian", "man", "woman", "person", "ant", "ent", "ee"];

    /// <summary>"Interior Ministry spokesman Daniel Okafor", "Kellmoor Mayor Elena Varga": the person after an organisation or
    /// place and a role word (lower-case, or a capitalised title kept out of both names) speaks.</summary>
    private static int PersonAfterOrganisation(FactScan s, int name)
    {
        int j = s.Names[name].Last + 1;
        int roles = 0;
        while (j < s.Count && roles < 5 && s.NameStartingAt[j] < 0
               && ((s.IsLowerWord(j) && FactLexicon.RoleWords.Contains(s.Word(j))) || ((s.IsCapWord(j) || s.IsHyphen(j)) && s.InName[j] && !s.Used[j])))
        {
            j++;
            roles++;
        }
        return roles > 0 && j < s.Count && s.NameStartingAt[j] >= 0 ? s.NameStartingAt[j] : name;
    }

    private static Speaker FromName(FactScan s, int index)
    {
        var n = s.Names[index];
        return new Speaker(n.Value, n.First, n.Last);
    }
}
