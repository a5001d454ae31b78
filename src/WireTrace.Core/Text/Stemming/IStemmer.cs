namespace WireTrace.Core.Text.Stemming;

/// <summary>Reduces a lower-case, normalised English word to its stem. Implementations are thread-safe.</summary>
public interface IStemmer
{
    string Stem(string word);
}
