using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;

namespace WireTrace.Core.Text.Stemming;

/// <summary>
/// The Snowball English stemmer of the system's C <c>libstemmer</c> (Debian/Ubuntu package <c>libstemmer0d</c>),
/// called through P/Invoke with UTF-8 text.
/// </summary>
/// <remarks>
/// A C <c>sb_stemmer</c> object is not thread-safe, so each thread that stems gets its own native instance (created
/// on first use). All instances are freed by <see cref="Dispose"/>, or by their finalizers if the stemmer is never
/// disposed. <see cref="Stem"/> may be called from many threads at once; calling it after <see cref="Dispose"/>
/// throws <see cref="ObjectDisposedException"/>. The shared library itself stays loaded for the life of the process.
/// </remarks>
public sealed class SnowballNativeStemmer : IStemmer, IDisposable
{
    /// <summary>Name reported by <see cref="EnglishStemmer.Name"/> when this implementation is used.</summary>
    public const string StemmerName = "snowball-native";

    /// <summary>File names tried, in order, when loading the library.</summary>
    public static IReadOnlyList<string> DefaultLibraryNames { get; } =
        ["libstemmer.so.0d", "libstemmer.so.0", "libstemmer.so", "libstemmer", "stemmer"];

    private const int StackLimit = 256;

    private readonly LibStemmer _library;
    private readonly ThreadLocal<StemmerHandle> _perThread;
    private int _disposed;

    private SnowballNativeStemmer(LibStemmer library)
    {
        _library = library;
        _perThread = new ThreadLocal<StemmerHandle>(library.CreateEnglish, trackAllValues: true);
    }

    /// <summary>"snowball-native".</summary>
    public string Name => StemmerName;

    /// <summary>The library file name that was loaded.</summary>
    public string LibraryName => _library.FileName;

    /// <summary>
    /// Loads libstemmer and checks that it provides the English stemmer for UTF-8. Returns false (and null) when the
    /// library or the algorithm is not available.
    /// </summary>
    public static bool TryCreate([NotNullWhen(true)] out SnowballNativeStemmer? stemmer) =>
        TryCreate(DefaultLibraryNames, out stemmer);

    /// <summary>Like <see cref="TryCreate(out SnowballNativeStemmer?)"/>, trying the given library names in order.</summary>
    internal static bool TryCreate(IEnumerable<string> libraryNames, [NotNullWhen(true)] out SnowballNativeStemmer? stemmer)
    {
        stemmer = null;
        foreach (var name in libraryNames)
        {
            var library = LibStemmer.TryLoad(name);
            if (library == null) continue;
            using var probe = library.TryCreateEnglish();
            if (probe == null) continue;
            stemmer = new SnowballNativeStemmer(library);
            return true;
        }
        return false;
    }

    /// <inheritdoc />
    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (word.Length == 0) return word;

        var handle = _perThread.Value!;
        var added = false;
        byte[]? rented = null;
        try
        {
            handle.DangerousAddRef(ref added);
            var maxBytes = Encoding.UTF8.GetMaxByteCount(word.Length);
            var utf8 = maxBytes <= StackLimit
                ? stackalloc byte[StackLimit]
                : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(maxBytes));
            var byteCount = Encoding.UTF8.GetBytes(word, utf8);
            var input = utf8[..byteCount];
            var stem = _library.Stem(handle.DangerousGetHandle(), input);
            return stem.SequenceEqual(input) ? word : Encoding.UTF8.GetString(stem);
        }
        finally
        {
            if (added) handle.DangerousRelease();
            if (rented != null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Frees the native stemmer instances of all threads.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        foreach (var handle in _perThread.Values) handle.Dispose();
        _perThread.Dispose();
    }

    /// <summary>Owns one C <c>sb_stemmer</c>; the release is deferred while a call is using it.</summary>
    private sealed class StemmerHandle : SafeHandle
    {
        private readonly LibStemmer _library;

        public StemmerHandle(LibStemmer library, IntPtr handle) : base(IntPtr.Zero, ownsHandle: true)
        {
            _library = library;
            SetHandle(handle);
        }

        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle()
        {
            _library.Delete(handle);
            return true;
        }
    }

    /// <summary>The four libstemmer entry points, resolved from one loaded library.</summary>
    private sealed unsafe class LibStemmer
    {
        private static readonly Dictionary<string, LibStemmer?> Loaded = new(StringComparer.Ordinal);

        private readonly delegate* unmanaged<byte*, byte*, IntPtr> _new;
        private readonly delegate* unmanaged<IntPtr, byte*, int, byte*> _stem;
        private readonly delegate* unmanaged<IntPtr, int> _length;
        private readonly delegate* unmanaged<IntPtr, void> _delete;

        private LibStemmer(string fileName, IntPtr library)
        {
            FileName = fileName;
            _new = (delegate* unmanaged<byte*, byte*, IntPtr>)NativeLibrary.GetExport(library, "sb_stemmer_new");
            _stem = (delegate* unmanaged<IntPtr, byte*, int, byte*>)NativeLibrary.GetExport(library, "sb_stemmer_stem");
            _length = (delegate* unmanaged<IntPtr, int>)NativeLibrary.GetExport(library, "sb_stemmer_length");
            _delete = (delegate* unmanaged<IntPtr, void>)NativeLibrary.GetExport(library, "sb_stemmer_delete");
        }

        public string FileName { get; }

        /// <summary>Loads (once per name) the library and its entry points; null if either is missing.</summary>
        public static LibStemmer? TryLoad(string name)
        {
            lock (Loaded)
            {
                if (Loaded.TryGetValue(name, out var known)) return known;
                LibStemmer? library = null;
                if (NativeLibrary.TryLoad(name, out var handle))
                {
                    try
                    {
                        library = new LibStemmer(name, handle);
                    }
                    catch (EntryPointNotFoundException)
                    {
                        NativeLibrary.Free(handle);
                    }
                }
                Loaded[name] = library;
                return library;
            }
        }

        public StemmerHandle? TryCreateEnglish()
        {
            IntPtr stemmer;
            fixed (byte* algorithm = "english\0"u8)
            fixed (byte* encoding = "UTF_8\0"u8)
            {
                stemmer = _new(algorithm, encoding);
            }
            return stemmer == IntPtr.Zero ? null : new StemmerHandle(this, stemmer);
        }

        public StemmerHandle CreateEnglish() =>
            TryCreateEnglish() ?? throw new InvalidOperationException("sb_stemmer_new(\"english\", \"UTF_8\") failed.");

        /// <summary>Stems UTF-8 text; the result points into the stemmer's own buffer, valid until its next call.</summary>
        public ReadOnlySpan<byte> Stem(IntPtr stemmer, ReadOnlySpan<byte> word)
        {
            byte* result;
            fixed (byte* input = word)
            {
                result = _stem(stemmer, input, word.Length);
            }
            if (result == null) throw new OutOfMemoryException("sb_stemmer_stem returned NULL.");
            return new ReadOnlySpan<byte>(result, _length(stemmer));
        }

        public void Delete(IntPtr stemmer) => _delete(stemmer);
    }
}
