using System.Text;

namespace WireTrace.Core.Text;

/// <summary>
/// The comparison form of a piece of text: Unicode NFKC, lower case (invariant), and typographic
/// variants folded to one ASCII form: curly and straight quotes, apostrophes and primes become
/// <c>'</c> (single) or <c>"</c> (double); hyphens, dashes and the minus sign become <c>-</c>;
/// non-breaking and other spaces become a plain space; NFKC turns the ellipsis … into "...". Used for comparison only: offsets always
/// stay on the original text. Thread-safe, allocation-free apart from the result for ASCII input.
/// </summary>
public static class TextNormalizer
{
    /// <summary>The comparison form of <paramref name="text"/>, e.g. "Don’t" → "don't", "U.S." → "u.s.".</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return string.Empty;
        bool ascii = true;
        foreach (char c in text)
        {
            if (c >= 0x80) { ascii = false; break; }
        }
        if (ascii)
        {
            return string.Create(text.Length, text, static (dest, src) =>
            {
                for (int i = 0; i < src.Length; i++)
                {
                    char c = src[i];
                    dest[i] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
                }
            });
        }
        return NormalizeNonAscii(text.ToString());
    }

    /// <summary>The comparison form of <paramref name="text"/>; see <see cref="Normalize(ReadOnlySpan{char})"/>.</summary>
    public static string Normalize(string text) => Normalize(text.AsSpan());

    /// <summary>
    /// The folded form of one character before case mapping: quote-like characters to <c>'</c> or
    /// <c>"</c>, dash-like characters to <c>-</c>, space-like characters to a space; others unchanged.
    /// </summary>
    public static char Fold(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u02BC' or '\u02BB' or '\u02B9' or '\u2032' or '\u00B4' or '\u0060' or '\u2039' or '\u203A' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' or '\u02BA' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' or '\u00AD' => '-',
        '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u200A' or '\u2002' or '\u2003' => ' ',
        _ => c,
    };

    private static string NormalizeNonAscii(string s)
    {
        // Fold first (so NFKC sees plain quotes and dashes), apply the framework's NFKC (ICU), fold
        // again what the compatibility mapping produced, and lower-case.
        Span<char> folded = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        for (int i = 0; i < s.Length; i++) folded[i] = Fold(s[i]);
        var nfkc = new string(folded).Normalize(NormalizationForm.FormKC);
        return string.Create(nfkc.Length, nfkc, static (dest, src) =>
        {
            for (int i = 0; i < src.Length; i++) dest[i] = char.ToLowerInvariant(Fold(src[i]));
        });
    }
}
