using System.Text.RegularExpressions;

namespace WireTrace.Evaluation.Synthetic;

/// <summary>
/// A small rule-based sentence splitter for clean wire text, the default of <see cref="SyntheticCorpusGenerator"/>
/// until the real segmenter is plugged in: a sentence ends at . ! ? (plus closing quotes or brackets) followed by
/// whitespace and an upper-case letter, digit or opening quote, unless the word before the full stop is a known
/// abbreviation (No./Nos. only before a digit), a single letter (an initial) or itself contains a full stop (U.S.). Sentences are trimmed.
/// </summary>
public static partial class SimpleSentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "inc", "corp", "co", "ltd", "no", "vs", "gov", "sen", "rep", "gen", "col", "lt", "jr", "sr",
        "mt", "ft", "bros", "cie", "dept", "approx", "fig", "nos",
    };

    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        foreach (Match m in Boundary().Matches(text))
        {
            var end = m.Index + m.Groups[1].Length; // after the terminator and closing marks
            if (m.Value[0] == '.' && IsAbbreviationBefore(text, m.Index, NextVisible(text, m.Index + m.Length))) continue;
            Add(text[start..end]);
            start = end;
        }
        Add(text[start..]);
        return sentences;

        void Add(string s)
        {
            s = s.Trim();
            if (s.Length > 0) sentences.Add(s);
        }
    }

    private static char NextVisible(string text, int from)
    {
        while (from < text.Length && char.IsWhiteSpace(text[from])) from++;
        return from < text.Length ? text[from] : '\0';
    }

    private static bool IsAbbreviationBefore(string text, int dot, char next)
    {
        var wordStart = dot;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"' or '“')) wordStart--;
        var word = text[wordStart..dot];
        if (word.Length == 0) return false;
        if (word.Length == 1 && char.IsLetter(word[0])) return true;
        if (word.Contains('.')) return true;
        if (word.Equals("no", StringComparison.OrdinalIgnoreCase) || word.Equals("nos", StringComparison.OrdinalIgnoreCase)) return char.IsDigit(next);
        return Abbreviations.Contains(word);
    }

    [GeneratedRegex(@"([.!?]+[""'”’)\]]*)(?=\s+[""“‘(]?[A-Z0-9])")]
    private static partial Regex Boundary();
}
