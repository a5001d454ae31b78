using WireTrace.Core.Analysis;

namespace WireTrace.Core.Tests.Analysis;

public sealed class DirectionTests
{
    private const string Story =
        "PARIS, Jan 6, 2024 (AFP) — Firefighters fought a blaze at a chemical depot in the port of Le Havre through Saturday night. " +
        "Some 200 residents were moved from nearby streets as a precaution, the prefecture said. " +
        "Thick black smoke could be seen 20 kilometres away. " +
        "The depot's owner, Normandie Stockage, said no toxic products were stored on the burning site. " +
        "An investigation into the cause of the fire has been opened. " +
        "It was the second fire at the site in three years.";

    private static string Excerpt => "Normandy Daily - " + string.Join(". ", Story[(Story.IndexOf("— ") + 2)..].Split(". ").Take(3)) + ".";

    [Fact]
    public void The_text_that_contains_the_other_is_the_source_whichever_is_given_first()
    {
        var kit = new AnalysisTestKit();
        var excerpt = kit.Add("excerpt", Excerpt);
        var story = kit.Add("story", Story);
        var a = kit.Analyzer().AnalyzeEitherWay(excerpt, story);
        Assert.Equal("story", a.SourceId);
        Assert.Equal("excerpt", a.DerivedId);
        Assert.Equal(Relation.Excerpt, a.Relation);
        Assert.True(a.Direction.Score > 0);
    }

    [Fact]
    public void An_agency_dateline_decides_between_two_identical_texts()
    {
        var kit = new AnalysisTestKit();
        var copy = kit.Add("a-copy", "Normandy Daily - " + Story);
        var original = kit.Add("z-original", Story);
        var a = kit.Analyzer().AnalyzeEitherWay(copy, original);
        Assert.Equal("z-original", a.SourceId);
        Assert.Contains(a.Direction.Reasons, r => r.Contains("agency"));
    }

    [Fact]
    public void Publication_dates_outweigh_text_evidence()
    {
        var kit = new AnalysisTestKit();
        var early = kit.Add("early-excerpt", Excerpt, new DateOnly(2024, 1, 5));
        var late = kit.Add("late-story", Story, new DateOnly(2024, 1, 7));
        var a = kit.Analyzer().AnalyzeEitherWay(late, early);
        Assert.Equal("early-excerpt", a.SourceId);
        Assert.Contains(a.Direction.Reasons, r => r.Contains("published first"));
    }
}
