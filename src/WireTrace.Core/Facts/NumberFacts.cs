using System.Globalization;

namespace WireTrace.Core.Facts;

/// <summary>
/// Finds quantities: digits (<c>300,000</c>, <c>1.5</c>, <c>5m</c>), number words (<c>twelve</c>,
/// <c>twenty-five</c>, <c>two dozen</c>, <c>a million</c>), vague amounts (<c>hundreds of</c>), with the
/// magnitude (<c>1.5 billion</c>), the hedge before (<c>at least</c>), the currency sign and the unit after
/// (<c>30-kilometre</c>, <c>40%</c>, <c>euros</c>, ages). Tokens consumed by dates, times and names are skipped.
/// </summary>
internal static class NumberFacts
{
    public static void Extract(FactScan s)
    {
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Used[i] || s.InName[i]) continue;
            int end, first = i;
            decimal value;
            string? vague = null;
            var t = s.Tokens[i];
            if (t.Kind == ScanKind.Number)
            {
                if (!ParseDigits(s.Word(i), out value)) continue;
                if (s.IsHyphen(i - 1) && s.Glued(i) && (s.IsCapWord(i - 2) || s.InName[Math.Max(0, i - 2)])) continue; // F-16, COVID-19
                end = i;
            }
            else if (t.Kind == ScanKind.Word)
            {
                if (!ParseWords(s, i, out value, out int wordStart, out end, out vague)) continue;
                first = wordStart;
            }
            else continue;

            // magnitude after: 1.5 billion, 300 thousand, two dozen
            while (vague is null && s.IsLowerWord(end + 1) && FactLexicon.Magnitudes.TryGetValue(s.Word(end + 1), out long mult) && !s.Used[end + 1])
            {
                value *= mult;
                end++;
            }

            string? unit = null;
            // currency sign before: $5 million, US$5, €1.5 billion
            if (first == i && s.IsKind(i - 1, ScanKind.Symbol) && s.Glued(i) && FactLexicon.Units.TryGetValue(s.Word(i - 1), out var currency) && currency != "percent")
            {
                unit = currency;
                first = i - 1;
                if (s.IsWord(first - 1, "US") && s.Glued(first)) first--;
            }
            else if (first == i && s.IsCapWord(i - 1) && s.Word(i - 1).Length == 3 && FactLexicon.Units.TryGetValue(s.Word(i - 1), out var code))
            {
                unit = code; // USD 5 million
                first = i - 1;
            }

            // unit after
            int last = end;
            if (unit is null || IsCurrencyWordAt(s, end + 1))
            {
                var (u, uLast) = UnitAfter(s, end, vague is not null);
                if (u is not null) { unit = u; last = uLast; }
            }

            // age: "Okafor, 45, said"; "aged 45"
            if (unit is null && vague is null && value is >= 1 and < 130 && value == decimal.Truncate(value))
            {
                bool apposition = first == i && s.IsPunct(i - 1, ',') && i >= 2 && s.InName[i - 2] && (s.IsPunct(end + 1, ',') || end + 1 >= s.Count || s.IsPunct(end + 1, '.'));
                if (apposition || s.IsWord(i - 1, "aged")) unit = "age";
            }

            // the amount as written: currency sign and magnitude included, a unit only when glued (40%, 30-km)
            int amountLast = last > end && s.Glued(end + 1) ? last : end;
            var amount = s.SpanOf(first, amountLast);

            // hedge before
            string? qualifier = null;
            int h = HedgeBefore(s, first, out int hedgeFirst);
            if (h > 0)
            {
                qualifier = Hedge(s, hedgeFirst, first - 1);
                first = hedgeFirst;
            }

            string normalised = vague ?? Format(value);
            s.Add(FactKind.Number, normalised, first, last, qualifier, unit, amount: amount);
            s.MarkUsed(first, last);
            i = last;
        }
    }

    private static bool IsCurrencyWordAt(FactScan s, int i)
        => s.IsWord(i) && FactLexicon.Units.TryGetValue(s.Word(i), out var u) && u is "dollars" or "euros" or "pounds";

    public static string Format(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    private static bool ParseDigits(ReadOnlySpan<char> w, out decimal value)
    {
        value = 0;
        int n = 0;
        while (n < w.Length && (char.IsDigit(w[n]) || w[n] is ',' or '.')) n++;
        Span<char> buf = stackalloc char[n];
        int len = 0;
        for (int k = 0; k < n; k++) if (w[k] != ',') buf[len++] = w[k];
        if (!decimal.TryParse(buf[..len], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return false;
        if (n < w.Length)
        {
            long mult = FactLexicon.GluedMagnitude(w[n..]);
            if (mult == 0) return false;
            value *= mult;
        }
        return true;
    }

    /// <summary>Number words: twelve, twenty-five, two hundred, a dozen, a million, hundreds (vague).</summary>
    private static bool ParseWords(FactScan s, int i, out decimal value, out int start, out int end, out string? vague)
    {
        value = 0;
        start = i;
        end = i;
        vague = null;
        var w = s.Word(i);
        if (FactLexicon.VagueAmounts.Contains(w) && (s.IsLowerWord(i) || s.Initial[i]))
        {
            // tens of thousands, hundreds of thousands
            if (s.IsWord(i + 1, "of") && s.IsLowerWord(i + 2) && FactLexicon.VagueAmounts.Contains(s.Word(i + 2)))
            {
                vague = string.Concat(w.ToString().ToLowerInvariant(), " of ", s.Word(i + 2).ToString().ToLowerInvariant());
                end = i + 2;
            }
            else
            {
                vague = w.ToString().ToLowerInvariant();
            }
            return true;
        }
        bool article = w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("an", StringComparison.OrdinalIgnoreCase);
        if (article && s.IsLowerWord(i + 1) && FactLexicon.Magnitudes.TryGetValue(s.Word(i + 1), out long magnitude))
        {
            value = magnitude;
            end = i + 1;
            // half a million, half a dozen
            if (s.IsWord(i - 1, "half") && !s.Used[i - 1])
            {
                value /= 2;
                start = i - 1;
            }
            return true;
        }
        if (!(s.IsLowerWord(i) || s.Initial[i]) || !FactLexicon.IsSmallNumber(w, out int small)) return false;
        if (small == 1 && !OneIsCount(s, i)) return false;
        decimal total = small;
        end = i;
        // twenty-five
        if (small >= 20 && s.IsHyphen(i + 1) && s.Glued(i + 1) && s.Glued(i + 2) && s.IsWord(i + 2) && FactLexicon.IsSmallNumber(s.Word(i + 2), out int unitDigit) && unitDigit < 10)
        {
            total += unitDigit;
            end = i + 2;
        }
        // two hundred (and fifty)
        if (s.IsWord(end + 1, "hundred"))
        {
            total *= 100;
            end++;
            if (s.IsWord(end + 1, "and") && s.IsWord(end + 2) && FactLexicon.IsSmallNumber(s.Word(end + 2), out int rest))
            {
                total += rest;
                end += 2;
            }
        }
        value = total;
        return true;
    }

    /// <summary>"one" is a count only before a noun it counts ("one person"), or before a magnitude ("one million").</summary>
    private static bool OneIsCount(FactScan s, int i)
    {
        if (s.IsWord(i - 1) && (s.IsWord(i - 1, "no") || s.IsWord(i - 1, "any") || s.IsWord(i - 1, "every") || s.IsWord(i - 1, "the")
            || s.IsWord(i - 1, "this") || s.IsWord(i - 1, "that") || s.IsWord(i - 1, "which") || s.IsWord(i - 1, "someone"))) return false;
        if (!s.IsLowerWord(i + 1)) return false;
        var next = s.Word(i + 1);
        if (FactLexicon.Magnitudes.ContainsKey(next)) return true;
        if (FactLexicon.Units.ContainsKey(next)) return true;
        return HedgeBefore(s, i, out _) > 0 || IsCountedNoun(next);
    }

    private static bool IsCountedNoun(ReadOnlySpan<char> w)
        => w is "person" or "man" or "woman" or "child" or "soldier" or "officer" or "civilian" or "victim" or "passenger"
            or "player" or "people" or "worker" or "student" or "patient" or "resident" or "member" or "suspect" or "body";

    /// <summary>The unit after a number ending at token <paramref name="end"/>, and the last token it covers.</summary>
    private static (string? Unit, int Last) UnitAfter(FactScan s, int end, bool vague)
    {
        int j = end + 1;
        if (j >= s.Count) return (null, end);
        // 40%
        if (s.IsKind(j, ScanKind.Symbol) && s.Word(j) is "%") return ("percent", j);
        // 30-kilometre, 45-year-old, 12-storey
        if (s.IsHyphen(j) && s.Glued(j) && s.Glued(j + 1) && s.IsLowerWord(j + 1))
        {
            var w = s.Word(j + 1);
            if ((w is "year" or "years") && s.IsHyphen(j + 2) && s.IsWord(j + 3, "old")) return ("age", j + 3);
            if (FactLexicon.Units.TryGetValue(w, out var hu)) return (hu, j + 1);
            return (w.ToString().ToLowerInvariant(), j + 1);
        }
        if (vague && s.IsWord(j, "of") && s.IsLowerWord(j + 1))
        {
            var w = s.Word(j + 1);
            if (FactLexicon.Units.TryGetValue(w, out var vu)) return (vu, j + 1);
            if (!FactLexicon.Stopwords.Contains(w)) return (w.ToString().ToLowerInvariant(), j + 1);
            return (null, end);
        }
        if (s.IsWord(j, "per") && s.IsWord(j + 1, "cent")) return ("percent", j + 1);
        if (s.IsWord(j, "percentage") && s.IsWord(j + 1, "points")) return ("percentage points", j + 1);
        if (s.IsWord(j) && s.Word(j).Length == 3 && s.IsCapWord(j) && FactLexicon.Units.TryGetValue(s.Word(j), out var code)) return (code, j);
        if (!s.IsLowerWord(j) || s.Used[j]) return (null, end);
        var word = s.Word(j);
        if ((word is "years" or "year") && s.IsWord(j + 1, "old")) return ("age", j + 1);
        if (FactLexicon.Units.TryGetValue(word, out var unit)) return (unit, j);
        if (FactLexicon.Stopwords.Contains(word)) return (null, end);
        if (FactLexicon.UnitModifiers.Contains(word) && s.IsLowerWord(j + 1) && !FactLexicon.Stopwords.Contains(s.Word(j + 1)))
        {
            var w2 = s.Word(j + 1);
            return (FactLexicon.Units.TryGetValue(w2, out var u2) ? u2 : w2.ToString().ToLowerInvariant(), j + 1);
        }
        return (word.ToString().ToLowerInvariant(), j);
    }

    /// <summary>Length in words of the hedge that ends just before token <paramref name="first"/> (0 when none).</summary>
    private static int HedgeBefore(FactScan s, int first, out int hedgeFirst)
    {
        hedgeFirst = first;
        foreach (var hedge in FactLexicon.Hedges)
        {
            int start = first - hedge.Length;
            if (start < 0) continue;
            bool match = true;
            for (int k = 0; k < hedge.Length && match; k++)
                match = s.IsWord(start + k, hedge[k]) && !s.Used[start + k];
            if (match)
            {
                hedgeFirst = start;
                return hedge.Length;
            }
        }
        return 0;
    }

    private static string Hedge(FactScan s, int first, int last)
    {
        var parts = new string[last - first + 1];
        for (int k = first; k <= last; k++) parts[k - first] = s.Word(k).ToString().ToLowerInvariant();
        string h = string.Join(' ', parts);
        return h == "approx" ? "approximately" : h;
    }
}
