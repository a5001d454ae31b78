using System.Buffers.Binary;
using System.Runtime.InteropServices;
using WireTrace.Core.Fingerprints;

namespace WireTrace.Cli.Commands;

/// <summary>
/// A <see cref="DocumentFingerprints"/> as bytes, so that scan can keep the fingerprints of millions of articles in a
/// <see cref="SpillFile"/> between reading them and querying them instead of on the managed heap: four 32-bit
/// little-endian counts (sketch values, anchors, sentences, terms), then the sketch, the anchors and the anchors'
/// sentence indexes in the machine's byte order (the file never leaves the process that wrote it).
/// </summary>
internal static class FingerprintBytes
{
    private const int HeaderBytes = 16;

    /// <summary>The bytes of <paramref name="fingerprints"/>.</summary>
    public static byte[] Write(DocumentFingerprints fingerprints)
    {
        var sketch = MemoryMarshal.AsBytes(fingerprints.Sketch.AsSpan());
        var anchors = MemoryMarshal.AsBytes(fingerprints.Anchors.AsSpan());
        var sentences = MemoryMarshal.AsBytes(fingerprints.AnchorSentences.AsSpan());
        var bytes = new byte[HeaderBytes + sketch.Length + anchors.Length + sentences.Length];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, fingerprints.Sketch.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], fingerprints.Anchors.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], fingerprints.SentenceCount);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], fingerprints.TermCount);
        sketch.CopyTo(span[HeaderBytes..]);
        anchors.CopyTo(span[(HeaderBytes + sketch.Length)..]);
        sentences.CopyTo(span[(HeaderBytes + sketch.Length + anchors.Length)..]);
        return bytes;
    }

    /// <summary>The fingerprints <see cref="Write"/> turned into <paramref name="bytes"/>.</summary>
    public static DocumentFingerprints Read(ReadOnlySpan<byte> bytes)
    {
        int sketchLength = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        int anchorLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        int sentenceCount = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        int termCount = BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]);
        if (sketchLength < 0 || anchorLength < 0 || HeaderBytes + 4L * sketchLength + 6L * anchorLength != bytes.Length)
        {
            throw new InvalidDataException("The fingerprint bytes do not match their counts.");
        }
        var sketch = new uint[sketchLength];
        var anchors = new uint[anchorLength];
        var sentences = new ushort[anchorLength];
        int at = HeaderBytes;
        bytes.Slice(at, 4 * sketchLength).CopyTo(MemoryMarshal.AsBytes(sketch.AsSpan()));
        at += 4 * sketchLength;
        bytes.Slice(at, 4 * anchorLength).CopyTo(MemoryMarshal.AsBytes(anchors.AsSpan()));
        at += 4 * anchorLength;
        bytes.Slice(at, 2 * anchorLength).CopyTo(MemoryMarshal.AsBytes(sentences.AsSpan()));
        return new DocumentFingerprints(sketch, anchors, sentences, sentenceCount, termCount);
    }
}
