using Microsoft.Win32.SafeHandles;

namespace WireTrace.Cli.Commands;

/// <summary>
/// An append-only temporary file for bytes a scan of millions of articles need not hold in memory (article texts,
/// rendered derivations): <see cref="Append"/> returns where the bytes went, <see cref="Read"/> gets them back.
/// Appends are serialised; reads are positional and may run on any thread at once. The file sits in the temporary
/// folder (<c>TMPDIR</c>) and is deleted when disposed, or by the system when the process dies.
/// </summary>
internal sealed class SpillFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly SafeFileHandle _handle;
    private readonly Lock _appendLock = new();
    private long _length;

    public SpillFile(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"wiretrace-{purpose}-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        _stream = new FileStream(Path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _handle = _stream.SafeFileHandle;
    }

    public string Path { get; }

    /// <summary>Bytes written so far.</summary>
    public long Length => Volatile.Read(ref _length);

    /// <summary>Appends <paramref name="bytes"/> and returns their offset.</summary>
    public long Append(ReadOnlySpan<byte> bytes)
    {
        lock (_appendLock)
        {
            long offset = _length;
            RandomAccess.Write(_handle, bytes, offset);
            Volatile.Write(ref _length, offset + bytes.Length);
            return offset;
        }
    }

    /// <summary>The <paramref name="length"/> bytes appended at <paramref name="offset"/>.</summary>
    public byte[] Read(long offset, int length)
    {
        var bytes = new byte[length];
        int done = 0;
        while (done < length)
        {
            int n = RandomAccess.Read(_handle, bytes.AsSpan(done), offset + done);
            if (n == 0) throw new EndOfStreamException($"{Path} ends before byte {offset + length}.");
            done += n;
        }
        return bytes;
    }

    public void Dispose() => _stream.Dispose();
}
