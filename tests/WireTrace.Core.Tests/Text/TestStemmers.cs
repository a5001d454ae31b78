using WireTrace.Core.Text.Stemming;

namespace WireTrace.Core.Tests.Text;

/// <summary>A stand-in stemmer for tests: strips one trailing "s" (never from words of three letters or less).</summary>
internal sealed class StripSStemmer : IStemmer
{
    public string Stem(string word) => word.Length > 3 && word[^1] == 's' ? word[..^1] : word;
}
