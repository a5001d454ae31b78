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
}
