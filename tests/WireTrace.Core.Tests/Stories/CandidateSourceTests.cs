using WireTrace.Core.Retrieval;
using WireTrace.Core.Stories;
using WireTrace.Core.Tests.Analysis;
using WireTrace.Tests;

namespace WireTrace.Core.Tests.Stories;

public sealed class CandidateSourceTests
{
    [Fact]
    public void Entity_anchors_add_the_independent_report_that_fingerprints_cannot_see()
    {
        var kit = new AnalysisTestKit();
        string Demo(string f) => File.ReadAllText(RepoPaths.PathTo("samples", "demo", f));
        var docs = new[]
        {
            kit.Add("afp-flood-source", Demo("afp-flood-source.txt")),
            kit.Add("copy-scraped", Demo("copy-scraped.txt")),
            kit.Add("same-event-independent", Demo("same-event-independent.txt")),
            kit.Add("unrelated-budget", Demo("unrelated-budget.txt")),
        };
        var fingerprints = new FingerprintCandidateSource().Find(docs).Select(p => (p.A, p.B)).ToList();
        Assert.Contains((0, 1), fingerprints);
        Assert.DoesNotContain((0, 2), fingerprints);

        var combined = new CombinedCandidateSource(new FingerprintCandidateSource(), new CandidateFinder(minSharedTerms: 3, namesOnly: true))
            .Find(docs).Select(p => (p.A, p.B)).ToList();
        Assert.Contains((0, 1), combined);
        Assert.Contains((0, 2), combined);
        Assert.DoesNotContain(combined, p => p.A == 3 || p.B == 3);
        Assert.Equal(combined.Order().ToList(), combined);
    }

    [Fact]
    public void Pile_size_picks_the_source()
    {
        var kit = new AnalysisTestKit();
        var docs = new[] { kit.Add("a", "Alpha Corp said on Monday it would buy Beta Ltd for 5 million dollars."), kit.Add("b", "Alpha Corp said on Monday it would buy Beta Ltd for 5 million dollars.") };
        var none = new CandidateFinder(minSharedTerms: 1000);
        var all = new CandidateFinder(minSharedTerms: 1);
        Assert.Single(new PileSizeCandidateSource(2, all, none).Find(docs));
        Assert.Empty(new PileSizeCandidateSource(1, all, none).Find(docs));
    }

    [Fact]
    public void Term_sets_give_every_pair_sharing_enough_terms_within_the_frequency_band()
    {
        // 60 documents (above the small-pile rule): term 7 is in all of them (too common with maxDf 50),
        // terms 1-3 in documents 0, 2 and 59, terms 4-5 in documents 0 and 1 only.
        var terms = Enumerable.Range(0, 60).Select(d => new List<int> { 7 }).ToArray();
        foreach (var d in new[] { 0, 2, 59 }) terms[d].AddRange([1, 2, 3]);
        foreach (var d in new[] { 0, 1 }) terms[d].AddRange([4, 5]);
        var sets = terms.Select(t => t.Order().ToArray()).ToList();

        var three = new CandidateFinder(minSharedTerms: 3, maxDocumentFrequency: 50).Find(sets);
        Assert.Equal([new CandidatePair(0, 2, 3), new CandidatePair(0, 59, 3), new CandidatePair(2, 59, 3)], three);

        var two = new CandidateFinder(minSharedTerms: 2, maxDocumentFrequency: 50).Find(sets);
        Assert.Equal([new CandidatePair(0, 1, 2), new CandidatePair(0, 2, 3), new CandidatePair(0, 59, 3), new CandidatePair(2, 59, 3)], two);

        // With the common term inside the band, it counts for every pair.
        var wide = new CandidateFinder(minSharedTerms: 3, maxDocumentFrequency: 60).Find(sets);
        Assert.Contains(new CandidatePair(0, 1, 3), wide);
        Assert.Contains(new CandidatePair(0, 2, 4), wide);
    }
}
