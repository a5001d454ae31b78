using System.Collections.Concurrent;
using WireTrace.Core.Text;

namespace WireTrace.Core.Similarity;

/// <summary>
/// Maps comparison terms (stems, numbers) to dense integer ids for one analysis run. Thread-safe;
/// ids depend on the order terms are first seen, so nothing observable may depend on id values.
/// </summary>
public sealed class Vocabulary
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);

    private static int s_lastSerial;

    /// <summary>
    /// What a <see cref="Lexeme"/> remembers its term id against (a number, not a reference, so a cached lexeme never
    /// keeps a finished run's vocabulary alive); 0, remembered by none, once 2^31 vocabularies have been made.
    /// </summary>
    private readonly int _serial = NextSerial();

    private int _next = -1;

    public int Count => _ids.Count;

    public int IdOf(string term) => _ids.GetOrAdd(term, static (_, self) => Interlocked.Increment(ref self._next), this);

    public bool TryGetId(string term, out int id) => _ids.TryGetValue(term, out id);

    /// <summary>The id of a token's term (its <see cref="Lexeme.Stem"/>, which is the norm of a number), remembered on the lexeme.</summary>
    internal int IdOf(Lexeme lexeme)
    {
        if (_serial != 0 && lexeme.TryGetTermId(_serial, out int id)) return id;
        id = IdOf(lexeme.Stem);
        if (_serial != 0) lexeme.SetTermId(_serial, id);
        return id;
    }

    private static int NextSerial()
    {
        int serial = Interlocked.Increment(ref s_lastSerial);
        if (serial > 0) return serial;
        Volatile.Write(ref s_lastSerial, int.MinValue);   // keep it from wrapping back to positive numbers
        return 0;
    }
}
