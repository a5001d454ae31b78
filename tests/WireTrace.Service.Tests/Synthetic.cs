namespace WireTrace.Service.Tests;

/// <summary>Distinct filler articles: sentences of words drawn (by seed) from a large made-up vocabulary, so two of them rarely share five terms.</summary>
internal static class Synthetic
{
    public static string Text(int seed)
    {
        var random = new Random(seed);
        var sentences = Enumerable.Range(0, 5).Select(_ =>
        {
            var words = Enumerable.Range(0, 10).Select(_ => Word(random.Next(20_000)));
            var s = string.Join(' ', words);
            return char.ToUpperInvariant(s[0]) + s[1..] + ".";
        });
        return string.Join(' ', sentences);
    }

    private static string Word(int n)
    {
        const string consonants = "bdfgklmnprstvz", vowels = "aeiou";
        var chars = new char[6];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = i % 2 == 0 ? consonants[n % consonants.Length] : vowels[n % vowels.Length];
            n /= i % 2 == 0 ? consonants.Length : vowels.Length;
            n += i * 7;
        }
        return new string(chars);
    }
}
