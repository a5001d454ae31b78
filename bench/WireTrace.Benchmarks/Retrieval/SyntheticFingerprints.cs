using WireTrace.Core.Fingerprints;

namespace WireTrace.Benchmarks.Retrieval;

/// <summary>
/// Fingerprints of a synthetic article for the retrieval benchmarks: a random sketch and 46 random anchors over 23
/// sentences (two per sentence), as in the Reuters benchmark corpus.
/// </summary>
internal static class SyntheticFingerprints
{
    public static DocumentFingerprints Next(Random random)
    {
        var sketch = new uint[FingerprintOptions.Default.SketchSize];
        for (int i = 0; i < sketch.Length; i++) sketch[i] = (uint)random.NextInt64(0, uint.MaxValue);
        var anchors = new uint[46];
        var sentences = new ushort[46];
        for (int i = 0; i < anchors.Length; i++)
        {
            anchors[i] = (uint)random.NextInt64(0, uint.MaxValue);
            sentences[i] = (ushort)(i / 2);
        }
        return new DocumentFingerprints(sketch, anchors, sentences, 23, 300);
    }
}
