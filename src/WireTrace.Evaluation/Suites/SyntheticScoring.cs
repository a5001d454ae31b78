using System.Globalization;
using System.Text.RegularExpressions;
using WireTrace.Core.Analysis;
using WireTrace.Core.Facts;
using WireTrace.Core.Text;
using WireTrace.Evaluation.Synthetic;

namespace WireTrace.Evaluation.Suites;

/// <summary>The fixed tables and matching rules the synthetic suite scores with (documented in docs/EVALUATION.md).</summary>
public static partial class SyntheticScoring
{
    /// <summary>Label of a story's source in the relation confusion matrix.</summary>
    public const string SourceLabel = "source";

    /// <summary>
    /// The contract relation a generated document should get towards its gold parent: Duplicate → duplicate;
    /// NearDuplicate, MovedParagraphs, SentenceMerge, SentenceSplit, FactChange → near-duplicate; Excerpt → excerpt;
    /// Partial → partial; ChainCopy (the generator makes it exactly as a Duplicate, a noisy full copy, but of an
    /// excerpt) → duplicate of that excerpt; both distractors → unrelated; Source → <see cref="SourceLabel"/>.
    /// </summary>
    public static string GoldRelation(SyntheticRelation relation) => relation switch
    {
        SyntheticRelation.Source => SourceLabel,
        SyntheticRelation.Duplicate or SyntheticRelation.ChainCopy => Relation.Duplicate.ToContractName(),
        SyntheticRelation.NearDuplicate or SyntheticRelation.MovedParagraphs or SyntheticRelation.SentenceMerge
            or SyntheticRelation.SentenceSplit or SyntheticRelation.FactChange => Relation.NearDuplicate.ToContractName(),
        SyntheticRelation.Excerpt => Relation.Excerpt.ToContractName(),
        SyntheticRelation.Partial => Relation.Partial.ToContractName(),
        SyntheticRelation.UnrelatedDistractor or SyntheticRelation.SameTopicDistractor => Relation.Unrelated.ToContractName(),
        _ => throw new ArgumentOutOfRangeException(nameof(relation)),
    };

    /// <summary>The fact kind WireTrace should report for a planted change (a month-only date change may also be reported as <see cref="FactKind.Month"/>).</summary>
    public static FactKind GoldFactKind(FactChangeKind kind) => kind switch
    {
        FactChangeKind.NumberChanged or FactChangeKind.NumberHedged => FactKind.Number,
        FactChangeKind.Weekday => FactKind.Weekday,
        FactChangeKind.Date => FactKind.Date,
        FactChangeKind.Name => FactKind.Name,
        FactChangeKind.Attribution => FactKind.Attribution,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The bucket a reported fact kind is scored in (Month counts as date).</summary>
    public static FactKind Bucket(FactKind kind) => kind == FactKind.Month ? FactKind.Date : kind;

    /// <summary>
    /// For each gold sentence, the index of the WireTrace sentence that overlaps its span most (-1 when none does).
    /// </summary>
    public static int[] MapSentences(IReadOnlyList<GoldSentence> gold, TextModel model)
    {
        var map = new int[gold.Count];
        for (int g = 0; g < gold.Count; g++)
        {
            int start = gold[g].Start, end = gold[g].Start + gold[g].Length;
            int best = -1, bestOverlap = 0;
            foreach (var s in model.Sentences)
            {
                int overlap = Math.Min(end, s.Span.End) - Math.Max(start, s.Span.Start);
                if (overlap > bestOverlap)
                {
                    bestOverlap = overlap;
                    best = s.Index;
                }
            }
            map[g] = best;
        }
        return map;
    }

    /// <summary>
    /// The WireTrace sentences that are gold-positive: those mapped from a positive gold sentence and from no negative one
    /// (a WireTrace sentence that glues an added sentence to a reused one is not counted as added).
    /// </summary>
    public static HashSet<int> PositiveSentences(int[] map, Func<int, bool> positive)
    {
        var yes = new HashSet<int>();
        var no = new HashSet<int>();
        for (int g = 0; g < map.Length; g++)
        {
            if (map[g] < 0) continue;
            (positive(g) ? yes : no).Add(map[g]);
        }
        yes.ExceptWith(no);
        return yes;
    }

    /// <summary>Whether a reported change matches a planted one: same kind (Month may stand for Date) and the same old and new values.</summary>
    public static bool Matches(PlantedFactChange gold, FactChange reported)
    {
        var kind = GoldFactKind(gold.Kind);
        if (Bucket(reported.Kind) != kind) return false;
        return gold.Kind switch
        {
            FactChangeKind.NumberChanged or FactChangeKind.NumberHedged => NumbersMatch(gold.OldValue, gold.NewValue, reported.Source, reported.Derived),
            FactChangeKind.Weekday => Same(gold.OldValue, reported.Source) && Same(gold.NewValue, reported.Derived),
            FactChangeKind.Date => DatesMatch(gold.OldValue, reported.Source) && DatesMatch(gold.NewValue, reported.Derived),
            _ => Contained(gold.OldValue, reported.Source) && Contained(gold.NewValue, reported.Derived),
        };
    }

    private static bool Same(string a, string b) => string.Equals(Words(a), Words(b), StringComparison.Ordinal);

    /// <summary>Equal, or one holds the other as whole words, after lower-casing, dropping punctuation and a leading article.</summary>
    private static bool Contained(string gold, string reported)
    {
        string g = Words(gold), r = Words(reported);
        if (g.Length == 0 || r.Length == 0) return false;
        return g == r || $" {r} ".Contains($" {g} ", StringComparison.Ordinal) || $" {g} ".Contains($" {r} ", StringComparison.Ordinal);
    }

    private static string Words(string s)
    {
        var words = NonWord().Replace(s.ToLowerInvariant(), " ").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] is "the" or "a" or "an") words.RemoveAt(0);
        return string.Join(' ', words);
    }

    /// <summary>
    /// Numbers match when the reported values are the planted ones up to one power-of-ten scale (WireTrace may expand
    /// "1.5 mln" to 1500000) and, for a hedge, the reported new value carries the planted hedge words.
    /// </summary>
    internal static bool NumbersMatch(string goldOld, string goldNew, string reportedOld, string reportedNew)
    {
        if (!TryNumber(goldOld, out var go, out var goHedge) || !TryNumber(goldNew, out var gn, out var gnHedge)) return false;
        if (!TryNumber(reportedOld, out var ro, out _) || !TryNumber(reportedNew, out var rn, out var rnHedge)) return false;
        if (gnHedge.Length > 0 && gnHedge != goHedge && !rnHedge.Contains(gnHedge, StringComparison.Ordinal)) return false;
        if (go == 0) return ro == 0 && ScaledEqual(gn, rn);
        var factor = ro / go;
        var log = Math.Log10((double)Math.Abs(factor));
        if (factor <= 0 || Math.Abs(log - Math.Round(log)) > 1e-9) return false;
        return ScaledEqual(gn * factor, rn);
    }

    private static bool ScaledEqual(decimal a, decimal b) => Math.Abs(a - b) <= Math.Max(1e-9m, Math.Abs(a) * 1e-9m);

    /// <summary>The first number in the text (commas dropped) and the lower-cased words before it.</summary>
    private static bool TryNumber(string text, out decimal value, out string hedge)
    {
        var m = NumberPattern().Match(text);
        hedge = m.Success ? Words(text[..m.Index]) : "";
        value = 0;
        return m.Success && decimal.TryParse(m.Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }

    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Dates match when the month agrees (if both name one) and the day agrees (if the gold value has one); at least one must be compared.</summary>
    internal static bool DatesMatch(string gold, string reported)
    {
        var (gm, gd) = DateParts(gold);
        var (rm, rd) = DateParts(reported);
        bool compared = false;
        if (gm is { } a && rm is { } b)
        {
            if (a != b) return false;
            compared = true;
        }
        if (gd is { } x)
        {
            if (rd != x) return false;
            compared = true;
        }
        return compared;
    }

    /// <summary>Month (1-12) and day of a date written "Feb 22", "March", "2024-02-22" or "--02-22".</summary>
    internal static (int? Month, int? Day) DateParts(string text)
    {
        var iso = IsoDate().Match(text);
        if (iso.Success)
        {
            int month = int.Parse(iso.Groups["m"].Value, CultureInfo.InvariantCulture);
            int? day = iso.Groups["d"].Success ? int.Parse(iso.Groups["d"].Value, CultureInfo.InvariantCulture) : null;
            return (month, day);
        }
        int? m = null, d = null;
        foreach (Match w in WordOrNumber().Matches(text))
        {
            var token = w.Value.ToLowerInvariant();
            if (char.IsDigit(token[0]))
            {
                if (token.Length <= 2) d ??= int.Parse(token, CultureInfo.InvariantCulture);
            }
            else if (token.Length >= 3 && Array.IndexOf(MonthNames, token[..3]) is var k && k >= 0 && (token.Length == 3 || FullMonth(token)))
            {
                m ??= k + 1;
            }
        }
        return (m, d);
    }

    private static bool FullMonth(string token) =>
        CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Any(n => n.Length > 0 && n.Equals(token, StringComparison.OrdinalIgnoreCase)) || token == "sept";

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(?:\d{4}|-)-(?<m>\d{2})(?:-(?<d>\d{2}))?")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\p{L}+|\d+")]
    private static partial Regex WordOrNumber();
}
