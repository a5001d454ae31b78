using System.Buffers;
using System.Text.Unicode;

namespace WireTrace.Ingest;

/// <summary>Strict UTF-8 decoding and the binary-file sniff shared by the readers.</summary>
internal static class Utf8Text
{
    public static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    public const int SniffBytes = 8192;

    /// <summary>Decodes strictly; on invalid input returns false with the offset of the first bad byte.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out int invalidOffset)
    {
        var bom = bytes.StartsWith(Bom) ? Bom.Length : 0;
        var source = bytes[bom..];
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, source.Length));
        try
        {
            var status = Utf8.ToUtf16(source, chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: true);
            if (status != OperationStatus.Done)
            {
                text = "";
                invalidOffset = bom + read;
                return false;
            }
            text = new string(chars, 0, written);
            invalidOffset = -1;
            return true;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Why the first bytes of a file look binary, or null when they look like text.</summary>
    public static string? BinaryReason(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "UTF-16 text is not supported; save the file as UTF-8";
        }
        var nul = head.IndexOf((byte)0);
        if (nul >= 0) return $"binary file (NUL byte at offset {nul})";
        var control = 0;
        foreach (var b in head)
        {
            if ((b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C) || b == 0x7F) control++;
        }
        return control > Math.Max(4, head.Length / 50)
            ? $"binary file ({control} control bytes in the first {head.Length} bytes)"
            : null;
    }

    /// <summary>Reads up to <see cref="SniffBytes"/> from the start of a seekable stream and rewinds it.</summary>
    public static byte[] Sniff(Stream stream)
    {
        var head = new byte[SniffBytes];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return head[..n];
    }

    public static int LineOf(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;

    public static bool IsWhiteSpace(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C or 0x0B)) return false;
        }
        return true;
    }
}
