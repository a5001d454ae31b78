using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using WireTrace.Core.Hashing;

namespace WireTrace.Core.Fingerprints;

/// <summary>
/// MinHash with k independent hash functions over 32-bit shingle hashes. Function i is
/// h_i(x) = fmix((x ⊕ s_i) · m_i) with a seeded odd multiplier m_i, a seeded mask s_i and a murmur-style
/// finaliser; the sketch holds min_x h_i(x) for each i, so two sketches agree at position i with
/// probability equal to the Jaccard similarity of the shingle sets. The k functions are evaluated
/// <see cref="Vector{T}"/>-wide when the hardware accelerates it (8 at a time with AVX2), otherwise one
/// by one; both give the same sketch.
/// </summary>
public sealed class MinHashSketcher
{
    private const uint FinalMultiplier = 0x85EBCA6Bu;

    private readonly uint[] _masks;
    private readonly uint[] _multipliers;

    public MinHashSketcher(int size, ulong seed)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), size, "must be at least 1");
        Size = size;
        Seed = seed;
        _masks = new uint[size];
        _multipliers = new uint[size];
        ulong state = seed;
        for (int i = 0; i < size; i++)
        {
            ulong r = SplitMix64(ref state);
            _masks[i] = (uint)r;
            _multipliers[i] = (uint)(r >> 32) | 1u;
        }
    }

    /// <summary>Values per sketch.</summary>
    public int Size { get; }

    public ulong Seed { get; }

    /// <summary>
    /// The sketch of the shingles of <paramref name="terms"/> (runs of <paramref name="shingleSize"/> consecutive
    /// term hashes; a text shorter than one shingle is one shingle). Empty when there is no term.
    /// </summary>
    public uint[] SketchShingles(ReadOnlySpan<ulong> terms, int shingleSize)
    {
        if (terms.Length == 0) return [];
        int count = ShingleCount(terms.Length, shingleSize);
        var rented = ArrayPool<ulong>.Shared.Rent(count);
        try
        {
            var shingles = rented.AsSpan(0, count);
            GramHashes(terms, shingleSize, Seed, shingles);
            return SketchOf(shingles);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }

    /// <summary>The sketch of shingles given as 64-bit hashes (from <see cref="GramHashes"/>); empty when there is none.</summary>
    public uint[] SketchOf(ReadOnlySpan<ulong> shingles)
    {
        if (shingles.Length == 0) return [];
        var rented = ArrayPool<uint>.Shared.Rent(shingles.Length);
        try
        {
            var folded = rented.AsSpan(0, shingles.Length);
            for (int i = 0; i < shingles.Length; i++) folded[i] = Fold(shingles[i]);
            var sketch = new uint[Size];
            Sketch(folded, sketch);
            return sketch;
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }

    /// <summary>Shingles of <paramref name="shingleSize"/> terms in a text of <paramref name="terms"/> terms (a short text is one shingle, no text none).</summary>
    public static int ShingleCount(int terms, int shingleSize) => terms == 0 ? 0 : Math.Max(1, terms - shingleSize + 1);

    /// <summary>32-bit hashes of the word shingles: <see cref="GramHash"/> of each run of <paramref name="shingleSize"/> term hashes, folded.</summary>
    public static void ShingleHashes(ReadOnlySpan<ulong> terms, int shingleSize, ulong seed, Span<uint> destination)
    {
        int count = ShingleCount(terms.Length, shingleSize);
        for (int i = 0; i < count; i++) destination[i] = Fold(GramHash(terms.Slice(i, Math.Min(shingleSize, terms.Length)), seed));
    }

    /// <summary>
    /// 64-bit hashes of every run of <paramref name="size"/> consecutive term hashes (<see cref="ShingleCount"/> of them;
    /// one hash of all the terms when there are no more than <paramref name="size"/>).
    /// </summary>
    public static void GramHashes(ReadOnlySpan<ulong> terms, int size, ulong seed, Span<ulong> destination)
    {
        if (terms.Length <= size)
        {
            if (terms.Length > 0) destination[0] = GramHash(terms, seed);
            return;
        }
        if (size == 3)
        {
            // The common case, unrolled: each term's mixed value is computed once and reused by the three grams holding it.
            ulong start = XxHash64.TailStart(seed, 3);
            ulong m0 = XxHash64.LaneMix(terms[0]), m1 = XxHash64.LaneMix(terms[1]);
            for (int i = 0; i + 3 <= terms.Length; i++)
            {
                ulong m2 = XxHash64.LaneMix(terms[i + 2]);
                ulong h = XxHash64.LaneStep(XxHash64.LaneStep(XxHash64.LaneStep(start, m0), m1), m2);
                destination[i] = XxHash64.Avalanche(h);
                m0 = m1;
                m1 = m2;
            }
            return;
        }
        for (int i = 0; i + size <= terms.Length; i++) destination[i] = GramHash(terms.Slice(i, size), seed);
    }

    /// <summary>
    /// The hash of one run of term hashes: XXH64's lane step over each (already random) 64-bit term hash, seeded by
    /// the length, then XXH64's avalanche. Cheaper than XXH64 of the bytes (no four-lane stripe) and as well mixed
    /// for inputs that are hashes already.
    /// </summary>
    public static ulong GramHash(ReadOnlySpan<ulong> terms, ulong seed)
    {
        ulong h = XxHash64.TailStart(seed, (ulong)terms.Length);
        foreach (ulong t in terms) h = XxHash64.LaneStep(h, XxHash64.LaneMix(t));
        return XxHash64.Avalanche(h);
    }

    /// <summary>Fills <paramref name="sketch"/> (length <see cref="Size"/>) with the minima over <paramref name="shingles"/>.</summary>
    public void Sketch(ReadOnlySpan<uint> shingles, Span<uint> sketch)
    {
        if (Vector.IsHardwareAccelerated && Size >= Vector<uint>.Count) SketchVector(shingles, sketch);
        else SketchScalar(shingles, sketch);
    }

    /// <summary>One function at a time (the fallback).</summary>
    internal void SketchScalar(ReadOnlySpan<uint> shingles, Span<uint> sketch)
    {
        if (sketch.Length != Size) throw new ArgumentException($"the sketch must hold {Size} values", nameof(sketch));
        for (int i = 0; i < Size; i++)
        {
            uint mask = _masks[i], multiplier = _multipliers[i], min = uint.MaxValue;
            foreach (uint x in shingles)
            {
                uint h = Function(x, mask, multiplier);
                if (h < min) min = h;
            }
            sketch[i] = min;
        }
    }

    /// <summary><see cref="Vector{T}.Count"/> functions at a time; the tail, if any, one at a time.</summary>
    internal void SketchVector(ReadOnlySpan<uint> shingles, Span<uint> sketch)
    {
        if (sketch.Length != Size) throw new ArgumentException($"the sketch must hold {Size} values", nameof(sketch));
        int width = Vector<uint>.Count;
        var masks = MemoryMarshal.Cast<uint, Vector<uint>>(_masks.AsSpan());
        var multipliers = MemoryMarshal.Cast<uint, Vector<uint>>(_multipliers.AsSpan());
        var output = MemoryMarshal.Cast<uint, Vector<uint>>(sketch);
        var final = new Vector<uint>(FinalMultiplier);
        for (int block = 0; block < masks.Length; block++)
        {
            var mask = masks[block];
            var multiplier = multipliers[block];
            var min = new Vector<uint>(uint.MaxValue);
            foreach (uint x in shingles)
            {
                var h = (new Vector<uint>(x) ^ mask) * multiplier;
                h ^= Vector.ShiftRightLogical(h, 16);
                h *= final;
                h ^= Vector.ShiftRightLogical(h, 13);
                min = Vector.Min(min, h);
            }
            output[block] = min;
        }
        for (int i = masks.Length * width; i < Size; i++)
        {
            uint mask = _masks[i], multiplier = _multipliers[i], min = uint.MaxValue;
            foreach (uint x in shingles)
            {
                uint h = Function(x, mask, multiplier);
                if (h < min) min = h;
            }
            sketch[i] = min;
        }
    }

    /// <summary>Share of positions where two sketches agree: the MinHash estimate of Jaccard similarity.</summary>
    public static double EstimateJaccard(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("sketches of different sizes");
        if (a.Length == 0) return 0;
        int same = 0;
        for (int i = 0; i < a.Length; i++) if (a[i] == b[i]) same++;
        return (double)same / a.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Function(uint x, uint mask, uint multiplier)
    {
        uint h = (x ^ mask) * multiplier;
        h ^= h >> 16;
        h *= FinalMultiplier;
        return h ^ (h >> 13);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Fold(ulong h) => (uint)h ^ (uint)(h >> 32);

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
