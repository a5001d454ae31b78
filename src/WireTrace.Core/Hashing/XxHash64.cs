using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WireTrace.Core.Hashing;

/// <summary>
/// XXH64 (Yann Collet's xxHash, 64-bit variant), written here because System.IO.Hashing is not available.
/// Input bytes are read little-endian whatever the machine, so a value is the same on every platform and
/// equals the reference implementation's. The <see cref="ReadOnlySpan{T}"/> of <see cref="ulong"/> and
/// <see cref="int"/> overloads hash the little-endian bytes of the values without copying them: they give the
/// same result as hashing those bytes, just faster (whole 8-byte lanes, no byte reassembly).
/// </summary>
public static class XxHash64
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;
    private const ulong Prime4 = 0x85EBCA77C2B2AE63UL;
    private const ulong Prime5 = 0x27D4EB2F165667C5UL;

    /// <summary>XXH64 of <paramref name="data"/> with <paramref name="seed"/>.</summary>
    public static ulong Hash(ReadOnlySpan<byte> data, ulong seed = 0)
    {
        int length = data.Length;
        int offset = 0;
        ulong h;
        if (length >= 32)
        {
            ulong v1 = seed + Prime1 + Prime2, v2 = seed + Prime2, v3 = seed, v4 = seed - Prime1;
            int limit = length - 32;
            do
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(offset)));
                v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(offset + 8)));
                v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(offset + 16)));
                v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(offset + 24)));
                offset += 32;
            }
            while (offset <= limit);
            h = Converge(v1, v2, v3, v4);
        }
        else
        {
            h = seed + Prime5;
        }
        h += (ulong)length;
        while (offset + 8 <= length)
        {
            h = Lane8(h, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(offset)));
            offset += 8;
        }
        if (offset + 4 <= length)
        {
            h = Lane4(h, BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(offset)));
            offset += 4;
        }
        while (offset < length)
        {
            h = Lane1(h, data[offset]);
            offset++;
        }
        return Avalanche(h);
    }

    /// <summary>XXH64 of the little-endian bytes of <paramref name="values"/> (8 bytes each): the fast path for token-hash n-grams.</summary>
    public static ulong Hash(ReadOnlySpan<ulong> values, ulong seed = 0)
    {
        if (!BitConverter.IsLittleEndian) return Hash(MemoryMarshal.AsBytes(ToLittleEndian(values)), seed);
        int count = values.Length;
        int i = 0;
        ulong h;
        if (count >= 4)
        {
            ulong v1 = seed + Prime1 + Prime2, v2 = seed + Prime2, v3 = seed, v4 = seed - Prime1;
            do
            {
                v1 = Round(v1, values[i]);
                v2 = Round(v2, values[i + 1]);
                v3 = Round(v3, values[i + 2]);
                v4 = Round(v4, values[i + 3]);
                i += 4;
            }
            while (i + 4 <= count);
            h = Converge(v1, v2, v3, v4);
        }
        else
        {
            h = seed + Prime5;
        }
        h += (ulong)count * 8;
        for (; i < count; i++) h = Lane8(h, values[i]);
        return Avalanche(h);
    }

    /// <summary>XXH64 of the little-endian bytes of <paramref name="values"/> (4 bytes each), e.g. term ids.</summary>
    public static ulong Hash(ReadOnlySpan<int> values, ulong seed = 0)
    {
        if (!BitConverter.IsLittleEndian)
        {
            var copy = new int[values.Length];
            for (int k = 0; k < copy.Length; k++) copy[k] = BinaryPrimitives.ReverseEndianness(values[k]);
            return Hash(MemoryMarshal.AsBytes(copy.AsSpan()), seed);
        }
        return Hash(MemoryMarshal.AsBytes(values), seed);
    }

    /// <summary>XXH64 of one 8-byte value (its little-endian bytes): a strong 64-bit mixer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ulong value, ulong seed = 0) => Avalanche(Lane8(seed + Prime5 + 8, value));

    /// <summary>XXH64 of the UTF-16 code units of <paramref name="text"/> (little-endian), e.g. a stem.</summary>
    public static ulong Hash(ReadOnlySpan<char> text, ulong seed = 0)
    {
        if (!BitConverter.IsLittleEndian)
        {
            var bytes = new byte[text.Length * 2];
            for (int k = 0; k < text.Length; k++) BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(k * 2), text[k]);
            return Hash(bytes, seed);
        }
        return Hash(MemoryMarshal.AsBytes(text), seed);
    }

    private static ulong[] ToLittleEndian(ReadOnlySpan<ulong> values)
    {
        var copy = new ulong[values.Length];
        for (int k = 0; k < copy.Length; k++) copy[k] = BinaryPrimitives.ReverseEndianness(values[k]);
        return copy;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Round(ulong acc, ulong input)
    {
        acc += input * Prime2;
        acc = ulong.RotateLeft(acc, 31);
        return acc * Prime1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Merge(ulong acc, ulong v)
    {
        acc ^= Round(0, v);
        return acc * Prime1 + Prime4;
    }

    private static ulong Converge(ulong v1, ulong v2, ulong v3, ulong v4)
    {
        ulong h = ulong.RotateLeft(v1, 1) + ulong.RotateLeft(v2, 7) + ulong.RotateLeft(v3, 12) + ulong.RotateLeft(v4, 18);
        h = Merge(h, v1);
        h = Merge(h, v2);
        h = Merge(h, v3);
        return Merge(h, v4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Lane8(ulong h, ulong lane) => LaneStep(h, LaneMix(lane));

    /// <summary>The starting state of XXH64's tail loop for an input of <paramref name="length"/> bytes (short inputs start there).</summary>
    internal static ulong TailStart(ulong seed, ulong length) => seed + Prime5 + length;

    /// <summary>The mixed form of one 8-byte lane, which <see cref="LaneStep"/> folds in (computed once, it can serve several states).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong LaneMix(ulong lane) => Round(0, lane);

    /// <summary>Folds one mixed lane (<see cref="LaneMix"/>) into the state: XXH64's step for a whole 8-byte lane of the tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong LaneStep(ulong h, ulong mixed) => ulong.RotateLeft(h ^ mixed, 27) * Prime1 + Prime4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Lane4(ulong h, uint lane)
    {
        h ^= lane * Prime1;
        return ulong.RotateLeft(h, 23) * Prime2 + Prime3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Lane1(ulong h, byte lane)
    {
        h ^= lane * Prime5;
        return ulong.RotateLeft(h, 11) * Prime1;
    }

    /// <summary>XXH64's final mixing of the state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Avalanche(ulong h)
    {
        h ^= h >> 33;
        h *= Prime2;
        h ^= h >> 29;
        h *= Prime3;
        return h ^ (h >> 32);
    }
}
