using WireTrace.Core.Hashing;

namespace WireTrace.Core.Fingerprints;

/// <summary>
/// Passage anchors: a few hashes per sentence that survive a light edit and point to where text was
/// reused. For each sentence with enough content terms and each of k seeds, the anchor is the smallest
/// seeded hash among the sentence's content-term n-grams (a per-sentence winnowing: the window is the
/// sentence). A sentence copied verbatim gives the same k anchors; a sentence with one word changed keeps
/// each anchor with probability about 1 − 2n/(n-grams); a sentence that only shares common words rarely
/// gives one (and <see cref="Retrieval.AnchorIndex"/> wants aligned anchors in two sentences anyway). Short sentences ("He said.") get none. Anchors are distinct per document (first sentence kept).
/// </summary>
public static class PassageAnchors
{
    /// <summary>The anchors of <paramref name="terms"/> and the sentence of each.</summary>
    public static (uint[] Anchors, ushort[] Sentences) Extract(ContentTerms terms, int anchorsPerSentence, int gram, int minTerms, ulong seed)
    {
        var anchors = new List<uint>(terms.SentenceCount * anchorsPerSentence);
        var sentences = new List<ushort>(terms.SentenceCount * anchorsPerSentence);
        var seen = new HashSet<uint>();
        Span<ulong> minima = stackalloc ulong[anchorsPerSentence];
        for (int s = 0; s < terms.SentenceCount; s++)
        {
            var sentence = terms.Sentence(s);
            if (sentence.Length < minTerms) continue;
            minima.Fill(ulong.MaxValue);
            int size = Math.Min(gram, sentence.Length);
            for (int i = 0; i + size <= sentence.Length; i++)
            {
                ulong ngram = XxHash64.Hash(sentence.Slice(i, size), seed);
                for (int k = 0; k < minima.Length; k++)
                {
                    ulong h = XxHash64.Hash(ngram, seed + (ulong)k + 1);
                    if (h < minima[k]) minima[k] = h;
                }
            }
            for (int k = 0; k < minima.Length; k++)
            {
                // The low bits of a minimum are as uniform as any hash bits; the high bits are not.
                uint anchor = (uint)minima[k];
                if (seen.Add(anchor))
                {
                    anchors.Add(anchor);
                    sentences.Add((ushort)Math.Min(s, ushort.MaxValue));
                }
            }
        }
        return ([.. anchors], [.. sentences]);
    }
}
