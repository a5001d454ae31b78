using System.Globalization;
using System.Text.RegularExpressions;

namespace WireTrace.Evaluation.Synthetic;

/// <summary>A place in a sentence where a fact can be changed.</summary>
internal sealed record FactSite(FactChangeKind Kind, int Start, int Length, string OldValue);

/// <summary>Finds changeable facts in a sentence and plants changes (number, hedge, weekday, date, name, attribution).</summary>
internal static partial class FactPlanter
{
    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] Hedges = ["at least", "more than", "about", "nearly", "up to"];

    private static readonly string[] Subjects =
        ["analysts", "officials", "traders", "the company", "a spokesman", "industry sources", "economists", "dealers", "bankers"];

    private static readonly HashSet<string> NameStopWords = new(StringComparer.Ordinal)
    {
        "The", "This", "That", "These", "Those", "And", "But", "In", "On", "For", "At", "By", "Of", "It", "He", "She",
        "They", "We", "Reuter", "Reuters", "Inc", "Corp", "Ltd", "Co", "Mln", "Dlrs", "Pct",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    };

    /// <summary>
    /// Person-like names in a text for the replacement pool: two capitalised words (not at sentence start, not part
    /// of a longer capitalised run) followed by an attribution verb or a job title ("Charles Blackburn, president").
    /// </summary>
    public static IEnumerable<string> Names(string text) =>
        PersonPattern().Matches(text).Select(m => m.Groups[1].Value)
            .Where(n => IsName(n) && !CompanyWords.Contains(n[(n.IndexOf(' ') + 1)..]));

    private static readonly HashSet<string> CompanyWords = new(StringComparer.Ordinal)
    {
        "Plc", "Corp", "Inc", "Securities", "Bank", "Group", "Brothers", "Bros", "Industries", "International", "Holdings",
        "Trust", "Capital", "Partners", "Ministry", "Department", "Board", "Exchange", "Commission", "Council", "Association",
    };

    private static bool IsName(string candidate) => candidate.Split(' ').All(w => !NameStopWords.Contains(w));

    /// <summary>Every changeable fact in <paramref name="sentence"/>.</summary>
    public static List<FactSite> Find(string sentence)
    {
        var sites = new List<FactSite>();
        foreach (Match m in NumberPattern().Matches(sentence))
        {
            var value = m.Value;
            if (value.Length == 4 && !value.Contains(',') && !value.Contains('.') && value[0] is '1' or '2' && value[1] is '9' or '0') continue; // a year
            var before = sentence[..m.Index];
            if (MonthBefore().IsMatch(before)) continue; // day of a date, handled as a date
            sites.Add(new FactSite(FactChangeKind.NumberChanged, m.Index, m.Length, value));
            if (!HedgeBefore().IsMatch(before) && !DeterminerBefore().IsMatch(before)) sites.Add(new FactSite(FactChangeKind.NumberHedged, m.Index, m.Length, value));
        }
        foreach (Match m in WeekdayPattern().Matches(sentence)) sites.Add(new FactSite(FactChangeKind.Weekday, m.Index, m.Length, m.Value));
        foreach (Match m in MonthDayPattern().Matches(sentence)) sites.Add(new FactSite(FactChangeKind.Date, m.Index, m.Length, m.Value));
        foreach (Match m in MonthOnlyPattern().Matches(sentence)) sites.Add(new FactSite(FactChangeKind.Date, m.Index, m.Length, m.Value));
        foreach (Match m in NamePattern().Matches(sentence))
        {
            if (IsName(m.Value)) sites.Add(new FactSite(FactChangeKind.Name, m.Index, m.Length, m.Value));
        }
        foreach (Match m in AttributionPattern().Matches(sentence))
        {
            var subject = m.Groups[1];
            if (subject.Value.Contains(' ') && !IsName(subject.Value) && char.IsUpper(subject.Value[0]) && !subject.Value.StartsWith("The ", StringComparison.Ordinal)) continue;
            sites.Add(new FactSite(FactChangeKind.Attribution, subject.Index, subject.Length, subject.Value));
        }
        return sites;
    }

    /// <summary>
    /// Plants a change at <paramref name="site"/>; returns the changed sentence and the new value, or null when no
    /// replacement is possible (e.g. no other name of the same length in the pool).
    /// </summary>
    public static (string Sentence, string NewValue)? Plant(string sentence, FactSite site, SeededRandom rng, IReadOnlyList<string> namePool, string storyText)
    {
        string? newValue = site.Kind switch
        {
            FactChangeKind.NumberChanged => ChangeNumber(site.OldValue, rng),
            FactChangeKind.NumberHedged => rng.Pick(Hedges) + " " + site.OldValue,
            FactChangeKind.Weekday => rng.Pick(Weekdays.Where(d => d != site.OldValue).ToList()),
            FactChangeKind.Date => ChangeDate(site.OldValue, rng),
            FactChangeKind.Name => PickName(site.OldValue, rng, namePool, storyText),
            FactChangeKind.Attribution => PickSubject(site, rng),
            _ => null,
        };
        if (newValue == null || newValue == site.OldValue) return null;
        return (sentence[..site.Start] + newValue + sentence[(site.Start + site.Length)..], newValue);
    }

    private static string ChangeNumber(string old, SeededRandom rng)
    {
        var plain = old.Replace(",", "", StringComparison.Ordinal);
        var dot = plain.IndexOf('.');
        if (dot >= 0)
        {
            var decimals = plain.Length - dot - 1;
            var value = decimal.Parse(plain, CultureInfo.InvariantCulture);
            var unit = 1m / (decimal)Math.Pow(10, decimals);
            var step = unit * rng.Between(1, 9);
            var changed = value - step > 0 && rng.Chance(0.5) ? value - step : value + step;
            return changed.ToString("F" + decimals, CultureInfo.InvariantCulture);
        }
        var n = long.Parse(plain, CultureInfo.InvariantCulture);
        var delta = Math.Max(1, (long)Math.Round(n * 0.1 * rng.Between(1, 3)));
        var result = n - delta > 0 && rng.Chance(0.5) ? n - delta : n + delta;
        return old.Contains(',') ? result.ToString("#,0", CultureInfo.InvariantCulture) : result.ToString(CultureInfo.InvariantCulture);
    }

    private static string ChangeDate(string old, SeededRandom rng)
    {
        var m = MonthDayPattern().Match(old);
        if (m.Success && m.Index == 0 && m.Length == old.Length)
        {
            var day = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var shift = rng.Between(1, 3);
            var newDay = day + shift <= 28 ? day + shift : day - shift;
            return old[..m.Groups[2].Index] + newDay.ToString(CultureInfo.InvariantCulture);
        }
        var space = old.LastIndexOf(' ');
        var month = old[(space + 1)..];
        return old[..(space + 1)] + rng.Pick(Months.Where(x => x != month).ToList());
    }

    private static string? PickName(string old, SeededRandom rng, IReadOnlyList<string> pool, string storyText)
    {
        var words = old.Count(c => c == ' ');
        var choices = pool.Where(n => n.Count(c => c == ' ') == words && n != old && !storyText.Contains(n, StringComparison.Ordinal)).ToList();
        return choices.Count == 0 ? null : rng.Pick(choices);
    }

    private static string PickSubject(FactSite site, SeededRandom rng)
    {
        var subject = rng.Pick(Subjects.Where(s => !s.Equals(site.OldValue, StringComparison.OrdinalIgnoreCase)).ToList());
        return site.Start == 0 ? char.ToUpperInvariant(subject[0]) + subject[1..] : subject;
    }

    [GeneratedRegex(@"(?<![\w.,/-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w/-]|[.,]\d)|(?<![\w.,/-])\d+(?:\.\d+)?(?![\w/-]|[.,]\d)")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(?:about|at least|more than|nearly|some|around|over|up to|almost|approximately|roughly|less than|under)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex HedgeBefore();

    [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+$")]
    private static partial Regex MonthBefore();

    [GeneratedRegex(@"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.? (\d{1,2})\b(?![.,:/]?\d)")]
    private static partial Regex MonthDayPattern();

    [GeneratedRegex(@"\b(?:in|since|until|by|from|during|for|last|next|early|late|of) (?:January|February|March|April|June|July|August|September|October|November|December)\b(?![ .]*\d)")]
    private static partial Regex MonthOnlyPattern();

    [GeneratedRegex(@"(?<=[a-z0-9,;] )[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,}){1,2}\b(?! [A-Z]|-)")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"(?<=[a-z,;] )([A-Z][a-z]{2,} [A-Z][a-z]{2,})(?=,? (?:said|told|added|president|chairman|chief|a spokesman|an analyst|vice|head|director)\b)")]
    private static partial Regex PersonPattern();

    [GeneratedRegex(@"\b(?:a|an|the|its|his|her|their|our|this|that|per)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex DeterminerBefore();

    [GeneratedRegex(@"(?:^|(?<=, |and ))((?:[Tt]he|[Aa]) (?:company|spokesman|spokeswoman|official|bank|government|ministry|report|statement)|[Oo]fficials|[Aa]nalysts|[Tt]raders|[Dd]ealers|[Ee]conomists|[Bb]ankers|[Ii]ndustry sources|[Hh]e|[Ss]he|[Tt]hey|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) (?:said|told|added|stated|estimated|reported)\b")]
    private static partial Regex AttributionPattern();
}
