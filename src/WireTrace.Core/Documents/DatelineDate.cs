using System.Globalization;

namespace WireTrace.Core.Documents;

/// <summary>Reads the dates that occur in datelines: ISO <c>2024-01-06</c>, <c>Jan 6</c>, <c>Jan. 6, 2024</c>,
/// <c>January 6 2024</c>, <c>6 January 2024</c>.</summary>
public static class DatelineDate
{
    /// <summary>Regex fragment matching one such date (no captures).</summary>
    internal const string Pattern =
        @"(?:\d{4}-\d{2}-\d{2}(?!\d)|" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?(?!\d)(?:,?\s+\d{4}(?!\d))?|\d{1,2}\s+" + Month + @"(?:,?\s+\d{4}(?!\d))?)";

    private const string Month =
        @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?!\p{L})\.?";

    private static readonly string[] MonthPrefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>
    /// Parses a dateline date. Returns false when the text is not such a date or names an impossible day.
    /// <paramref name="date"/> is null when the text has no year (the day and month alone cannot be dated).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly? date)
    {
        date = null;
        text = text.Trim();
        if (text.Length == 10 && text[4] == '-' && text[7] == '-')
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)) return false;
            date = iso;
            return true;
        }
        int? day = null, month = null, year = null;
        foreach (var range in text.SplitAny(" ,.\t"))
        {
            var part = text[range];
            if (part.IsEmpty) continue;
            if (char.IsDigit(part[0]))
            {
                var digits = part;
                while (digits.Length > 0 && !char.IsDigit(digits[^1])) digits = digits[..^1]; // 6th → 6
                if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return false;
                if (digits.Length == 4) year = n; else if (day is null) day = n; else return false;
            }
            else
            {
                var index = MonthIndex(part);
                if (index is null || month is not null) return false;
                month = index;
            }
        }
        if (day is null || month is null || day < 1 || day > 31) return false;
        if (year is null) return day <= DateTime.DaysInMonth(2024, month.Value);
        if (year < 1 || day > DateTime.DaysInMonth(year.Value, month.Value)) return false;
        date = new DateOnly(year.Value, month.Value, day.Value);
        return true;
    }

    private static int? MonthIndex(ReadOnlySpan<char> word)
    {
        if (word.Length < 3) return null;
        for (var i = 0; i < MonthPrefixes.Length; i++)
        {
            if (word[..3].Equals(MonthPrefixes[i], StringComparison.OrdinalIgnoreCase)) return i + 1;
        }
        return null;
    }
}
