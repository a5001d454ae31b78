using System.Numerics;

namespace WireTrace.Core.Retrieval;

/// <summary>
/// The frozen part of a <see cref="PostingIndex"/> shard: postings grouped by key, bit-packed, immutable.
/// Keys are sorted; each key is written once as a Rice-coded gap from the previous key of its directory bucket,
/// then one bit "more than one posting" and, if set, an Elias gamma count (1 = saturated: the key had at least
/// the maximum number of postings, which are dropped, only the fact is kept). Then, for each posting in document
/// order, the document in a fixed number of bits (enough for the largest id of the segment) and, with positions,
/// a Rice-coded position. A directory over the high bits of the key (about 16 keys per bucket) holds the bit
/// offset of each bucket, so a lookup reads one directory entry and decodes a few keys. An anchor posting
/// of a 1,000,000-article index costs about 4.5 bytes, against 10 in a plain (key, document, position) array.
/// </summary>
internal sealed class PackedPostings
{
    /// <summary>Keys per directory bucket aimed at: more is a smaller directory and a longer decode per lookup.</summary>
    public const int KeysPerBucket = 16;

    public static readonly PackedPostings Empty = new([], [0, 0], 31, 0, 0, 0, 0, 0, 0, false);

    private readonly byte[] _data;
    private readonly uint[] _directory; // bit offset of each bucket, plus the end
    private readonly int _dirShift;
    private readonly uint _minBucket;
    private readonly int _keyRice;
    private readonly int _docBits;
    private readonly int _positionRice;
    private readonly bool _withPositions;

    private PackedPostings(byte[] data, uint[] directory, int dirShift, uint minBucket, int keyRice, int docBits, int positionRice, int postings, int saturatedKeys, bool withPositions)
    {
        _data = data;
        _directory = directory;
        _dirShift = dirShift;
        _minBucket = minBucket;
        _keyRice = keyRice;
        _docBits = docBits;
        _positionRice = positionRice;
        Count = postings;
        SaturatedKeys = saturatedKeys;
        _withPositions = withPositions;
    }

    /// <summary>Postings held (saturated keys hold none).</summary>
    public int Count { get; }

    /// <summary>Keys marked saturated.</summary>
    public int SaturatedKeys { get; }

    /// <summary>Entries <see cref="CopyTo"/> writes: one per posting and one per saturated key.</summary>
    public int EntryCount => Count + SaturatedKeys;

    public long Bytes => _data.Length + _directory.Length * 4L;

    /// <summary>
    /// Builds a segment from entries sorted ascending, each <c>key &lt;&lt; 32 | (document + 1)</c> with its position; an
    /// entry with document + 1 = 0 marks its key saturated. A key with <paramref name="maxPerKey"/> postings or
    /// more is saturated too.
    /// </summary>
    public static PackedPostings Build(ReadOnlySpan<ulong> sorted, ReadOnlySpan<ushort> positions, int maxPerKey, bool withPositions)
    {
        if (sorted.Length == 0) return Empty;
        int distinct = 1;
        long positionSum = 0;
        uint maxDoc = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            if (i > 0)
            {
                if (sorted[i] < sorted[i - 1]) throw new ArgumentException("entries must be sorted", nameof(sorted));
                if ((sorted[i] >> 32) != (sorted[i - 1] >> 32)) distinct++;
            }
            maxDoc = Math.Max(maxDoc, (uint)sorted[i]);
            if (withPositions) positionSum += positions[i];
        }
        uint minKey = (uint)(sorted[0] >> 32), maxKey = (uint)(sorted[^1] >> 32);
        double range = (double)maxKey - minKey + 1;
        int dirShift = Math.Clamp((int)Math.Floor(Math.Log2(Math.Max(1.0, range * KeysPerBucket / distinct))), 0, 31);
        int keyRice = Math.Clamp((int)Math.Floor(Math.Log2(Math.Max(1.0, range / distinct * 0.69))), 0, 31);
        int positionRice = withPositions ? Math.Clamp((int)Math.Floor(Math.Log2(Math.Max(1.0, positionSum / (double)sorted.Length * 0.69))), 0, 15) : 0;
        int docBits = Math.Max(1, 32 - BitOperations.LeadingZeroCount(maxDoc)); // maxDoc is document + 1: one spare value, fine
        uint minBucket = minKey >> dirShift, maxBucket = maxKey >> dirShift;
        var directory = new uint[maxBucket - minBucket + 2];

        using var writer = BitWriter.Rented(sorted.Length * 5);
        int postings = 0, saturated = 0;
        long previous = -1; // previous key in the bucket
        uint currentBucket = minBucket;
        directory[0] = 0;
        for (int start = 0; start < sorted.Length;)
        {
            uint key = (uint)(sorted[start] >> 32);
            int end = start + 1;
            while (end < sorted.Length && (uint)(sorted[end] >> 32) == key) end++;
            uint bucket = key >> dirShift;
            if (bucket != currentBucket || start == 0)
            {
                for (uint b = currentBucket + 1; b <= bucket; b++) directory[b - minBucket] = CheckedOffset(writer.BitLength);
                currentBucket = bucket;
                previous = ((long)bucket << dirShift) - 1;
            }
            writer.WriteRice((ulong)(key - previous - 1), keyRice);
            previous = key;
            bool isSaturated = (uint)sorted[start] == 0 || end - start >= maxPerKey;
            if (isSaturated)
            {
                writer.Write(1, 1);
                writer.WriteGamma(1);
                saturated++;
            }
            else
            {
                int count = end - start;
                writer.Write(count > 1 ? 1UL : 0UL, 1);
                if (count > 1) writer.WriteGamma((ulong)count);
                for (int i = start; i < end; i++)
                {
                    writer.Write((uint)sorted[i] - 1, docBits);
                    if (withPositions) writer.WriteRice(positions[i], positionRice);
                }
                postings += count;
            }
            start = end;
        }
        for (uint b = currentBucket + 1; b <= maxBucket + 1; b++) directory[b - minBucket] = CheckedOffset(writer.BitLength);
        return new PackedPostings(writer.ToArray(), directory, dirShift, minBucket, keyRice, docBits, positionRice, postings, saturated, withPositions);
    }

    private static uint CheckedOffset(long bits) => bits <= uint.MaxValue
        ? (uint)bits
        : throw new InvalidOperationException("a posting segment is limited to 512 MB; use more shards");

    /// <summary>
    /// Copies the postings of <paramref name="key"/> into <paramref name="buffer"/> (up to its length) and returns
    /// how many the key holds; -1 when it is saturated.
    /// </summary>
    public int Find(uint key, Span<Posting> buffer)
    {
        uint bucket = key >> _dirShift;
        if (bucket < _minBucket || bucket - _minBucket >= _directory.Length - 1) return 0;
        uint b = bucket - _minBucket;
        var reader = new BitReader(_data, _directory[b]);
        long end = _directory[b + 1];
        long previous = ((long)bucket << _dirShift) - 1;
        while (reader.Position < end)
        {
            long k = previous + 1 + (long)reader.ReadRice(_keyRice);
            previous = k;
            int count = 1;
            bool saturated = false;
            if (reader.Read(1) == 1)
            {
                count = (int)reader.ReadGamma();
                if (count == 1) { saturated = true; count = 0; }
            }
            if (k > key) return 0;
            if (k == key)
            {
                if (saturated) return -1;
                for (int i = 0; i < count; i++)
                {
                    int doc = (int)reader.Read(_docBits);
                    ushort position = _withPositions ? (ushort)reader.ReadRice(_positionRice) : (ushort)0;
                    if (i < buffer.Length) buffer[i] = new Posting(doc, position);
                }
                return count;
            }
            SkipPostings(ref reader, count);
        }
        return 0;
    }

    private void SkipPostings(ref BitReader reader, int count)
    {
        if (!_withPositions)
        {
            reader.Position += (long)count * _docBits;
            return;
        }
        for (int i = 0; i < count; i++)
        {
            reader.Position += _docBits;
            reader.ReadRice(_positionRice);
        }
    }

    /// <summary>Writes every entry in the form <see cref="Build"/> takes (sorted), <see cref="EntryCount"/> of them.</summary>
    public void CopyTo(Span<ulong> entries, Span<ushort> positions)
    {
        int w = 0;
        for (int b = 0; b < _directory.Length - 1; b++)
        {
            var reader = new BitReader(_data, _directory[b]);
            long end = _directory[b + 1];
            long previous = ((long)(_minBucket + (uint)b) << _dirShift) - 1;
            while (reader.Position < end)
            {
                long k = previous + 1 + (long)reader.ReadRice(_keyRice);
                previous = k;
                int count = 1;
                if (reader.Read(1) == 1)
                {
                    count = (int)reader.ReadGamma();
                    if (count == 1)
                    {
                        entries[w] = (ulong)k << 32;
                        positions[w++] = 0;
                        continue;
                    }
                }
                for (int i = 0; i < count; i++)
                {
                    entries[w] = ((ulong)k << 32) | (reader.Read(_docBits) + 1);
                    positions[w++] = _withPositions ? (ushort)reader.ReadRice(_positionRice) : (ushort)0;
                }
            }
        }
    }
}
