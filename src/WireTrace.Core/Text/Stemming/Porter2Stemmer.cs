namespace WireTrace.Core.Text.Stemming;

/// <summary>
/// Managed implementation of the Snowball English ("Porter2") stemming algorithm, written from the published
/// description at snowballstem.org. It follows the variant shipped in Snowball 2.x (the libstemmer that Debian
/// packages as <c>libstemmer0d</c> 2.2.0), i.e. the algorithm as revised up to November 2006, without the
/// changes introduced in Snowball 3.0 (no <c>past</c>/<c>univers</c>/<c>later</c> prefixes, no <c>-ogist</c> rule,
/// doubles are always undoubled in step 1b, <c>skis</c> is an exceptional form).
/// </summary>
/// <remarks>
/// Input is expected to be a lower-case word; it may contain apostrophes (U+0027), hyphens, digits and other
/// characters, which the algorithm treats as non-vowels. Characters are counted as Unicode code points where the
/// algorithm counts letters, so the result agrees with the native UTF-8 stemmer on supplementary characters too.
/// The type is stateless and therefore thread-safe; stemming works in a stack buffer and allocates only the
/// result string (nothing at all when the word is its own stem).
/// </remarks>
public sealed class Porter2Stemmer : IStemmer
{
    /// <summary>Name reported by <see cref="EnglishStemmer.Name"/> when this implementation is used.</summary>
    public const string StemmerName = "porter2-managed";

    private const int StackLimit = 128;

    /// <summary>Shared instance (the stemmer has no state).</summary>
    public static Porter2Stemmer Instance { get; } = new();

    /// <summary>"porter2-managed".</summary>
    public string Name => StemmerName;

    /// <inheritdoc />
    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return StemToString(word.AsSpan(), word);
    }

    /// <summary>Stems a word given as a span and returns the stem as a new string.</summary>
    public string Stem(ReadOnlySpan<char> word) => StemToString(word, null);

    /// <summary>
    /// Stems <paramref name="word"/> into <paramref name="destination"/>, which must hold at least
    /// <c>word.Length + 1</c> characters. Returns the number of characters written.
    /// </summary>
    public int Stem(ReadOnlySpan<char> word, Span<char> destination)
    {
        if (destination.Length < word.Length + 1)
        {
            throw new ArgumentException("The destination must hold at least word.Length + 1 characters.", nameof(destination));
        }
        var exception = ExceptionalForm(word);
        if (exception != null)
        {
            exception.AsSpan().CopyTo(destination);
            return exception.Length;
        }
        if (!HasAtLeastCodePoints(word, 3))
        {
            word.CopyTo(destination);
            return word.Length;
        }
        return StemCore(word, destination);
    }

    private static string StemToString(ReadOnlySpan<char> word, string? original)
    {
        var exception = ExceptionalForm(word);
        if (exception != null) return exception;
        if (!HasAtLeastCodePoints(word, 3)) return original ?? word.ToString();

        char[]? rented = null;
        var buffer = word.Length < StackLimit
            ? stackalloc char[StackLimit]
            : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(word.Length + 1));
        try
        {
            var length = StemCore(word, buffer);
            var stem = buffer[..length];
            if (original != null && stem.SequenceEqual(word)) return original;
            return stem.ToString();
        }
        finally
        {
            if (rented != null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Whole words with a fixed stem, checked before anything else (Snowball's <c>exception1</c>).</summary>
    private static string? ExceptionalForm(ReadOnlySpan<char> word) => word switch
    {
        "skis" => "ski",
        "skies" => "sky",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        "idly" => "idl",
        "gently" => "gentl",
        "ugly" => "ugli",
        "early" => "earli",
        "only" => "onli",
        "singly" => "singl",
        "sky" => "sky",
        "news" => "news",
        "howe" => "howe",
        "atlas" => "atlas",
        "cosmos" => "cosmos",
        "bias" => "bias",
        "andes" => "andes",
        _ => null,
    };

    /// <summary>Words left alone once step 1a has run (Snowball's <c>exception2</c>).</summary>
    private static bool IsInvariantAfterStep1A(ReadOnlySpan<char> word) => word switch
    {
        "inning" or "outing" or "canning" or "herring" or "earring" or "proceed" or "exceed" or "succeed" => true,
        _ => false,
    };

    private static int StemCore(ReadOnlySpan<char> word, Span<char> buffer)
    {
        // Remove one initial apostrophe.
        if (word[0] == '\'') word = word[1..];
        word.CopyTo(buffer);
        var w = new Word(buffer, word.Length);
        var yFound = w.MarkConsonantY();
        w.MarkRegions();

        w.Step0();
        w.Step1A();
        if (!IsInvariantAfterStep1A(w.Current))
        {
            w.Step1B();
            w.Step1C();
            w.Step2();
            w.Step3();
            w.Step4();
            w.Step5();
        }

        if (yFound) w.Current.Replace('Y', 'y');
        return w.Length;
    }

    private static bool HasAtLeastCodePoints(ReadOnlySpan<char> word, int count)
    {
        if (word.Length >= 2 * count) return true;
        if (word.Length < count) return false;
        var codePoints = 0;
        for (var i = 0; i < word.Length; i++)
        {
            if (char.IsLowSurrogate(word[i]) && i > 0 && char.IsHighSurrogate(word[i - 1])) continue;
            codePoints++;
        }
        return codePoints >= count;
    }

    internal static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>The word being stemmed: a buffer, its current length and the region starts R1 (p1) and R2 (p2).</summary>
    private ref struct Word
    {
        private readonly Span<char> _buffer;
        private int _p1;
        private int _p2;

        public Word(Span<char> buffer, int length)
        {
            _buffer = buffer;
            Length = length;
        }

        public int Length { get; private set; }

        public readonly Span<char> Current => _buffer[..Length];

        /// <summary>Turns an initial y, and every y after a vowel, into the consonant marker Y.</summary>
        public readonly bool MarkConsonantY()
        {
            var w = Current;
            var found = false;
            for (var i = 0; i < w.Length; i++)
            {
                if (w[i] == 'y' && (i == 0 || IsVowel(w[i - 1])))
                {
                    w[i] = 'Y';
                    found = true;
                }
            }
            return found;
        }

        /// <summary>Sets R1 and R2 (the regions after the first non-vowel following a vowel).</summary>
        public void MarkRegions()
        {
            var w = Current;
            _p1 = _p2 = w.Length;
            int position;
            if (w.StartsWith("gener")) position = 5;
            else if (w.StartsWith("arsen")) position = 5;
            else if (w.StartsWith("commun")) position = 6;
            else position = PastVowelThenNonVowel(w, 0);
            if (position < 0) return;
            _p1 = position;
            position = PastVowelThenNonVowel(w, position);
            if (position < 0) return;
            _p2 = position;
        }

        private static int PastVowelThenNonVowel(ReadOnlySpan<char> w, int from)
        {
            var i = from;
            while (i < w.Length && !IsVowel(w[i])) i++;
            if (i == w.Length) return -1;
            i++;
            while (i < w.Length && IsVowel(w[i])) i++;
            if (i == w.Length) return -1;
            // Step past the whole non-vowel code point.
            if (char.IsHighSurrogate(w[i]) && i + 1 < w.Length && char.IsLowSurrogate(w[i + 1])) i++;
            return i + 1;
        }

        private readonly bool EndsWith(string suffix) => Current.EndsWith(suffix);

        private readonly bool InR1(int suffixLength) => Length - suffixLength >= _p1;

        private readonly bool InR2(int suffixLength) => Length - suffixLength >= _p2;

        /// <summary>The character just before a suffix of the given length, or '\0' if there is none.</summary>
        private readonly char Before(int suffixLength) => Length - suffixLength > 0 ? _buffer[Length - suffixLength - 1] : '\0';

        private void Replace(int suffixLength, string replacement)
        {
            Length -= suffixLength;
            replacement.AsSpan().CopyTo(_buffer[Length..]);
            Length += replacement.Length;
        }

        private void Remove(int count) => Length -= count;

        /// <summary>Removes the longest of the possessive suffixes <c>'s'</c>, <c>'s</c>, <c>'</c>.</summary>
        public void Step0()
        {
            if (EndsWith("'s'")) Remove(3);
            else if (EndsWith("'s")) Remove(2);
            else if (EndsWith("'")) Remove(1);
        }

        /// <summary>Plurals: sses, ied, ies, s (us and ss are left alone).</summary>
        public void Step1A()
        {
            if (EndsWith("sses"))
            {
                Remove(2);
            }
            else if (EndsWith("ied") || EndsWith("ies"))
            {
                // "i" if preceded by more than one letter, otherwise "ie" (ties -> tie, cries -> cri).
                if (HasAtLeastCodePoints(_buffer[..(Length - 3)], 2)) Replace(3, "i");
                else Replace(3, "ie");
            }
            else if (EndsWith("us") || EndsWith("ss"))
            {
            }
            else if (EndsWith("s"))
            {
                // Delete if a vowel occurs before the letter immediately preceding the s (gas, this keep it).
                if (Length >= 3 && ContainsVowel(_buffer[..(Length - 2)])) Remove(1);
            }
        }

        /// <summary>eed, eedly, ed, edly, ing, ingly.</summary>
        public void Step1B()
        {
            int suffix;
            if (EndsWith("eedly")) suffix = -5;
            else if (EndsWith("ingly")) suffix = 5;
            else if (EndsWith("edly")) suffix = 4;
            else if (EndsWith("eed")) suffix = -3;
            else if (EndsWith("ing")) suffix = 3;
            else if (EndsWith("ed")) suffix = 2;
            else return;

            if (suffix < 0)
            {
                if (InR1(-suffix)) Replace(-suffix, "ee");
                return;
            }

            if (!ContainsVowel(_buffer[..(Length - suffix)])) return;
            Remove(suffix);
            if (EndsWith("at") || EndsWith("bl") || EndsWith("iz"))
            {
                Append('e');
            }
            else if (EndsWithDouble())
            {
                Remove(1);
            }
            else if (_p1 == Length && EndsWithShortSyllable(Length))
            {
                // A short word: R1 is empty and it ends in a short syllable (hop -> hope).
                Append('e');
            }
        }

        private void Append(char c) => _buffer[Length++] = c;

        private readonly bool EndsWithDouble()
        {
            if (Length < 2) return false;
            var last = _buffer[Length - 1];
            return last == _buffer[Length - 2] && last is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't';
        }

        /// <summary>Final y or Y becomes i after a non-vowel that is not the first letter (cry -> cri, by -> by).</summary>
        public readonly void Step1C()
        {
            if (Length < 2) return;
            var last = _buffer[Length - 1];
            if (last is not ('y' or 'Y')) return;
            if (IsVowel(_buffer[Length - 2])) return;
            var start = CodePointStart(Length - 1);
            if (start > 0) _buffer[Length - 1] = 'i';
        }

        /// <summary>Index where the code point ending just before <paramref name="end"/> starts.</summary>
        private readonly int CodePointStart(int end)
        {
            var i = end - 1;
            if (i > 0 && char.IsLowSurrogate(_buffer[i]) && char.IsHighSurrogate(_buffer[i - 1])) i--;
            return i;
        }

        /// <summary>Derivational suffixes in R1 (tional, enci, ..., li).</summary>
        public void Step2()
        {
            if (Length < 2) return;
            switch (_buffer[Length - 1])
            {
                case 'l':
                    if (EndsWith("ational")) { if (InR1(7)) Replace(7, "ate"); }
                    else if (EndsWith("tional")) { if (InR1(6)) Remove(2); }
                    break;
                case 'n':
                    if (EndsWith("ization")) { if (InR1(7)) Replace(7, "ize"); }
                    else if (EndsWith("ation")) { if (InR1(5)) Replace(5, "ate"); }
                    break;
                case 'r':
                    if (EndsWith("izer")) { if (InR1(4)) Remove(1); }
                    else if (EndsWith("ator")) { if (InR1(4)) Replace(4, "ate"); }
                    break;
                case 'm':
                    if (EndsWith("alism") && InR1(5)) Replace(5, "al");
                    break;
                case 's':
                    if (EndsWith("fulness")) { if (InR1(7)) Remove(4); }
                    else if (EndsWith("ousness")) { if (InR1(7)) Remove(4); }
                    else if (EndsWith("iveness")) { if (InR1(7)) Remove(4); }
                    break;
                case 'i':
                    Step2EndingInI();
                    break;
            }
        }

        private void Step2EndingInI()
        {
            if (EndsWith("biliti")) { if (InR1(6)) Replace(6, "ble"); }
            else if (EndsWith("lessli")) { if (InR1(6)) Remove(2); }
            else if (EndsWith("entli")) { if (InR1(5)) Remove(2); }
            else if (EndsWith("aliti")) { if (InR1(5)) Replace(5, "al"); }
            else if (EndsWith("ousli")) { if (InR1(5)) Remove(2); }
            else if (EndsWith("iviti")) { if (InR1(5)) Replace(5, "ive"); }
            else if (EndsWith("fulli")) { if (InR1(5)) Remove(2); }
            else if (EndsWith("enci")) { if (InR1(4)) Replace(4, "ence"); }
            else if (EndsWith("anci")) { if (InR1(4)) Replace(4, "ance"); }
            else if (EndsWith("abli")) { if (InR1(4)) Replace(4, "able"); }
            else if (EndsWith("alli")) { if (InR1(4)) Remove(2); }
            else if (EndsWith("bli")) { if (InR1(3)) Replace(3, "ble"); }
            else if (EndsWith("ogi")) { if (InR1(3) && Before(3) == 'l') Remove(1); }
            else if (EndsWith("li")) { if (InR1(2) && IsValidLiEnding(Before(2))) Remove(2); }
        }

        private static bool IsValidLiEnding(char c) => c is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't';

        /// <summary>Further derivational suffixes in R1 (tional, ational, alize, icate, iciti, ical, ful, ness, ative).</summary>
        public void Step3()
        {
            if (Length < 3) return;
            switch (_buffer[Length - 1])
            {
                case 'l':
                    if (EndsWith("ational")) { if (InR1(7)) Replace(7, "ate"); }
                    else if (EndsWith("tional")) { if (InR1(6)) Remove(2); }
                    else if (EndsWith("ical")) { if (InR1(4)) Remove(2); }
                    else if (EndsWith("ful")) { if (InR1(3)) Remove(3); }
                    break;
                case 'e':
                    if (EndsWith("alize")) { if (InR1(5)) Remove(3); }
                    else if (EndsWith("icate")) { if (InR1(5)) Remove(3); }
                    else if (EndsWith("ative")) { if (InR1(5) && InR2(5)) Remove(5); }
                    break;
                case 'i':
                    if (EndsWith("iciti") && InR1(5)) Remove(3);
                    break;
                case 's':
                    if (EndsWith("ness") && InR1(4)) Remove(4);
                    break;
            }
        }

        /// <summary>Residual suffixes deleted when in R2 (al, ance, ..., ize; ion after s or t).</summary>
        public void Step4()
        {
            if (Length < 2) return;
            var suffix = 0;
            switch (_buffer[Length - 1])
            {
                case 'l':
                    if (EndsWith("al")) suffix = 2;
                    break;
                case 'e':
                    if (EndsWith("ance") || EndsWith("ence") || EndsWith("able") || EndsWith("ible")) suffix = 4;
                    else if (EndsWith("ate") || EndsWith("ive") || EndsWith("ize")) suffix = 3;
                    break;
                case 'r':
                    if (EndsWith("er")) suffix = 2;
                    break;
                case 'c':
                    if (EndsWith("ic")) suffix = 2;
                    break;
                case 't':
                    if (EndsWith("ement")) suffix = 5;
                    else if (EndsWith("ment")) suffix = 4;
                    else if (EndsWith("ant") || EndsWith("ent")) suffix = 3;
                    break;
                case 'm':
                    if (EndsWith("ism")) suffix = 3;
                    break;
                case 'i':
                    if (EndsWith("iti")) suffix = 3;
                    break;
                case 's':
                    if (EndsWith("ous")) suffix = 3;
                    break;
                case 'n':
                    if (EndsWith("ion"))
                    {
                        if (InR2(3) && Before(3) is 's' or 't') Remove(3);
                        return;
                    }
                    break;
            }
            if (suffix > 0 && InR2(suffix)) Remove(suffix);
        }

        /// <summary>Final e (in R2, or in R1 after no short syllable) and the second l of a final ll in R2.</summary>
        public void Step5()
        {
            if (Length < 1) return;
            var last = _buffer[Length - 1];
            if (last == 'e')
            {
                if (InR2(1) || (InR1(1) && !EndsWithShortSyllable(Length - 1))) Remove(1);
            }
            else if (last == 'l')
            {
                if (InR2(1) && Before(1) == 'l') Remove(1);
            }
        }

        /// <summary>
        /// Whether the text before <paramref name="end"/> ends in a short syllable: a non-vowel other than w, x or Y
        /// after a vowel after a non-vowel, or a non-vowel after a vowel that begins the word.
        /// </summary>
        private readonly bool EndsWithShortSyllable(int end)
        {
            if (end < 2) return false;
            var lastStart = CodePointStart(end);
            var last = _buffer[lastStart];
            if (IsVowel(last) || lastStart < 1) return false;
            var vowelIndex = lastStart - 1;
            if (!IsVowel(_buffer[vowelIndex])) return false;
            if (vowelIndex == 0) return true;
            return !IsVowel(_buffer[vowelIndex - 1]) && last is not ('w' or 'x' or 'Y');
        }

        private static bool ContainsVowel(ReadOnlySpan<char> text) => text.IndexOfAny("aeiouy") >= 0;
    }
}
