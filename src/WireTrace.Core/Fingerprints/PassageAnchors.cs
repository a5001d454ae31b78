using WireTrace.Core.Hashing;

namespace WireTrace.Core.Fingerprints;

/// <summary>
/// Passage anchors: a few hashes per sentence that survive a light edit and point to where text was
/// reused. Each sentence with enough content terms is cut into k segments of consecutive content-term
/// n-grams, and each segment's anchor is its smallest seeded n-gram hash (winnowing with the window fitted
/// to the sentence, so anchors never depend on the text around the sentence). A sentence copied verbatim
/// gives the same k anchors; a sentence with one word changed keeps the anchors of the segments the edit
/// does not touch; a sentence that only shares common words rarely gives one (and
/// <see cref="Retrieval.AnchorIndex"/> wants aligned anchors in two sentences anyway). Short sentences ("He said.") get none. Anchors are distinct per document (first sentence kept).
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
            int grams = sentence.Length - size + 1;
            for (int i = 0; i < grams; i++)
            {
                // Segment k of the sentence holds n-grams [k·grams/K, (k+1)·grams/K): an edit touches one segment.
                int k = (int)((long)i * minima.Length / grams);
                ulong h = XxHash64.Hash(XxHash64.Hash(sentence.Slice(i, size), seed), seed + (ulong)k + 1);
                if (h < minima[k]) minima[k] = h;
            }
            for (int k = 0; k < minima.Length; k++)
            {
                // The low bits of a minimum are as uniform as any hash bits; the high bits are not.
                if (minima[k] == ulong.MaxValue) continue; // a segment with no n-gram (very short sentence)
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
