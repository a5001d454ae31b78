using System.Text;
using WireTrace.Core.Text;

namespace WireTrace.Core.Facts;

/// <summary>
/// Compares the facts of an aligned sentence group: one or more source sentences rendered by one or more
/// derived sentences. Facts of one kind are paired by value first (the same number written <c>12</c> or
/// <c>twelve</c>, the same person called <c>Okafor</c> or <c>Daniel Okafor</c>), then by context (unit,
/// neighbouring content words, the statement an attribution introduces, the words of a quote); each pair
/// whose values differ is a <see cref="FactChange"/>. Facts without a partner are dropped or added material
/// and are not reported; facts of merged sentences pair across the whole group, so word order and clause
/// order do not matter.
/// </summary>
public static class FactComparer
{
    /// <summary>One fact with the normalised content words around it and the tokens right before and after it.</summary>
    private sealed class Item(Fact fact, HashSet<string> context, HashSet<string> sentence)
    {
        public Fact Fact { get; } = fact;
        public HashSet<string> Context { get; } = context;
        public HashSet<string> SentenceWords { get; } = sentence;
        public string[]? QuoteWords { get; init; }
        /// <summary>The tokens before the fact, nearest first, lower case; <c>^</c> marks the start of the sentence.</summary>
        public string[] Before { get; init; } = [];
        /// <summary>The tokens after the fact, nearest first, lower case; <c>$</c> marks the end of the sentence.</summary>
        public string[] After { get; init; } = [];
    }

    /// <summary>The facts of one side of a group and the text of its sentences.</summary>
    private sealed record Side(List<Item> Items, string Text);

    private const int ContextWindow = 4;

    /// <summary>Changed facts between the given source and derived sentences.</summary>
    /// <param name="sourceText">The source article's original text.</param>
    /// <param name="sourceSentences">Spans (into <paramref name="sourceText"/>) and indexes of the group's source sentences.</param>
    /// <param name="derivedText">The derived article's original text.</param>
    /// <param name="derivedSentences">Spans and indexes of the derived sentences aligned to them.</param>
    /// <param name="sourceFacts">The facts of a source sentence by index, when already extracted (e.g. cached per document); else they are extracted here.</param>
    /// <param name="derivedFacts">Likewise for the derived sentences.</param>
    public static IReadOnlyList<FactChange> Compare(
        string sourceText,
        IReadOnlyList<(TextSpan Span, int Index)> sourceSentences,
        string derivedText,
        IReadOnlyList<(TextSpan Span, int Index)> derivedSentences,
        Func<int, IReadOnlyList<Fact>>? sourceFacts = null,
        Func<int, IReadOnlyList<Fact>>? derivedFacts = null)
    {
        ArgumentNullException.ThrowIfNull(sourceText);
        ArgumentNullException.ThrowIfNull(derivedText);
        ArgumentNullException.ThrowIfNull(sourceSentences);
        ArgumentNullException.ThrowIfNull(derivedSentences);
        var (src, srcText) = Collect(sourceText, sourceSentences, sourceFacts);
        var (der, derText) = Collect(derivedText, derivedSentences, derivedFacts);
        var changes = new List<FactChange>();
        CompareNumbers(Of(src, FactKind.Number), Of(der, FactKind.Number), changes);
        CompareDates(Of(src, FactKind.Date), Of(der, FactKind.Date), changes);
        CompareDates(Of(src, FactKind.Weekday), Of(der, FactKind.Weekday), changes);
        CompareDates(Of(src, FactKind.Month), Of(der, FactKind.Month), changes);
        var srcAttributions = Of(src, FactKind.Attribution);
        var derAttributions = Of(der, FactKind.Attribution);
        var srcSpeakers = srcAttributions.Select(a => a.Fact.Value).ToList();
        var derSpeakers = derAttributions.Select(a => a.Fact.Value).ToList();
        var quotes = CompareQuotes(Of(src, FactKind.Quote), Of(der, FactKind.Quote));
        CompareAttributions(srcAttributions, derAttributions, derText, quotes.Pairs, changes);
        CompareNames(new Side(Of(src, FactKind.Name), srcText), new Side(Of(der, FactKind.Name), derText), srcSpeakers, derSpeakers, changes);
        changes.AddRange(quotes.Changes);
        return changes;
    }

    private static List<Item> Of(List<Item> items, FactKind kind) => items.Where(i => i.Fact.Kind == kind).ToList();

    // ---------------------------------------------------------------- collection

    private static (List<Item> Items, string Text) Collect(string text, IReadOnlyList<(TextSpan Span, int Index)> sentences, Func<int, IReadOnlyList<Fact>>? extracted)
    {
        var items = new List<Item>();
        var all = new StringBuilder();
        foreach (var (span, index) in sentences)
        {
            all.Append(text.AsSpan(span.Start, span.Length)).Append(' ');
            var facts = extracted?.Invoke(index) ?? FactExtractor.Extract(text, span, index);
            if (facts.Count == 0) continue;
            var tokens = SentenceScanner.Scan(text, span);
            var words = new List<(int Start, int End, string Norm)>(tokens.Count);
            foreach (var t in tokens)
            {
                if (t.Kind != ScanKind.Word) continue;
                var w = FactLexicon.StripPossessive(t.Text(text));
                if (w.Length < 2 || FactLexicon.Stopwords.Contains(w)) continue;
                words.Add((t.Start, t.End, Stem(w)));
            }
            foreach (var f in facts)
            {
                var context = new HashSet<string>(StringComparer.Ordinal);
                var sentence = new HashSet<string>(StringComparer.Ordinal);
                int before = 0;
                for (int k = words.Count - 1; k >= 0 && before < ContextWindow; k--)
                {
                    if (words[k].End > f.Span.Start) continue;
                    context.Add(words[k].Norm);
                    before++;
                }
                int after = 0;
                for (int k = 0; k < words.Count && after < ContextWindow; k++)
                {
                    if (words[k].Start < f.Span.End) continue;
                    context.Add(words[k].Norm);
                    after++;
                }
                foreach (var w in words)
                    if (w.End <= f.Span.Start || w.Start >= f.Span.End) sentence.Add(w.Norm);
                items.Add(new Item(f, context, sentence)
                {
                    QuoteWords = f.Kind == FactKind.Quote ? QuoteWords(f.Value) : null,
                    Before = Neighbours(text, tokens, f.Span, before: true),
                    After = Neighbours(text, tokens, f.Span, before: false),
                });
            }
        }
        return (items, all.ToString());
    }

    private const int SlotWindow = 3;

    /// <summary>Up to <see cref="SlotWindow"/> tokens before or after <paramref name="span"/> in the sentence, nearest first,
    /// lower case with quote marks folded, and <c>^</c> or <c>$</c> when the sentence boundary is reached.</summary>
    private static string[] Neighbours(string text, List<ScanToken> tokens, TextSpan span, bool before)
    {
        var list = new List<string>(SlotWindow);
        int k = before ? tokens.FindLastIndex(t => t.End <= span.Start) : tokens.FindIndex(t => t.Start >= span.End);
        if (k < 0) k = before ? -1 : tokens.Count;
        while (list.Count < SlotWindow)
        {
            if (k < 0 || k >= tokens.Count) { list.Add(before ? "^" : "$"); break; }
            var tok = tokens[k];
            list.Add(tok.Kind == ScanKind.Quote ? "\"" : FactLexicon.StripPossessive(tok.Text(text)).ToString().ToLowerInvariant()
                .Replace('’', '\''));
            k += before ? -1 : 1;
        }
        return [.. list];
    }

    /// <summary>A crude stem: lower case, first six letters; enough to match inflections of context words.</summary>
    private static string Stem(ReadOnlySpan<char> w)
    {
        int n = Math.Min(w.Length, 6);
        Span<char> buf = stackalloc char[n];
        for (int k = 0; k < n; k++) buf[k] = char.ToLowerInvariant(w[k]);
        return new string(buf);
    }

    private static int Shared(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        int n = 0;
        foreach (var x in a) if (b.Contains(x)) n++;
        return n;
    }

    // ---------------------------------------------------------------- pairing

    /// <summary>Greedy best-first pairing; <paramref name="score"/> returns a negative value for pairs that may not pair.
    /// Paired items are removed from both lists.</summary>
    private static List<(Item S, Item D)> Pair(List<Item> src, List<Item> der, Func<Item, Item, double> score)
    {
        var candidates = new List<(double Score, int S, int D)>();
        for (int i = 0; i < src.Count; i++)
            for (int j = 0; j < der.Count; j++)
            {
                double sc = score(src[i], der[j]);
                if (sc >= 0) candidates.Add((sc, i, j));
            }
        candidates.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score)
            : (x.S + x.D).CompareTo(y.S + y.D));
        var usedS = new bool[src.Count];
        var usedD = new bool[der.Count];
        var pairs = new List<(Item, Item)>();
        foreach (var (_, i, j) in candidates)
        {
            if (usedS[i] || usedD[j]) continue;
            usedS[i] = usedD[j] = true;
            pairs.Add((src[i], der[j]));
        }
        for (int i = src.Count - 1; i >= 0; i--) if (usedS[i]) src.RemoveAt(i);
        for (int j = der.Count - 1; j >= 0; j--) if (usedD[j]) der.RemoveAt(j);
        return pairs;
    }

    private static void Report(List<FactChange> changes, FactKind kind, Item s, Item d, string source, string derived, string? detail)
        => changes.Add(new FactChange(kind, source, derived, s.Fact.Sentence, d.Fact.Sentence, detail));

    // ---------------------------------------------------------------- numbers

    private static void CompareNumbers(List<Item> src, List<Item> der, List<FactChange> changes)
    {
        // Same amount (however written): only the hedge can differ.
        foreach (var (s, d) in Pair(src, der, (s, d) =>
                 {
                     if (s.Fact.Value != d.Fact.Value) return -1;
                     int ctx = Shared(s.Context, d.Context);
                     bool units = UnitsEqual(s.Fact.Unit, d.Fact.Unit);
                     if (!units && !UnitsCompatible(s.Fact.Unit, d.Fact.Unit) && ctx == 0) return -1;
                     return 100 + ctx + (units ? 3 : 0);
                 }))
        {
            if (s.Fact.Qualifier != d.Fact.Qualifier)
                Report(changes, FactKind.Number, s, d, NumberDisplay(s.Fact, true), NumberDisplay(d.Fact, true), QualifierDetail(s.Fact.Qualifier, d.Fact.Qualifier));
        }

        bool single = src.Count == 1 && der.Count == 1;
        foreach (var (s, d) in Pair(src, der, (s, d) =>
                 {
                     int ctx = Shared(s.Context, d.Context);
                     string? us = s.Fact.Unit, ud = d.Fact.Unit;
                     if (us is not null && ud is not null)
                     {
                         if (UnitsEqual(us, ud)) return ctx >= 1 || (single && Slot(s, d) > 0) ? 2 + ctx : -1;
                         return ctx >= 2 ? ctx : -1;
                     }
                     if (us is "age" || ud is "age") return -1;
                     return ctx >= 1 ? ctx : -1;
                 }))
        {
            string detail = $"value changed: {s.Fact.Surface} → {d.Fact.Surface}";
            if (s.Fact.Qualifier != d.Fact.Qualifier) detail += "; " + QualifierDetail(s.Fact.Qualifier, d.Fact.Qualifier);
            bool hedges = s.Fact.Qualifier != d.Fact.Qualifier;
            Report(changes, FactKind.Number, s, d, NumberDisplay(s.Fact, hedges), NumberDisplay(d.Fact, hedges), detail);
        }
    }

    /// <summary>The number as written (<c>300,000</c>), preceded by its hedge as written (<c>at least 12</c>, <c>Some 300,000</c>)
    /// when the hedge is part of the change.</summary>
    private static string NumberDisplay(Fact f, bool withQualifier)
        => withQualifier && f.QualifierText is { } q ? q + " " + f.AmountText : f.AmountText;

    private static string QualifierDetail(string? from, string? to) => (from, to) switch
    {
        (null, _) => "qualifier added: " + to,
        (_, null) => "qualifier removed: " + from,
        _ => $"qualifier changed: {from} → {to}",
    };

    private static bool UnitsEqual(string? a, string? b)
        => a is not null && b is not null && Singular(a) == Singular(b);

    private static bool UnitsCompatible(string? a, string? b) => a is null || b is null || UnitsEqual(a, b);

    private static string Singular(string unit) => unit.Length > 3 && unit[^1] == 's' && unit[^2] != 's' ? unit[..^1] : unit;

    // ---------------------------------------------------------------- dates, weekdays, months

    private static void CompareDates(List<Item> src, List<Item> der, List<FactChange> changes)
    {
        Pair(src, der, (s, d) => SameDate(s.Fact.Value, d.Fact.Value) ? 100 + Shared(s.Context, d.Context) : -1);
        bool single = src.Count == 1 && der.Count == 1;
        foreach (var (s, d) in Pair(src, der, (s, d) =>
                 {
                     if (DateShape(s.Fact.Value) != DateShape(d.Fact.Value)) return -1;
                     int ctx = Shared(s.Context, d.Context);
                     int slot = Slot(s, d);
                     return (ctx >= 1 && (slot > 0 || ctx >= 2)) || (single && slot > 0) ? ctx + slot : -1;
                 }))
        {
            Report(changes, s.Fact.Kind, s, d, s.Fact.Value, d.Fact.Value, $"{s.Fact.Surface} → {d.Fact.Surface}");
        }
    }

    /// <summary>Equal dates; a date without a year equals the same day with one (<c>--01-05</c>, <c>2024-01-05</c>).</summary>
    private static bool SameDate(string a, string b)
    {
        if (a == b) return true;
        if (a.StartsWith("--", StringComparison.Ordinal) && b.Length == 10) return b.EndsWith(a[1..], StringComparison.Ordinal);
        if (b.StartsWith("--", StringComparison.Ordinal) && a.Length == 10) return a.EndsWith(b[1..], StringComparison.Ordinal);
        return false;
    }

    /// <summary>Granularity class: relative day, year, year-month, day.</summary>
    private static int DateShape(string v)
    {
        if (v.Length == 0 || !(char.IsDigit(v[0]) || v[0] == '-')) return char.IsUpper(v[0]) ? 4 : 0;
        return v.Length switch { 4 => 1, 7 => 2, _ => 3 };
    }

    // ---------------------------------------------------------------- attributions

    /// <summary>Two attributions introduce the same statement: they credit the same quote, or their sentences share
    /// half the content words of the shorter one.</summary>
    private static bool SameStatement(Item s, Item d, List<(Item S, Item D)> quotes, int shared)
    {
        foreach (var (qs, qd) in quotes)
            if (qs.Fact.Sentence == s.Fact.Sentence && qd.Fact.Sentence == d.Fact.Sentence && (qs.Fact.Speaker == s.Fact.Value || qd.Fact.Speaker == d.Fact.Value))
                return true;
        int smaller = Math.Min(s.SentenceWords.Count, d.SentenceWords.Count);
        return smaller > 0 && shared >= 0.5 * smaller;
    }

    /// <summary>A person's role on one side and a capitalised name on the other may be the same person
    /// ("Trump said" / "the president says").</summary>
    private static bool MaybeSamePerson(string a, string b)
    {
        bool ra = FactLexicon.PersonRoles.Contains(a), rb = FactLexicon.PersonRoles.Contains(b);
        return (ra && char.IsUpper(b[0])) || (rb && char.IsUpper(a[0]));
    }

    private static void CompareAttributions(List<Item> src, List<Item> der, string derivedText, List<(Item S, Item D)> quotes, List<FactChange> changes)
    {
        src.RemoveAll(i => IsPronoun(i.Fact.Value));
        der.RemoveAll(i => IsPronoun(i.Fact.Value));
        Pair(src, der, (s, d) => SameName(s.Fact.Value, d.Fact.Value) ? 100 + Shared(s.SentenceWords, d.SentenceWords) : -1);
        // A source speaker still named in the derived sentences was not replaced ("Democrats had urged ..." →
        // "Democrats and some Republicans called for ..., after the Department of Justice announced ...").
        src.RemoveAll(i => char.IsUpper(i.Fact.Value[0]) && ContainsWords(derivedText, i.Fact.Value));
        bool single = src.Count == 1 && der.Count == 1;
        foreach (var (s, d) in Pair(src, der, (s, d) =>
                 {
                     int shared = Shared(s.SentenceWords, d.SentenceWords);
                     if (!SameStatement(s, d, quotes, shared)) return -1;
                     return shared >= 2 || single ? shared : -1;
                 }))
        {
            if (MaybeSamePerson(s.Fact.Value, d.Fact.Value)) continue;
            string detail = s.Fact.Verb == d.Fact.Verb
                ? $"speaker changed ({s.Fact.Verb})"
                : $"speaker changed; verb {s.Fact.Verb} → {d.Fact.Verb}";
            Report(changes, FactKind.Attribution, s, d, s.Fact.Value, d.Fact.Value, detail);
        }
    }

    private static bool IsPronoun(string v) => FactLexicon.Pronouns.Contains(v);

    // ---------------------------------------------------------------- names

    /// <summary>
    /// Names pair by identity first; a name left over on each side is a substitution only when it fills the same slot
    /// (the token before or after it is the same on both sides), shares context words, and neither name occurs anywhere
    /// in the other side's sentences (a name merely moved, or missed by the extractor there, is not replaced).
    /// </summary>
    private static void CompareNames(Side source, Side derived, List<string> srcSpeakers, List<string> derSpeakers, List<FactChange> changes)
    {
        var src = source.Items;
        var der = derived.Items;
        var allSrc = src.Select(i => i.Fact.Value).ToList();
        var allDer = der.Select(i => i.Fact.Value).ToList();
        Pair(src, der, (s, d) => SameName(s.Fact.Value, d.Fact.Value) ? 100 + Shared(s.Context, d.Context) : -1);
        // Speakers are compared as attributions, so their names are left out of name substitutions.
        src.RemoveAll(i => srcSpeakers.Any(sp => SameName(sp, i.Fact.Value)));
        der.RemoveAll(i => derSpeakers.Any(sp => SameName(sp, i.Fact.Value)));
        src.RemoveAll(i => Occurs(i.Fact, derived.Text, allDer));
        der.RemoveAll(i => Occurs(i.Fact, source.Text, allSrc));
        foreach (var (s, d) in Pair(src, der, (s, d) =>
                 {
                     if (!SameSlot(s, d)) return -1;
                     int ctx = Shared(s.Context, d.Context);
                     double similar = SpellingSimilarity(s.Fact.Value, d.Fact.Value) >= 0.75 ? 3 : 0;
                     double score = ctx + similar;
                     return score >= 2 ? score : -1;
                 }))
        {
            string detail = SpellingSimilarity(s.Fact.Value, d.Fact.Value) >= 0.75 ? "spelling changed" : "name replaced";
            Report(changes, FactKind.Name, s, d, s.Fact.Value, d.Fact.Value, detail);
        }
    }

    /// <summary>
    /// How well two facts fill the same slot: the number of equal tokens running on from each side of them
    /// (up to <see cref="SlotWindow"/> a side; the start or end of the sentence on both sides counts as one).
    /// </summary>
    private static int Slot(Item s, Item d)
    {
        int n = 0;
        for (int k = 0; k < SlotWindow && k < s.Before.Length && k < d.Before.Length && s.Before[k] == d.Before[k]; k++) n++;
        for (int k = 0; k < SlotWindow && k < s.After.Length && k < d.After.Length && s.After[k] == d.After[k]; k++) n++;
        return n;
    }

    /// <summary>A name replaced in place: at least two equal neighbouring tokens, one of them a content word or both sides' tokens equal.</summary>
    private static bool SameSlot(Item s, Item d) => Slot(s, d) >= 2;

    /// <summary>The name is written in the other side's text, or is the same entity as one of its names.</summary>
    private static bool Occurs(Fact name, string otherText, List<string> otherNames)
        => ContainsWords(otherText, name.Value) || otherNames.Any(n => SameName(n, name.Value));

    /// <summary>True when <paramref name="words"/> occurs in <paramref name="text"/> as whole words.</summary>
    private static bool ContainsWords(string text, string words)
    {
        for (int at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            int end = at + words.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]))) return true;
        }
        return false;
    }

    /// <summary>The same entity: equal ignoring case, one's words contained in the other's (<c>Okafor</c> / <c>Daniel Okafor</c>,
    /// <c>ministry</c> / <c>Interior Ministry</c>), or an acronym of the other (<c>UN</c> / <c>United Nations</c>).</summary>
    internal static bool SameName(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase)) return true;
        // U.S. / US, E.U. / EU
        if (a.Contains('.') || b.Contains('.'))
        {
            string da = a.Replace(".", "", StringComparison.Ordinal), db = b.Replace(".", "", StringComparison.Ordinal);
            if (!string.Equals(da, a, StringComparison.Ordinal) || !string.Equals(db, b, StringComparison.Ordinal)) return SameName(da, db);
        }
        var wa = a.Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries);
        var wb = b.Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries);
        if (wa.Length > wb.Length) (wa, wb) = (wb, wa);
        bool contained = wa.All(x => wb.Any(y => string.Equals(x, y, StringComparison.OrdinalIgnoreCase) || SamePlace(x, y)));
        if (contained) return true;
        if (wa.Length == 1 && wa[0].Length >= 2 && wa[0].All(char.IsUpper))
        {
            var initials = new StringBuilder();
            foreach (var w in wb) if (char.IsUpper(w[0])) initials.Append(w[0]);
            return initials.ToString() == wa[0].Replace(".", "", StringComparison.Ordinal);
        }
        return false;
    }

    private static readonly char[] NameSeparators = [' ', '-', '‑', '–'];

    /// <summary>A place and its people or adjective: <c>Russia</c> / <c>Russian</c> / <c>Russians</c>, <c>America</c> / <c>Americans</c>,
    /// <c>China</c> / <c>Chinese</c>, <c>Israel</c> / <c>Israeli</c>.</summary>
    internal static bool SamePlace(string a, string b)
    {
        if (a.Length > b.Length) (a, b) = (b, a);
        if (a.Length < 4) return false;
        foreach (var suffix in DemonymSuffixes)
        {
            // the suffix may replace a final vowel: China → Chinese, Kenya → Kenyan
            for (int cut = 0; cut <= 1; cut++)
            {
                int stem = a.Length - cut;
                if (cut == 1 && !"aeiouy".Contains(char.ToLowerInvariant(a[^1]))) continue;
                if (b.Length == stem + suffix.Length
                    && b.AsSpan(0, stem).Equals(a.AsSpan(0, stem), StringComparison.OrdinalIgnoreCase)
                    && b.AsSpan(stem).Equals(suffix, StringComparison.OrdinalIgnoreCase)) return true;
            }
        }
        // Russian / Russians, American / Americans: a plural of a demonym
        return b.Length == a.Length + 1 && (b[^1] == 's') && b.StartsWith(a, StringComparison.OrdinalIgnoreCase)
            && (a.EndsWith("an", StringComparison.OrdinalIgnoreCase) || a.EndsWith("i", StringComparison.OrdinalIgnoreCase));
    }

    private static readonly string[] DemonymSuffixes = ["n", "ns", "an", "ans", "ian", "ians", "ese", "i", "is", "ish"];

    /// <summary>1 − normalised Levenshtein distance, case-insensitive.</summary>
    internal static double SpellingSimilarity(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        if (a.Length == 0 || b.Length == 0) return 0;
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return 1.0 - (double)prev[b.Length] / Math.Max(a.Length, b.Length);
    }

    // ---------------------------------------------------------------- quotes

    /// <summary>Quote changes, and every pair of quotes taken as the same quote (for attributions).</summary>
    private static (List<FactChange> Changes, List<(Item S, Item D)> Pairs) CompareQuotes(List<Item> src, List<Item> der)
    {
        var changes = new List<FactChange>();
        var pairs = Pair(src, der, (s, d) => s.QuoteWords!.AsSpan().SequenceEqual(d.QuoteWords) ? 100 : -1);
        // A quote split over sentences on one side and joined on the other is the same quote.
        RemoveJoined(src, der);
        RemoveJoined(der, src);
        // A quote broken up by narration ("Nothing bad is going to come out of" the meeting, he said, "and maybe ...") is the same quote.
        RemoveFragments(src, der);
        RemoveFragments(der, src);
        var similar = Pair(src, der, (s, d) =>
                 {
                     int shared = SharedWords(s.QuoteWords!, d.QuoteWords!);
                     int max = Math.Max(s.QuoteWords!.Length, d.QuoteWords!.Length);
                     return shared >= 2 && shared >= 0.5 * max ? (double)shared / max : -1;
                 });
        pairs.AddRange(similar);
        foreach (var (s, d) in similar)
        {
            if (ShiftedExcerpts(s.QuoteWords!, d.QuoteWords!)) continue;
            Report(changes, FactKind.Quote, s, d, s.Fact.Value, d.Fact.Value, QuoteDetail(s.QuoteWords!, d.QuoteWords!));
        }
        return (changes, pairs);
    }

    private static void RemoveJoined(List<Item> parts, List<Item> wholes)
    {
        for (int w = wholes.Count - 1; w >= 0; w--)
        {
            var whole = wholes[w].QuoteWords!;
            for (int start = 0; start < parts.Count; start++)
            {
                var joined = new List<string>();
                int end = start;
                while (end < parts.Count && joined.Count < whole.Length)
                {
                    joined.AddRange(parts[end].QuoteWords!);
                    end++;
                }
                if (end - start >= 2 && joined.SequenceEqual(whole))
                {
                    parts.RemoveRange(start, end - start);
                    wholes.RemoveAt(w);
                    break;
                }
            }
        }
    }

    /// <summary>Removes a whole quote and two or more of its fragments, in order, that together cover three quarters of its words.</summary>
    private static void RemoveFragments(List<Item> parts, List<Item> wholes)
    {
        for (int w = wholes.Count - 1; w >= 0; w--)
        {
            var whole = wholes[w].QuoteWords!;
            var used = new List<int>();
            int covered = 0, from = 0;
            for (int p = 0; p < parts.Count; p++)
            {
                var part = parts[p].QuoteWords!;
                if (part.Length == 0 || part.Length >= whole.Length) continue;
                int at = IndexOf(whole, part, from);
                if (at < 0) continue;
                used.Add(p);
                covered += part.Length;
                from = at + part.Length;
            }
            if (used.Count < 2 || covered < 0.75 * whole.Length) continue;
            for (int k = used.Count - 1; k >= 0; k--) parts.RemoveAt(used[k]);
            wholes.RemoveAt(w);
        }
    }

    /// <summary>
    /// Two excerpts of one statement that overlap: the words they share run on unbroken, the source goes on after them
    /// and the derived begins before them, or the other way round ("We have not been getting along well for the last
    /// number of years" / "Our two countries, frankly, we have not been getting along well").
    /// </summary>
    private static bool ShiftedExcerpts(string[] a, string[] b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int k = n - 1; k >= 3; k--)
        {
            if (a.AsSpan(a.Length - k).SequenceEqual(b.AsSpan(0, k)) || b.AsSpan(b.Length - k).SequenceEqual(a.AsSpan(0, k)))
                return true;
        }
        return false;
    }

    private static string[] QuoteWords(string quote)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        int brackets = 0; // an editor's insertion in a quote, "come out of it (Helsinki)", is not the speaker's word
        foreach (char c in quote)
        {
            if (c is '(' or '[') { brackets++; continue; }
            if (c is ')' or ']') { brackets = Math.Max(0, brackets - 1); continue; }
            if (brackets > 0) continue;
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (c is '\'' or '’' && sb.Length > 0) continue;
            else if (sb.Length > 0) { words.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) words.Add(sb.ToString());
        return [.. words];
    }

    private static int SharedWords(string[] a, string[] b)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in a) counts[w] = counts.GetValueOrDefault(w) + 1;
        int n = 0;
        foreach (var w in b)
            if (counts.TryGetValue(w, out int c) && c > 0) { counts[w] = c - 1; n++; }
        return n;
    }

    private static string QuoteDetail(string[] s, string[] d)
    {
        if (d.Length < s.Length && IndexOf(s, d) >= 0) return "shortened";
        if (s.Length < d.Length && IndexOf(d, s) >= 0) return "extended";
        var removed = s.Except(d, StringComparer.Ordinal).ToList();
        var added = d.Except(s, StringComparer.Ordinal).ToList();
        if (removed.Count == 0 && added.Count == 0) return "words reordered";
        return $"words changed: -[{string.Join(' ', removed)}] +[{string.Join(' ', added)}]";
    }

    private static int IndexOf(string[] hay, string[] needle, int from = 0)
    {
        for (int i = from; i + needle.Length <= hay.Length; i++)
            if (hay.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        return -1;
    }
}
