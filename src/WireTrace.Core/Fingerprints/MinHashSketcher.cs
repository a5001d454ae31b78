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
        int count = Math.Max(1, terms.Length - shingleSize + 1);
        var rented = ArrayPool<uint>.Shared.Rent(count);
        try
        {
            var shingles = rented.AsSpan(0, count);
            ShingleHashes(terms, shingleSize, Seed, shingles);
            var sketch = new uint[Size];
            Sketch(shingles, sketch);
            return sketch;
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }

    /// <summary>32-bit hashes of the word shingles: XXH64 of each run of <paramref name="shingleSize"/> term hashes, folded.</summary>
    public static void ShingleHashes(ReadOnlySpan<ulong> terms, int shingleSize, ulong seed, Span<uint> destination)
    {
        if (terms.Length <= shingleSize)
        {
            destination[0] = Fold(XxHash64.Hash(terms, seed));
            return;
        }
        for (int i = 0; i + shingleSize <= terms.Length; i++)
        {
            destination[i] = Fold(XxHash64.Hash(terms.Slice(i, shingleSize), seed));
        }
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
