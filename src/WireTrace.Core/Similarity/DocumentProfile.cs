using System.Buffers;
using System.Numerics;
using WireTrace.Core.Text;

namespace WireTrace.Core.Similarity;

/// <summary>The comparison profile of one analysed article: one <see cref="SentenceProfile"/> per sentence.</summary>
public sealed class DocumentProfile
{
    public DocumentProfile(TextModel model, IReadOnlyList<SentenceProfile> sentences)
    {
        Model = model;
        Sentences = sentences;
    }

    public TextModel Model { get; }

    public IReadOnlyList<SentenceProfile> Sentences { get; }

    private EventTerms? _names;
    private EventTerms? _numbers;
    private long[]? _sentenceTerms;

    /// <summary>The distinct name ids of the whole document (see <see cref="EventTerms"/>), made once.</summary>
    public EventTerms Names => _names ??= EventTerms.Of(Sentences, static s => s.Names);

    /// <summary>The distinct number ids of the whole document (see <see cref="EventTerms"/>), made once.</summary>
    public EventTerms Numbers => _numbers ??= EventTerms.Of(Sentences, static s => s.Numbers);

    /// <summary>
    /// Every (term id, sentence index) of the document as <c>term &lt;&lt; 32 | sentence</c>, sorted: the posting
    /// lists a sparse sentence-score matrix merges (<see cref="LexicalSentenceSimilarity.ScoreMatrix"/>), made once.
    /// </summary>
    public ReadOnlySpan<long> SentenceTerms => _sentenceTerms ??= BuildSentenceTerms(Sentences);

    private static long[] BuildSentenceTerms(IReadOnlyList<SentenceProfile> sentences)
    {
        int count = 0;
        foreach (var s in sentences) count += s.Terms.Length;
        var keys = new long[count];
        int k = 0;
        for (int i = 0; i < sentences.Count; i++)
        {
            foreach (var t in sentences[i].Terms) keys[k++] = ((long)t << 32) | (uint)i;
        }
        Array.Sort(keys);
        return keys;
    }

    /// <summary>Builds the profile of a text model, giving terms ids from <paramref name="vocabulary"/>.</summary>
    /// <param name="withCharGrams">
    /// False leaves out the character grams, for a pass that only counts terms and collects names (see
    /// <see cref="Analysis.AnalysisContext.Count"/>): such a profile must not be compared, as its sentences hold no grams.
    /// </param>
    public static DocumentProfile Build(TextModel model, Vocabulary vocabulary, bool withCharGrams = true)
    {
        var sentences = new SentenceProfile[model.Sentences.Count];
        int longest = 0;
        foreach (var sentence in model.Sentences) longest = Math.Max(longest, sentence.TokenCount);
        int[] terms = ArrayPool<int>.Shared.Rent(longest);
        int[] numbers = ArrayPool<int>.Shared.Rent(longest);
        int[] names = ArrayPool<int>.Shared.Rent(longest);
        uint[] grams = ArrayPool<uint>.Shared.Rent(longest * 8);
        uint[] scratch = ArrayPool<uint>.Shared.Rent(grams.Length);
        var tokens = model.Tokens;
        for (int si = 0; si < sentences.Length; si++)
        {
            var sentence = model.Sentences[si];
            int termCount = 0, numberCount = 0, nameCount = 0, gramCount = 0;
            int content = 0;
            bool first = true;
            for (int ti = sentence.FirstToken; ti < sentence.FirstToken + sentence.TokenCount; ti++)
            {
                var lexeme = tokens[ti].Lexeme;
                if (lexeme.Kind is not (TokenKind.Word or TokenKind.Number)) continue;
                content++;
                if (withCharGrams)
                {
                    var wordGrams = lexeme.Grams;
                    if (gramCount + wordGrams.Length > grams.Length) grams = Grow(grams, gramCount, gramCount + wordGrams.Length);
                    wordGrams.CopyTo(grams.AsSpan(gramCount));
                    gramCount += wordGrams.Length;
                }
                if (lexeme.Kind == TokenKind.Number)
                {
                    int id = vocabulary.IdOf(lexeme);
                    terms[termCount++] = id;
                    numbers[numberCount++] = id;
                }
                else if (!lexeme.IsStopword)
                {
                    int id = vocabulary.IdOf(lexeme);
                    terms[termCount++] = id;
                    if (!first && lexeme.StartsUpper) names[nameCount++] = id;
                }
                first = false;
            }
            if (scratch.Length < gramCount) scratch = Grow(scratch, 0, grams.Length);
            SortHashes(grams.AsSpan(0, gramCount), scratch);
            sentences[si] = new SentenceProfile(
                si,
                SortedDistinct(terms.AsSpan(0, termCount)),
                Distinct(grams.AsSpan(0, gramCount)),
                SortedDistinct(numbers.AsSpan(0, numberCount)),
                SortedDistinct(names.AsSpan(0, nameCount)),
                content);
        }
        ArrayPool<int>.Shared.Return(terms);
        ArrayPool<int>.Shared.Return(numbers);
        ArrayPool<int>.Shared.Return(names);
        ArrayPool<uint>.Shared.Return(grams);
        ArrayPool<uint>.Shared.Return(scratch);
        return new DocumentProfile(model, sentences);
    }

    private static uint[] Grow(uint[] buffer, int used, int needed)
    {
        var larger = ArrayPool<uint>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan(0, used).CopyTo(larger);
        ArrayPool<uint>.Shared.Return(buffer);
        return larger;
    }

    /// <summary>
    /// Sorts hash values in place: a bucket pass on their top bits (about two buckets per value, so hashes,
    /// which spread evenly, land nearly alone) and an insertion sort that moves each value only within its
    /// bucket. A few times faster than <see cref="MemoryExtensions.Sort{T}(Span{T})"/> on the 20-500 grams of a
    /// sentence; when a bucket holds more than 32 values (not hashes of text, or an attack) it uses that sort instead.
    /// </summary>
    internal static void SortHashes(Span<uint> items, Span<uint> scratch)
    {
        int n = items.Length;
        if (n <= 16)
        {
            items.Sort();
            return;
        }
        int bits = Math.Clamp(BitOperations.Log2((uint)n) + 1, 5, 12);
        int shift = 32 - bits;
        Span<int> starts = stackalloc int[(1 << bits) + 1];
        foreach (uint v in items) starts[(int)(v >> shift) + 1]++;
        int fullest = 0;
        for (int b = 1; b < starts.Length; b++)
        {
            fullest = Math.Max(fullest, starts[b]);
            starts[b] += starts[b - 1];
        }
        if (fullest > 32)
        {
            items.Sort();
            return;
        }
        foreach (uint v in items) scratch[starts[(int)(v >> shift)]++] = v;
        for (int i = 0; i < n; i++)
        {
            uint v = scratch[i];
            int j = i;
            while (j > 0 && items[j - 1] > v)
            {
                items[j] = items[j - 1];
                j--;
            }
            items[j] = v;
        }
    }

    /// <summary>The distinct values of <paramref name="items"/> in ascending order (sorts <paramref name="items"/> in place).</summary>
    private static T[] SortedDistinct<T>(Span<T> items) where T : IComparable<T>, IEquatable<T>
    {
        items.Sort();
        return Distinct(items);
    }

    /// <summary>The distinct values of sorted <paramref name="items"/> (compacted in place).</summary>
    private static T[] Distinct<T>(Span<T> items) where T : IEquatable<T>
    {
        if (items.IsEmpty) return [];
        int w = 1;
        for (int r = 1; r < items.Length; r++)
        {
            if (!items[r].Equals(items[w - 1])) items[w++] = items[r];
        }
        return items[..w].ToArray();
    }
}
