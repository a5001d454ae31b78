using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace WireTrace.Core.Retrieval;

/// <summary>
/// Writes a little-endian bit stream (bit i of the stream is bit i % 8 of byte i / 8) into a growing byte array:
/// fixed-width fields, Rice codes (the quotient in unary: that many 0 bits, then a 1; then the remainder in a
/// fixed number of bits) and Elias gamma codes. <see cref="ToArray"/> pads the result with 8 zero bytes so a
/// <see cref="BitReader"/> can always load a whole 64-bit word.
/// </summary>
public sealed class BitWriter : IDisposable
{
    private byte[] _bytes;
    private readonly bool _rented; // _bytes comes from the shared pool and goes back on Dispose
    private ulong _pending;   // bits not yet stored in _bytes, the oldest in the low bits
    private int _pendingBits; // 0..63
    private long _flushedBytes;

    public BitWriter(int initialBytes = 256) => _bytes = new byte[Math.Max(16, initialBytes)];

    private BitWriter(byte[] rented)
    {
        _bytes = rented;
        _rented = true;
    }

    /// <summary>A writer whose work buffer comes from the shared array pool (returned by <see cref="Dispose"/>): for a stream that is copied out by <see cref="ToArray"/> once written.</summary>
    public static BitWriter Rented(int initialBytes) => new(System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(16, initialBytes)));

    /// <summary>Returns a rented work buffer to the pool; the writer must not be used afterwards.</summary>
    public void Dispose()
    {
        if (!_rented || _bytes.Length == 0) return;
        System.Buffers.ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
    }

    private void Grow(long needed)
    {
        int size = (int)Math.Min(Array.MaxLength, Math.Max(_bytes.Length * 2L, needed));
        if (!_rented)
        {
            Array.Resize(ref _bytes, size);
            return;
        }
        var bigger = System.Buffers.ArrayPool<byte>.Shared.Rent(size);
        _bytes.AsSpan(0, (int)_flushedBytes).CopyTo(bigger);
        System.Buffers.ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = bigger;
    }

    /// <summary>Bits written so far.</summary>
    public long BitLength => _flushedBytes * 8 + _pendingBits;

    /// <summary>Writes the low <paramref name="bits"/> bits of <paramref name="value"/> (0..57 bits).</summary>
    public void Write(ulong value, int bits)
    {
        if ((uint)bits > 57) throw new ArgumentOutOfRangeException(nameof(bits), bits, "0..57 bits at a time");
        if (bits == 0) return;
        value &= (1UL << bits) - 1;
        _pending |= value << _pendingBits;
        int total = _pendingBits + bits;
        if (total < 64)
        {
            _pendingBits = total;
            return;
        }
        // A whole 64-bit word is complete: store it, keep the bits of value that did not fit.
        if (_flushedBytes + 8 > _bytes.Length) Grow(_flushedBytes + 8);
        BinaryPrimitives.WriteUInt64LittleEndian(_bytes.AsSpan((int)_flushedBytes, 8), _pending);
        _flushedBytes += 8;
        _pendingBits = total - 64;
        _pending = _pendingBits == 0 ? 0 : value >> (bits - _pendingBits);
    }

    /// <summary>Writes <paramref name="value"/> as a Rice code with <paramref name="remainderBits"/> remainder bits.</summary>
    public void WriteRice(ulong value, int remainderBits)
    {
        ulong quotient = value >> remainderBits;
        while (quotient >= 32)
        {
            Write(0, 32);
            quotient -= 32;
        }
        Write(1UL << (int)quotient, (int)quotient + 1);
        Write(value, remainderBits);
    }

    /// <summary>Writes <paramref name="value"/> (at least 1) as an Elias gamma code: ⌊log2 v⌋ zeros, then v in ⌊log2 v⌋ + 1 bits, high bit first in stream order.</summary>
    public void WriteGamma(ulong value)
    {
        if (value == 0 || value >= 1UL << 56) throw new ArgumentOutOfRangeException(nameof(value), value, "gamma codes here take 1..2^56-1");
        int n = BitOperations.Log2(value);
        // The same as a Rice code of (value − 2^n) with n remainder bits after a quotient written as n zeros and a 1.
        Write(1UL << n, n + 1);
        Write(value, n);
    }

    /// <summary>The stream, padded with 8 zero bytes.</summary>
    public byte[] ToArray()
    {
        int tail = (_pendingBits + 7) / 8;
        var result = new byte[_flushedBytes + tail + 8];
        Array.Copy(_bytes, result, _flushedBytes);
        for (int i = 0; i < tail; i++) result[_flushedBytes + i] = (byte)(_pending >> (8 * i));
        return result;
    }
}

/// <summary>
/// Reads what a <see cref="BitWriter"/> wrote, from a bit position; the buffer must carry the writer's 8 bytes of
/// padding. A mutable struct: pass it by reference.
/// </summary>
public ref struct BitReader
{
    private readonly ReadOnlySpan<byte> _bytes;

    public BitReader(ReadOnlySpan<byte> bytes, long position = 0)
    {
        _bytes = bytes;
        Position = position;
    }

    /// <summary>The next bit to read.</summary>
    public long Position { get; set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly ulong Peek() => BinaryPrimitives.ReadUInt64LittleEndian(_bytes.Slice((int)(Position >> 3), 8)) >> (int)(Position & 7);

    /// <summary>Reads a field of <paramref name="bits"/> bits (0..57).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Read(int bits)
    {
        if (bits == 0) return 0;
        ulong value = Peek() & ((1UL << bits) - 1);
        Position += bits;
        return value;
    }

    /// <summary>Reads a Rice code with <paramref name="remainderBits"/> remainder bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadRice(int remainderBits)
    {
        ulong quotient = ReadUnary();
        return (quotient << remainderBits) | Read(remainderBits);
    }

    /// <summary>Reads an Elias gamma code.</summary>
    public ulong ReadGamma()
    {
        int n = (int)ReadUnary();
        return (1UL << n) | Read(n);
    }

    /// <summary>The number of 0 bits before the next 1 bit (which is consumed too).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong ReadUnary()
    {
        ulong quotient = 0;
        while (true)
        {
            ulong word = Peek() & ((1UL << 57) - 1);
            if (word != 0)
            {
                int zeros = BitOperations.TrailingZeroCount(word);
                Position += zeros + 1;
                return quotient + (ulong)zeros;
            }
            quotient += 57;
            Position += 57;
        }
    }
}
