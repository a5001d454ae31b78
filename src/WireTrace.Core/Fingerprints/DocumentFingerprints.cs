namespace WireTrace.Core.Fingerprints;

/// <summary>
/// What the retrieval layer keeps of one article: a MinHash <see cref="Sketch"/> of its word shingles (empty
/// when it has no shingle) and its passage <see cref="Anchors"/>, distinct, each with the sentence it was
/// first found in (<see cref="AnchorSentences"/>, same order).
/// </summary>
public sealed class DocumentFingerprints
{
    public DocumentFingerprints(uint[] sketch, uint[] anchors, ushort[] anchorSentences, int sentenceCount, int termCount)
    {
        if (anchors.Length != anchorSentences.Length) throw new ArgumentException("one sentence per anchor");
        Sketch = sketch;
        Anchors = anchors;
        AnchorSentences = anchorSentences;
        SentenceCount = sentenceCount;
        TermCount = termCount;
    }

    public uint[] Sketch { get; }

    public uint[] Anchors { get; }

    public ushort[] AnchorSentences { get; }

    public int SentenceCount { get; }

    public int TermCount { get; }
}
