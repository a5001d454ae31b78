using System.Globalization;

namespace WireTrace.Core.Facts;

/// <summary>
/// Finds dates (<c>January 5</c>, <c>Jan. 5, 2024</c>, <c>5 January 2024</c>, <c>2024-01-05</c>, <c>March 2024</c>,
/// <c>in 2019</c>), months alone, weekdays and relative days; also consumes clock times so that their digits are
/// not read as numbers.
/// </summary>
internal static class DateFacts
{
    public static void Extract(FactScan s)
    {
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Used[i]) continue;
            var t = s.Tokens[i];
            switch (t.Kind)
            {
                case ScanKind.Word:
                    WordDate(s, i);
                    break;
                case ScanKind.Number:
                case ScanKind.Ordinal:
                    NumberDate(s, i);
                    break;
                case ScanKind.Time:
                    s.MarkUsed(i, ClockSuffixEnd(s, i));
                    break;
            }
        }
    }

    private static void WordDate(FactScan s, int i)
    {
        var w = s.Word(i);
        bool cap = char.IsUpper(w[0]);
        if (s.IsLowerWord(i) || (cap && s.Initial[i]))
        {
            if (FactLexicon.RelativeDays.Contains(w))
            {
                s.Add(FactKind.Date, w.ToString().ToLowerInvariant(), i, i);
                s.MarkUsed(i, i);
                return;
            }
        }
        if (!cap) return;
        string? weekday = FactLexicon.Weekday(w);
        if (weekday is not null)
        {
            s.Add(FactKind.Weekday, weekday, i, i);
            s.MarkUsed(i, i);
            return;
        }
        int month = FactLexicon.Month(w);
        bool abbreviated = false;
        if (month == 0)
        {
            month = FactLexicon.MonthAbbreviation(w);
            abbreviated = month > 0;
        }
        if (month == 0) return;

        int j = i + 1;
        if (abbreviated && s.IsPunct(j, '.') && s.Glued(j)) j++;
        if (DayAt(s, j, out int day))
        {
            int last = j;
            int year = 0;
            if (s.IsPunct(j + 1, ',') && YearAt(s, j + 2, out year)) last = j + 2;
            else if (YearAt(s, j + 1, out year)) last = j + 1;
            s.Add(FactKind.Date, FormatDate(year, month, day), i, last);
            s.MarkUsed(i, last);
            return;
        }
        if (YearAt(s, j, out int y))
        {
            s.Add(FactKind.Date, string.Create(CultureInfo.InvariantCulture, $"{y:D4}-{month:D2}"), i, j);
            s.MarkUsed(i, j);
            return;
        }
        if (abbreviated) return;
        // "May" and "March" are also a verb and a noun: only take them after a date word (in May, since March, mid-March).
        if (month is 3 or 5)
        {
            bool dateWord = (s.IsLowerWord(i - 1) && FactLexicon.DatePrepositions.Contains(s.Word(i - 1)))
                || (s.IsHyphen(i - 1) && s.Glued(i) && s.IsWord(i - 2, "mid"));
            if (!dateWord) return;
        }
        s.Add(FactKind.Month, FactLexicon.MonthName(month), i, i);
        s.MarkUsed(i, i);
    }

    private static void NumberDate(FactScan s, int i)
    {
        var t = s.Tokens[i];
        // 2024-01-05
        if (t.Kind == ScanKind.Number && t.Length == 4 && s.IsHyphen(i + 1) && s.Glued(i + 1) && s.IsKind(i + 2, ScanKind.Number)
            && s.Glued(i + 2) && s.IsHyphen(i + 3) && s.Glued(i + 3) && s.IsKind(i + 4, ScanKind.Number) && s.Glued(i + 4)
            && int.TryParse(s.Word(i), out int iy) && int.TryParse(s.Word(i + 2), out int im) && int.TryParse(s.Word(i + 4), out int id)
            && im is >= 1 and <= 12 && id is >= 1 and <= 31)
        {
            s.Add(FactKind.Date, FormatDate(iy, im, id), i, i + 4);
            s.MarkUsed(i, i + 4);
            return;
        }
        // 5 January 2024, 5th Jan
        if (DayAt(s, i, out int day) && s.IsCapWord(i + 1))
        {
            int month = FactLexicon.Month(s.Word(i + 1));
            int j = i + 1;
            if (month == 0)
            {
                month = FactLexicon.MonthAbbreviation(s.Word(i + 1));
                if (month > 0 && s.IsPunct(i + 2, '.') && s.Glued(i + 2)) j = i + 2;
            }
            if (month > 0)
            {
                int last = j;
                if (YearAt(s, j + 1, out int year)) last = j + 1;
                else year = 0;
                s.Add(FactKind.Date, FormatDate(year, month, day), i, last);
                s.MarkUsed(i, last);
                return;
            }
        }
        // a clock time: 10 a.m., 3pm
        if (t.Kind == ScanKind.Number)
        {
            int end = ClockSuffixEnd(s, i);
            if (end > i)
            {
                s.MarkUsed(i, end);
                return;
            }
        }
        // a year after a date word: in 2019, since 2014, mid-2023
        if (YearAt(s, i, out int y) && y is >= 1500 and <= 2100 && !LooksLikeAmount(s, i))
        {
            bool dateWord = s.IsWord(i - 1) && FactLexicon.DatePrepositions.Contains(s.Word(i - 1))
                || (s.IsHyphen(i - 1) && s.Glued(i) && s.IsWord(i - 2, "mid"));
            bool possessive = s.IsPunct(i + 1, '\'') || s.IsPunct(i + 1, '’');
            if (dateWord || possessive || y is >= 1900 and <= 2100)
            {
                s.Add(FactKind.Date, y.ToString("D4", CultureInfo.InvariantCulture), i, i);
                s.MarkUsed(i, i);
            }
        }
    }

    /// <summary>Last token of a clock-time suffix after token <paramref name="i"/> (<c>a.m.</c>, <c>pm</c>, <c>GMT</c>), or <paramref name="i"/> itself when it has none.</summary>
    private static int ClockSuffixEnd(FactScan s, int i)
    {
        int end = ClockMarkEnd(s, i);
        // a time zone after the clock time: 12:15 a.m. MT, 10:30 GMT
        if (s.Tokens[i].Kind == ScanKind.Time || end > i)
            while (s.IsWord(end + 1) && FactLexicon.TimeZones.Contains(s.Word(end + 1))) end++;
        return end;
    }

    private static int ClockMarkEnd(FactScan s, int i)
    {
        int j = i + 1;
        if (s.IsWord(j, "am") || s.IsWord(j, "pm"))
            return j;
        if (s.Tokens[i].Kind == ScanKind.Time && s.IsWord(j, "hours"))
            return j;
        if ((s.IsWord(j, "a") || s.IsWord(j, "p")) && s.IsPunct(j + 1, '.') && s.IsWord(j + 2, "m"))
            return s.IsPunct(j + 3, '.') ? j + 3 : j + 2;
        return i;
    }

    /// <summary>A 4-digit number shown to be an amount rather than a year by a hedge, a currency sign or a counted
    /// noun after it (<c>some 2000 people</c>, <c>$2020</c>, <c>2000 soldiers</c>).</summary>
    private static bool LooksLikeAmount(FactScan s, int i)
    {
        if (s.IsKind(i - 1, ScanKind.Symbol) || s.IsKind(i + 1, ScanKind.Symbol)) return true;
        if (s.IsWord(i - 1))
        {
            var prev = s.Word(i - 1);
            foreach (var h in FactLexicon.Hedges)
                if (prev.Equals(h[^1], StringComparison.OrdinalIgnoreCase)) return true;
        }
        if (s.IsWord(i + 1))
        {
            var next = s.Word(i + 1);
            if (FactLexicon.Units.ContainsKey(next) || FactLexicon.Magnitudes.ContainsKey(next)) return true;
            if (s.IsLowerWord(i + 1) && next.Length > 3 && next[^1] == 's' && next[^2] != 's') return true;
        }
        return false;
    }

    private static bool DayAt(FactScan s, int i, out int day)
    {
        day = 0;
        if ((uint)i >= (uint)s.Count || s.Used[i]) return false;
        var t = s.Tokens[i];
        var w = s.Word(i);
        if (t.Kind == ScanKind.Ordinal) w = w[..^2];
        else if (t.Kind != ScanKind.Number || w.Length > 2) return false;
        return int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out day) && day is >= 1 and <= 31;
    }

    private static bool YearAt(FactScan s, int i, out int year)
    {
        year = 0;
        if (!s.IsKind(i, ScanKind.Number) || s.Used[i] || s.Tokens[i].Length != 4) return false;
        return int.TryParse(s.Word(i), NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1000 and <= 2999;
    }

    private static string FormatDate(int year, int month, int day) => year > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"--{month:D2}-{day:D2}");
}
