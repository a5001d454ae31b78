namespace WireTrace.Core.Similarity;

/// <summary>
/// What a sentence offers for comparison: its distinct content terms (stems of words that are not
/// stopwords, and numbers) as sorted ids, hashed character 4-grams of its normalised words (catching
/// inflection and spelling variants), and its number and capitalised-name terms.
/// </summary>
public sealed record SentenceProfile(int Index, int[] Terms, uint[] CharGrams, int[] Numbers, int[] Names, int ContentTokenCount)
{
    public bool IsEmpty => Terms.Length == 0 && CharGrams.Length == 0;
}
