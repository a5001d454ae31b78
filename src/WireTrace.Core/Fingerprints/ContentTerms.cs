using WireTrace.Core.Hashing;
using WireTrace.Core.Text;

namespace WireTrace.Core.Fingerprints;

/// <summary>
/// The content terms of a text, hashed: the stems of non-stopword words and the normalised numbers, in
/// reading order, each as XXH64 of its UTF-16 form (so fingerprints do not depend on a run's vocabulary
/// ids or thread timing), with the index of the first term of each sentence.
/// </summary>
public sealed class ContentTerms
{
    public ContentTerms(ulong[] hashes, int[] sentenceStarts)
    {
        Hashes = hashes;
        SentenceStarts = sentenceStarts;
    }

    /// <summary>One hash per content term, in reading order.</summary>
    public ulong[] Hashes { get; }

    /// <summary>Index into <see cref="Hashes"/> of each sentence's first term, plus a final entry equal to the term count.</summary>
    public int[] SentenceStarts { get; }

    public int SentenceCount => SentenceStarts.Length - 1;

    /// <summary>The terms of sentence <paramref name="sentence"/>.</summary>
    public ReadOnlySpan<ulong> Sentence(int sentence) => Hashes.AsSpan(SentenceStarts[sentence], SentenceStarts[sentence + 1] - SentenceStarts[sentence]);

    /// <summary>Hashes the content terms of a text model.</summary>
    public static ContentTerms From(TextModel model, ulong seed)
    {
        var hashes = new ulong[model.Tokens.Count];
        var starts = new int[model.Sentences.Count + 1];
        int n = 0;
        for (int s = 0; s < model.Sentences.Count; s++)
        {
            starts[s] = n;
            var sentence = model.Sentences[s];
            for (int t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            {
                var token = model.Tokens[t];
                if (token.IsNumber || (token.IsWord && !token.IsStopword)) hashes[n++] = token.Lexeme.ContentHash(seed);
            }
        }
        starts[^1] = n;
        Array.Resize(ref hashes, n);
        return new ContentTerms(hashes, starts);
    }

    /// <summary>Hashes already-chosen terms given sentence by sentence (for tests and synthetic data).</summary>
    public static ContentTerms From(IReadOnlyList<IReadOnlyList<string>> sentences, ulong seed)
    {
        var hashes = new List<ulong>();
        var starts = new int[sentences.Count + 1];
        for (int s = 0; s < sentences.Count; s++)
        {
            starts[s] = hashes.Count;
            foreach (var term in sentences[s]) hashes.Add(XxHash64.Hash(term.AsSpan(), seed));
        }
        starts[^1] = hashes.Count;
        return new ContentTerms([.. hashes], starts);
    }
}
