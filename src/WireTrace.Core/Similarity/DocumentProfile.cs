using WireTrace.Core.Text;

namespace WireTrace.Core.Similarity;

/// <summary>The comparison profile of one analysed article: one <see cref="SentenceProfile"/> per sentence.</summary>
public sealed class DocumentProfile
{
    public DocumentProfile(TextModel model, IReadOnlyList<SentenceProfile> sentences)
    {
        Model = model;
        Sentences = sentences;
    }

    public TextModel Model { get; }

    public IReadOnlyList<SentenceProfile> Sentences { get; }

    /// <summary>Builds the profile of a text model, giving terms ids from <paramref name="vocabulary"/>.</summary>
    public static DocumentProfile Build(TextModel model, Vocabulary vocabulary)
    {
        var sentences = new SentenceProfile[model.Sentences.Count];
        var terms = new List<int>();
        var numbers = new List<int>();
        var names = new List<int>();
        var grams = new List<uint>();
        var text = model.Text;
        for (int si = 0; si < sentences.Length; si++)
        {
            var sentence = model.Sentences[si];
            terms.Clear(); numbers.Clear(); names.Clear(); grams.Clear();
            int content = 0;
            bool first = true;
            for (int ti = sentence.FirstToken; ti < sentence.FirstToken + sentence.TokenCount; ti++)
            {
                var token = model.Tokens[ti];
                if (!token.IsContent) continue;
                content++;
                AddCharGrams(token.Norm, grams);
                if (token.IsNumber)
                {
                    int id = vocabulary.IdOf(token.Norm);
                    terms.Add(id);
                    numbers.Add(id);
                }
                else if (!token.IsStopword)
                {
                    int id = vocabulary.IdOf(token.Stem);
                    terms.Add(id);
                    if (!first && char.IsUpper(text[token.Span.Start])) names.Add(id);
                }
                first = false;
            }
            sentences[si] = new SentenceProfile(si, SortedDistinct(terms), SortedDistinct(grams), SortedDistinct(numbers), SortedDistinct(names), content);
        }
        return new DocumentProfile(model, sentences);
    }

    /// <summary>4-grams of the word padded with spaces; words of up to 3 letters become one gram.</summary>
    private static void AddCharGrams(string norm, List<uint> grams)
    {
        if (norm.Length <= 3)
        {
            grams.Add(Hash(norm.AsSpan()) ^ 0x9E3779B9u);
            return;
        }
        Span<char> padded = norm.Length + 2 <= 64 ? stackalloc char[norm.Length + 2] : new char[norm.Length + 2];
        padded[0] = ' ';
        norm.AsSpan().CopyTo(padded[1..]);
        padded[^1] = ' ';
        for (int i = 0; i + 4 <= padded.Length; i++) grams.Add(Hash(padded.Slice(i, 4)));
    }

    /// <summary>FNV-1a over UTF-16 code units: stable across runs and platforms.</summary>
    private static uint Hash(ReadOnlySpan<char> s)
    {
        uint h = 2166136261;
        foreach (char c in s)
        {
            h = (h ^ c) * 16777619;
        }
        return h;
    }

    private static T[] SortedDistinct<T>(List<T> items) where T : IComparable<T>
    {
        if (items.Count == 0) return [];
        var array = items.ToArray();
        Array.Sort(array);
        int w = 1;
        for (int r = 1; r < array.Length; r++)
        {
            if (array[r].CompareTo(array[w - 1]) != 0) array[w++] = array[r];
        }
        if (w != array.Length) Array.Resize(ref array, w);
        return array;
    }
}
