namespace WireTrace.Core.Tests.Fingerprints;

/// <summary>Seeded made-up words and sentences for fingerprint tests (letters only, no stopwords).</summary>
internal sealed class SyntheticText
{
    private readonly Random _random;

    public SyntheticText(int seed) => _random = new Random(seed);

    /// <summary>A pronounceable word for a number, e.g. 0 → "zaba".</summary>
    public static string Word(int n)
    {
        const string consonants = "bdfgklmnprstvz";
        const string vowels = "aeiou";
        var chars = new List<char>();
        do
        {
            chars.Add(consonants[n % consonants.Length]);
            n /= consonants.Length;
            chars.Add(vowels[n % vowels.Length]);
            n /= vowels.Length;
        }
        while (n > 0);
        chars.Add('x');
        return new string([.. chars]);
    }

    public string Sentence(int words, int vocabulary)
    {
        var w = Enumerable.Range(0, words).Select(_ => Word(_random.Next(vocabulary))).ToArray();
        w[0] = char.ToUpperInvariant(w[0][0]) + w[0][1..];
        return string.Join(' ', w) + ".";
    }

    public List<string> Sentences(int count, int vocabulary = 20_000) =>
        Enumerable.Range(0, count).Select(_ => Sentence(_random.Next(10, 22), vocabulary)).ToList();

    public int Next(int max) => _random.Next(max);
}
