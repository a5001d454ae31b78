using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using WireTrace.Core.Hashing;

namespace WireTrace.Core.Text;

/// <summary>
/// What one distinct token text (its characters as written, e.g. "Don’t", "said", "300,000", ",") analyses to:
/// its kind, comparison form, stem and stop-word flag, and what comparison needs of it (its character 4-grams, a
/// hash of its norm, its term id in the current vocabulary), shared by every <see cref="Token"/> of that text that
/// a <see cref="Lexicon"/> hands out. Everything but the term id is fixed at construction; short texts and their
/// grams are held inline, so reading a token's lexeme touches one object.
/// </summary>
internal sealed class Lexeme
{
    /// <summary>The first eight characters of <see cref="Text"/> and its length, so most comparisons need not read the string.</summary>
    private readonly Head _head;

    /// <summary>The grams when there are at most <see cref="GramBlock.Length"/> of them (words of up to 9 characters).</summary>
    private readonly GramBlock _grams;

    /// <summary>The grams of longer words.</summary>
    private readonly uint[]? _moreGrams;

    private readonly int _gramCount;

    /// <summary><see cref="Vocabulary"/> serial (high half) and term id (low half) of the last vocabulary that asked; 0 for none.</summary>
    private long _term;

    public Lexeme(string text, int hash, TokenKind kind, string norm, string stem, bool isStopword)
    {
        Text = text;
        Hash = hash;
        _head = HeadOf(text);
        Kind = kind;
        Norm = norm;
        Stem = stem;
        IsStopword = isStopword;
        StartsUpper = text.Length > 0 && char.IsUpper(text[0]);
        NormHash = XxHash64.Hash(norm.AsSpan());
        IsContentTerm = kind == TokenKind.Number || (kind == TokenKind.Word && !isStopword);
        _defaultContentHash = XxHash64.Hash(ContentForm.AsSpan(), HashSeeds.Fingerprints);
        if (kind is TokenKind.Word or TokenKind.Number)
        {
            var grams = CharGrams.Of(norm);
            _gramCount = grams.Length;
            if (grams.Length <= GramBlock.Length) grams.CopyTo((Span<uint>)_grams);
            else _moreGrams = grams;
        }
    }

    /// <summary>The token's characters as written (the same string as <see cref="Norm"/> when they are equal).</summary>
    public string Text { get; }

    /// <summary>The <see cref="Lexicon"/>'s hash of <see cref="Text"/>.</summary>
    public int Hash { get; }

    public TokenKind Kind { get; }

    /// <summary>The comparison form (<see cref="TextNormalizer.Normalize(ReadOnlySpan{char})"/> of the characters).</summary>
    public string Norm { get; }

    /// <summary>The stem of <see cref="Norm"/> for a word; <see cref="Norm"/> itself for any other kind.</summary>
    public string Stem { get; }

    public bool IsStopword { get; }

    /// <summary>Whether the first character as written is upper case ("Paris", not "paris").</summary>
    public bool StartsUpper { get; }

    /// <summary>XXH64 of <see cref="Norm"/>'s UTF-16 form (seed 0).</summary>
    public ulong NormHash { get; }

    /// <summary>The <see cref="CharGrams.Of"/> of <see cref="Norm"/> for words and numbers (sorted, distinct); empty for other kinds.</summary>
    public ReadOnlySpan<uint> Grams => _moreGrams ?? ((ReadOnlySpan<uint>)_grams)[.._gramCount];

    /// <summary>The term id remembered for the vocabulary numbered <paramref name="vocabulary"/> (never 0), if it is the last one that asked.</summary>
    public bool TryGetTermId(int vocabulary, out int id)
    {
        long term = Volatile.Read(ref _term);
        id = (int)term;
        return (int)(term >> 32) == vocabulary;
    }

    /// <summary>Remembers the term id of <see cref="Stem"/> in the vocabulary numbered <paramref name="vocabulary"/>.</summary>
    public void SetTermId(int vocabulary, int id) => Volatile.Write(ref _term, ((long)vocabulary << 32) | (uint)id);

    /// <summary>Whether fingerprints take this text as a content term: a number, or a word that is not a stop word.</summary>
    public bool IsContentTerm { get; }

    /// <summary>
    /// The hash fingerprints give this text as a content term under <paramref name="seed"/>: XXH64 of <see cref="Norm"/>
    /// for a number, of <see cref="Stem"/> otherwise. The hash under the default seed (<see cref="HashSeeds.Fingerprints"/>)
    /// is made with the lexeme and held inline, next to its kind, so hashing an article's content terms reads one
    /// object per token; another seed's is remembered for the last seed asked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ContentHash(ulong seed) => seed == HashSeeds.Fingerprints ? _defaultContentHash : OtherSeedContentHash(seed);

    private ulong OtherSeedContentHash(ulong seed)
    {
        var cached = Volatile.Read(ref _contentHash);
        if (cached is not null && cached.Seed == seed) return cached.Value;
        ulong value = XxHash64.Hash(ContentForm.AsSpan(), seed);
        Volatile.Write(ref _contentHash, new SeededHash(seed, value));
        return value;
    }

    /// <summary>What a content hash is made of: <see cref="Norm"/> for a number, <see cref="Stem"/> otherwise.</summary>
    private string ContentForm => Kind == TokenKind.Number ? Norm : Stem;

    private readonly ulong _defaultContentHash;

    private SeededHash? _contentHash;

    private sealed record SeededHash(ulong Seed, ulong Value);

    /// <summary>Whether <paramref name="text"/>, whose <see cref="HeadOf"/> is <paramref name="head"/>, is this lexeme's <see cref="Text"/>.</summary>
    public bool Is(ReadOnlySpan<char> text, Head head) =>
        head == _head && (text.Length <= Head.Chars || text[Head.Chars..].SequenceEqual(Text.AsSpan(Head.Chars)));

    /// <summary>The first eight characters of <paramref name="text"/> (zeros after its end) and its length.</summary>
    public static Head HeadOf(ReadOnlySpan<char> text)
    {
        Span<char> chars = stackalloc char[Head.Chars];
        if (text.Length >= Head.Chars) text[..Head.Chars].CopyTo(chars);
        else
        {
            chars.Clear();
            text.CopyTo(chars);
        }
        var bytes = MemoryMarshal.AsBytes(chars);
        return new Head(MemoryMarshal.Read<ulong>(bytes), MemoryMarshal.Read<ulong>(bytes[8..]), text.Length);
    }

    /// <summary>Room for the grams of a word of up to 9 characters.</summary>
    [InlineArray(Length)]
    private struct GramBlock
    {
        public const int Length = 8;

        private uint _first;
    }
}

/// <summary>The first <see cref="Chars"/> UTF-16 code units of a token text, packed, and the text's length.</summary>
internal readonly record struct Head(ulong First, ulong Second, int Length)
{
    public const int Chars = 8;
}
