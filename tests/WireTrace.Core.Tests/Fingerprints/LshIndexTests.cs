using WireTrace.Core.Fingerprints;

namespace WireTrace.Core.Tests.Fingerprints;

public sealed class LshIndexTests
{
    [Fact]
    public void Finds_planted_near_duplicates_and_few_unrelated_documents()
    {
        var text = new SyntheticText(17);
        var fingerprinter = new Fingerprinter();
        var index = new LshIndex(fingerprinter.Options.Bands, fingerprinter.Options.Rows);
        var originals = new List<List<string>>();
        for (int d = 0; d < 300; d++)
        {
            var sentences = text.Sentences(20);
            originals.Add(sentences);
            index.Add(d, FingerprintTestCorpus.Fingerprint(sentences, fingerprinter).Sketch);
        }
        int found = 0, unrelated = 0;
        for (int d = 0; d < 30; d++)
        {
            // A near-duplicate: one sentence dropped, one word changed in two others (Jaccard of shingles about 0.8).
            var copy = originals[d * 10].ToList();
            copy.RemoveAt(5);
            copy[2] = copy[2].Replace(copy[2].Split(' ')[3], "changedx");
            copy[9] = copy[9].Replace(copy[9].Split(' ')[2], "alteredx");
            var candidates = index.Candidates(FingerprintTestCorpus.Fingerprint(copy, fingerprinter).Sketch);
            if (candidates.Contains(d * 10)) found++;
            unrelated += candidates.Count(c => c != d * 10);
        }
        Assert.True(found >= 29, $"found {found} of 30 near-duplicates");
        Assert.True(unrelated <= 3, $"{unrelated} unrelated candidates");
    }

    [Fact]
    public void Empty_sketches_are_not_indexed()
    {
        var index = new LshIndex(8, 4);
        index.Add(1, []);
        Assert.Equal(0, index.Count);
        Assert.Empty(index.Candidates([]));
    }
}
