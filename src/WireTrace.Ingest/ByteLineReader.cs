namespace WireTrace.Ingest;

/// <summary>One physical line of a file as bytes, without its line break (and without a UTF-8 BOM on line 1).</summary>
/// <param name="Number">1-based line number.</param>
/// <param name="ByteOffset">Offset of the line's first byte in the file.</param>
/// <param name="Bytes">The line; valid only until the next read.</param>
/// <param name="TooLong">The line was longer than the limit; <paramref name="Bytes"/> is then empty.</param>
internal readonly record struct RawLine(int Number, long ByteOffset, ReadOnlyMemory<byte> Bytes, bool TooLong);

/// <summary>
/// Splits a stream into lines on LF (dropping a CR before it) while holding at most one line, capped at a byte
/// limit, in memory. Lines over the limit are consumed and reported as <see cref="RawLine.TooLong"/>.
/// </summary>
internal sealed class ByteLineReader(Stream stream, int maxLineBytes) : IDisposable
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private byte[] _line = new byte[4096];
    private int _bufferPos, _bufferLen, _lineLen, _lineNumber;
    private long _position;

    /// <summary>Bytes consumed from the stream so far.</summary>
    public long Position => _position;

    public bool TryReadLine(out RawLine line)
    {
        _lineLen = 0;
        var tooLong = false;
        var start = _position;
        var any = false;
        while (true)
        {
            if (_bufferPos == _bufferLen)
            {
                _bufferLen = stream.Read(_buffer, 0, _buffer.Length);
                _bufferPos = 0;
                if (_bufferLen == 0)
                {
                    if (!any)
                    {
                        line = default;
                        return false;
                    }
                    break;
                }
            }
            any = true;
            var span = _buffer.AsSpan(_bufferPos, _bufferLen - _bufferPos);
            var newline = span.IndexOf((byte)'\n');
            var take = newline < 0 ? span.Length : newline;
            if (!tooLong)
            {
                if ((long)_lineLen + take > maxLineBytes) tooLong = true;
                else Append(span[..take]);
            }
            _bufferPos += take;
            _position += take;
            if (newline >= 0)
            {
                _bufferPos++;
                _position++;
                break;
            }
        }
        _lineNumber++;
        var bytes = tooLong ? ReadOnlyMemory<byte>.Empty : _line.AsMemory(0, _lineLen);
        if (bytes.Length > 0 && bytes.Span[^1] == (byte)'\r') bytes = bytes[..^1];
        if (_lineNumber == 1 && bytes.Span.StartsWith(Utf8Text.Bom))
        {
            bytes = bytes[Utf8Text.Bom.Length..];
            start += Utf8Text.Bom.Length;
        }
        line = new RawLine(_lineNumber, start, bytes, tooLong);
        return true;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_lineLen + bytes.Length > _line.Length)
        {
            Array.Resize(ref _line, (int)Math.Min(Math.Max(_line.Length * 2L, _lineLen + bytes.Length), Array.MaxLength));
        }
        bytes.CopyTo(_line.AsSpan(_lineLen));
        _lineLen += bytes.Length;
    }

    public void Dispose() => stream.Dispose();
}
