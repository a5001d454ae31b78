using System.Collections.Concurrent;

namespace WireTrace.Core.Similarity;

/// <summary>
/// Maps comparison terms (stems, numbers) to dense integer ids for one analysis run. Thread-safe;
/// ids depend on the order terms are first seen, so nothing observable may depend on id values.
/// </summary>
public sealed class Vocabulary
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private int _next = -1;

    public int Count => _ids.Count;

    public int IdOf(string term) => _ids.GetOrAdd(term, _ => Interlocked.Increment(ref _next));

    public bool TryGetId(string term, out int id) => _ids.TryGetValue(term, out id);
}
