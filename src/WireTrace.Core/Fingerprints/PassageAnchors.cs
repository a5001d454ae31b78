namespace WireTrace.Core.Fingerprints;

/// <summary>
/// Passage anchors: a few hashes per sentence that survive a light edit and point to where text was
/// reused. Each sentence with enough content terms is cut into k segments of consecutive content-term
/// n-grams, and each segment's anchor is its smallest n-gram hash (<see cref="MinHashSketcher.GramHash"/>;
/// winnowing with the window fitted to the sentence, so anchors never depend on the text around the sentence).
/// A sentence copied verbatim gives the same k anchors; a sentence with one word changed keeps the anchors of
/// the segments the edit does not touch; a sentence that only shares common words rarely gives one (and
/// <see cref="Retrieval.AnchorIndex"/> wants aligned anchors in two sentences anyway). Short sentences ("He said.")
/// get none. Anchors are distinct per document (first sentence kept). The n-gram hashes are those of the MinHash
/// shingles when both have the same length, so the fingerprinter hashes each n-gram once.
/// </summary>
public static class PassageAnchors
{
    /// <summary>The anchors of <paramref name="terms"/> and the sentence of each.</summary>
    public static (uint[] Anchors, ushort[] Sentences) Extract(ContentTerms terms, int anchorsPerSentence, int gram, int minTerms, ulong seed)
    {
        int count = MinHashSketcher.ShingleCount(terms.Hashes.Length, gram);
        var grams = new ulong[count];
        MinHashSketcher.GramHashes(terms.Hashes, gram, seed, grams);
        return Extract(terms, grams, anchorsPerSentence, gram, minTerms, seed);
    }

    /// <summary>
    /// The same, given <paramref name="gramHashes"/>: <see cref="MinHashSketcher.GramHashes"/> of all the terms with
    /// n-grams of <paramref name="gram"/> terms (n-gram i starts at term i).
    /// </summary>
    public static (uint[] Anchors, ushort[] Sentences) Extract(ContentTerms terms, ReadOnlySpan<ulong> gramHashes, int anchorsPerSentence, int gram, int minTerms, ulong seed)
    {
        int capacity = terms.SentenceCount * anchorsPerSentence;
        var anchors = new uint[capacity];
        var sentences = new ushort[capacity];
        int n = 0;
        Span<ulong> minima = stackalloc ulong[anchorsPerSentence];
        bool wholeText = terms.Hashes.Length <= gram; // then gramHashes holds one hash of the whole text
        for (int s = 0; s < terms.SentenceCount; s++)
        {
            int first = terms.SentenceStarts[s], length = terms.SentenceStarts[s + 1] - first;
            if (length < minTerms) continue;
            if (length < gram || (wholeText && length != terms.Hashes.Length))
            {
                minima.Fill(ulong.MaxValue);
                minima[0] = SegmentHash(MinHashSketcher.GramHash(terms.Sentence(s), seed), SegmentMask(seed, 0)); // shorter than one n-gram: one anchor
            }
            else
            {
                var sentenceGrams = gramHashes.Slice(first, length - gram + 1);
                // Segment k of the sentence holds n-grams [k·grams/K, (k+1)·grams/K): an edit touches one segment.
                for (int k = 0; k < minima.Length; k++)
                {
                    int from = k * sentenceGrams.Length / minima.Length, to = (k + 1) * sentenceGrams.Length / minima.Length;
                    // Each segment ranks n-grams by its own hash function: one common n-gram with a small hash is
                    // not the anchor of every segment it falls in (that made chance matches between documents).
                    ulong mask = SegmentMask(seed, k), min = ulong.MaxValue;
                    for (int i = from; i < to; i++) min = Math.Min(min, SegmentHash(sentenceGrams[i], mask));
                    minima[k] = min;
                }
            }
            for (int k = 0; k < minima.Length; k++)
            {
                // The low bits of a minimum are as uniform as any hash bits; the high bits are not.
                if (minima[k] == ulong.MaxValue) continue; // a segment with no n-gram (very short sentence)
                uint anchor = (uint)minima[k];
                if (anchors.AsSpan(0, n).Contains(anchor)) continue;
                anchors[n] = anchor;
                sentences[n++] = (ushort)Math.Min(s, ushort.MaxValue);
            }
        }
        return (anchors[..n], sentences[..n]);
    }

    private static ulong SegmentMask(ulong seed, int segment) => (seed + 0x9E3779B97F4A7C15UL * (ulong)(segment + 1)) | 1;

    /// <summary>A cheap bijective remix of an n-gram hash, its own for each segment (xor, odd multiplier, high bits folded down).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ulong SegmentHash(ulong gram, ulong mask)
    {
        ulong h = (gram ^ (mask >> 7)) * mask;
        return h ^ (h >> 31);
    }
}
