namespace WireTrace.Core.Text;

/// <summary>
/// Hashed character 4-grams of a word's comparison form, which let two sentences match on inflections and
/// spelling variants ("negotiate" / "negotiations"): the norm padded with a space on each side, every window of
/// four UTF-16 code units hashed with FNV-1a (stable across runs and platforms); a norm of up to 3 characters is
/// one gram of its own, in a different hash space.
/// </summary>
internal static class CharGrams
{
    /// <summary>The distinct grams of <paramref name="norm"/>, sorted.</summary>
    public static uint[] Of(string norm)
    {
        if (norm.Length <= 3) return [Fnv1a(norm.AsSpan()) ^ 0x9E3779B9u];
        Span<char> padded = norm.Length + 2 <= 64 ? stackalloc char[norm.Length + 2] : new char[norm.Length + 2];
        padded[0] = ' ';
        norm.AsSpan().CopyTo(padded[1..]);
        padded[^1] = ' ';
        var grams = new uint[padded.Length - 3];
        for (int i = 0; i < grams.Length; i++) grams[i] = Fnv1a(padded.Slice(i, 4));
        Array.Sort(grams);
        int distinct = 1;
        for (int i = 1; i < grams.Length; i++)
        {
            if (grams[i] != grams[distinct - 1]) grams[distinct++] = grams[i];
        }
        return distinct == grams.Length ? grams : grams[..distinct];
    }

    private static uint Fnv1a(ReadOnlySpan<char> s)
    {
        uint h = 2166136261;
        foreach (char c in s)
        {
            h = (h ^ c) * 16777619;
        }
        return h;
    }
}
