using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using WireTrace.Core.Text.Stemming;

namespace WireTrace.Core.Text;

/// <summary>
/// A bounded, thread-safe cache of <see cref="Lexeme"/>s keyed by a token's characters as written. News text
/// repeats its words, so most tokens cost one hash and one probe, with no allocation, instead of a normalisation, a
/// stemmer lookup and a stop-word lookup each. Caching by the written characters is exact because a token's
/// analysis depends on nothing else: <see cref="TextNormalizer"/> maps a character sequence on its own, the stemmer
/// and <see cref="Stopwords"/> see only the norm, and the kind comes from the tokenizer (it is checked on every hit).
/// <para>The cache is an insert-only open-addressing table of twice <see cref="Capacity"/> slots, filled with
/// compare-and-swap and read without locks; when it holds <see cref="Capacity"/> lexemes it is replaced by an empty
/// one, so it keeps the words of the recent past while a crawl's vocabulary grows without bound. Slots are found by
/// the framework's per-process randomised string hash, so crafted text cannot make probes long.</para>
/// </summary>
internal sealed class Lexicon
{
    /// <summary>Default number of cached token texts (about the distinct written tokens of 100,000 news articles).</summary>
    public const int DefaultCapacity = 1 << 18;

    private readonly IStemmer _stemmer;
    private Table _table;

    public Lexicon(IStemmer stemmer, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(stemmer);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, 1 << 29);
        _stemmer = stemmer;
        Capacity = capacity;
        _table = new Table(capacity);
    }

    /// <summary>The maximum number of cached lexemes.</summary>
    public int Capacity { get; }

    /// <summary>Number of lexemes cached now.</summary>
    public int Count => Volatile.Read(ref _table).Count;

    /// <summary>The lexeme of a token of kind <paramref name="kind"/> written as <paramref name="text"/>.</summary>
    public Lexeme Get(ReadOnlySpan<char> text, TokenKind kind)
    {
        var table = Volatile.Read(ref _table);
        int hash = string.GetHashCode(text);
        var head = Lexeme.HeadOf(text);
        var slots = table.Slots;
        int mask = slots.Length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask)
        {
            var entry = Volatile.Read(ref slots[i]);
            if (entry is null) break;
            if (entry.Hash == hash && entry.Is(text, head))
            {
                // The same characters as another kind would be a tokenizer change; such a token is analysed afresh.
                return entry.Kind == kind ? entry : Analyze(text, kind, hash);
            }
        }
        var lexeme = Analyze(text, kind, hash);
        var stored = table.Add(lexeme);
        if (ReferenceEquals(stored, lexeme) && Interlocked.Increment(ref table.Count) >= Capacity)
        {
            Interlocked.CompareExchange(ref _table, new Table(Capacity), table);
        }
        return stored.Kind == kind ? stored : lexeme;
    }

    /// <summary>
    /// The lexemes of several tokens of <paramref name="text"/> into <paramref name="lexemes"/>: the same as
    /// <see cref="Get"/> for each, but in three passes so that the memory reads of neighbouring tokens overlap
    /// instead of waiting for one another: hash every token and prefetch its table slot; read the slots and prefetch
    /// the lexemes they hold; then check each lexeme against its token. (Storing a slot's lexeme right after
    /// loading it, as one pass would, makes each token wait for its slot: the store's write barrier needs the value.)
    /// </summary>
    public void GetAll(string text, ReadOnlySpan<RawToken> tokens, Span<Lexeme?> lexemes)
    {
        var slots = Volatile.Read(ref _table).Slots;
        int mask = slots.Length - 1;
        const int StackSlots = 256;
        Span<int> found = tokens.Length <= StackSlots ? stackalloc int[StackSlots] : new int[tokens.Length];
        ref var slot0 = ref MemoryMarshal.GetArrayDataReference(slots);
        for (int k = 0; k < tokens.Length; k++)
        {
            int slot = string.GetHashCode(text.AsSpan(tokens[k].Start, tokens[k].Length)) & mask;
            found[k] = slot;
            MemoryPrefetch.Read(ref Unsafe.Add(ref slot0, slot));
        }
        for (int k = 0; k < tokens.Length; k++)
        {
            var entry = Volatile.Read(ref Unsafe.Add(ref slot0, found[k]));
            if (entry is not null) MemoryPrefetch.Object(entry);
            lexemes[k] = entry;
        }
        for (int k = 0; k < tokens.Length; k++)
        {
            var written = text.AsSpan(tokens[k].Start, tokens[k].Length);
            var first = lexemes[k];
            lexemes[k] = first is not null && first.Kind == tokens[k].Kind && first.Is(written, Lexeme.HeadOf(written))
                ? first
                : Get(written, tokens[k].Kind);
        }
    }

    private Lexeme Analyze(ReadOnlySpan<char> text, TokenKind kind, int hash)
    {
        string norm = TextNormalizer.Normalize(text);
        string written = text.SequenceEqual(norm) ? norm : text.ToString();
        if (kind != TokenKind.Word) return new Lexeme(written, hash, kind, norm, norm, false);
        return new Lexeme(written, hash, kind, norm, _stemmer.Stem(norm), Stopwords.Contains(norm));
    }

    /// <summary>One filling of the cache: slots that go from empty to a lexeme once and never change again.</summary>
    private sealed class Table(int capacity)
    {
        public readonly Lexeme?[] Slots = new Lexeme?[(int)BitOperations.RoundUpToPowerOf2((uint)capacity * 2)];
        public int Count;

        /// <summary>Stores <paramref name="lexeme"/>, or returns the lexeme of the same text that another thread stored first.</summary>
        public Lexeme Add(Lexeme lexeme)
        {
            int mask = Slots.Length - 1;
            for (int i = lexeme.Hash & mask, probes = 0; probes < Slots.Length; i = (i + 1) & mask, probes++)
            {
                var entry = Interlocked.CompareExchange(ref Slots[i], lexeme, null);
                if (entry is null) return lexeme;
                if (entry.Hash == lexeme.Hash && entry.Text == lexeme.Text) return entry;
            }
            return lexeme;   // full: only when threads still fill a table that has just been replaced
        }
    }
}
