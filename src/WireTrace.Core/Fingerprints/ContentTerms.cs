using System.Buffers;
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
        var tokens = model.TokenSpan;
        var sentences = model.SentenceSpan;
        var rented = ArrayPool<ulong>.Shared.Rent(Math.Max(1, tokens.Length));
        var starts = new int[sentences.Length + 1];
        int n = 0;
        for (int s = 0; s < sentences.Length; s++)
        {
            starts[s] = n;
            foreach (var token in tokens.Slice(sentences[s].FirstToken, sentences[s].TokenCount))
            {
                var lexeme = token.Lexeme;
                if (lexeme.IsContentTerm) rented[n++] = lexeme.ContentHash(seed);
            }
        }
        starts[^1] = n;
        var hashes = rented.AsSpan(0, n).ToArray();
        ArrayPool<ulong>.Shared.Return(rented);
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
