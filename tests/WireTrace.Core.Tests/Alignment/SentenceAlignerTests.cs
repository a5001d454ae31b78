using WireTrace.Core.Alignment;
using WireTrace.Core.Analysis;
using WireTrace.Core.Tests.Analysis;

namespace WireTrace.Core.Tests.Alignment;

public sealed class SentenceAlignerTests
{
    private const string Source =
        "The river burst its banks on Tuesday night in the northern town of Felham. " +
        "Water reached the first floor of the town hall within an hour. " +
        "Mayor Anna Kovacs ordered the evacuation of 4,000 residents from the lower districts. " +
        "Army trucks carried the elderly to a sports hall on the hill. " +
        "The weather service warned that more rain would fall over the weekend. " +
        "Farmers in the valley said their winter crops were lost.\n\n" +
        "The last comparable flood hit Felham in 1998, when two people died. " +
        "Engineers had since raised the dykes by one metre along the main channel.";

    private static (PairAnalysis Analysis, AnalyzedDocument Source, AnalyzedDocument Derived) Analyze(string derived)
    {
        var kit = new AnalysisTestKit();
        var s = kit.Add("source", Source);
        var d = kit.Add("derived", derived);
        return (kit.Analyzer().Analyze(s, d), s, d);
    }

    [Fact]
    public void Identical_sentences_are_verbatim_whatever_the_quotes_and_spacing()
    {
        var (a, _, _) = Analyze(Source.Replace("  ", " ").Replace(". ", ".  "));
        Assert.All(a.Alignments, al => Assert.Equal(AlignmentKind.Verbatim, al.Kind));
        Assert.Equal(8, a.Alignments.Count);
        Assert.Empty(a.Added);
        Assert.Empty(a.Dropped);
        Assert.Equal(Relation.Duplicate, a.Relation);
    }

    [Fact]
    public void A_small_edit_is_near_verbatim_and_the_word_diff_points_at_it()
    {
        var derived = Source.Replace("ordered the evacuation of", "ordered the removal of");
        var (a, s, d) = Analyze(derived);
        var edited = Assert.Single(a.Alignments, al => al.Kind == AlignmentKind.NearVerbatim);
        Assert.Equal([2], edited.Source);
        var replaced = Assert.Single(edited.Diff.Spans, x => x.Operation == DiffOperation.Replaced);
        Assert.Equal("evacuation", replaced.Source!.Value.Substring(s.Model.Text));
        Assert.Equal("removal", replaced.Derived!.Value.Substring(d.Model.Text));
        Assert.Equal(Relation.NearDuplicate, a.Relation);
    }

    [Fact]
    public void Two_source_sentences_joined_into_one_are_a_merge()
    {
        var derived = Source.Replace(
            "Mayor Anna Kovacs ordered the evacuation of 4,000 residents from the lower districts. Army trucks carried the elderly to a sports hall on the hill.",
            "Mayor Anna Kovacs ordered the evacuation of 4,000 residents from the lower districts, and army trucks carried the elderly to a sports hall on the hill.");
        var (a, _, _) = Analyze(derived);
        var merge = Assert.Single(a.Alignments, al => al.Kind == AlignmentKind.Merge);
        Assert.Equal([2, 3], merge.Source);
        Assert.Single(merge.Derived);
    }

    [Fact]
    public void One_source_sentence_cut_in_two_is_a_split()
    {
        var derived = Source.Replace(
            "Mayor Anna Kovacs ordered the evacuation of 4,000 residents from the lower districts.",
            "Mayor Anna Kovacs gave an order. She evacuated 4,000 residents from the lower districts.");
        var (a, _, _) = Analyze(derived);
        var split = Assert.Single(a.Alignments, al => al.Kind == AlignmentKind.Split);
        Assert.Equal([2], split.Source);
        Assert.Equal(2, split.Derived.Count);
    }

    [Fact]
    public void A_moved_paragraph_is_aligned_and_marked_moved()
    {
        var paragraphs = Source.Split("\n\n");
        var derived = paragraphs[1] + "\n\n" + paragraphs[0];
        var (a, _, _) = Analyze(derived);
        Assert.Equal(8, a.Alignments.Count);
        Assert.All(a.Alignments, al => Assert.Equal(AlignmentKind.Verbatim, al.Kind));
        var moved = a.Alignments.Where(al => al.Moved).SelectMany(al => al.Source).Order().ToList();
        Assert.Equal([6, 7], moved);
    }

    [Fact]
    public void Inserted_own_sentences_are_added_and_cut_ones_dropped()
    {
        var derived = Source
            .Replace("Army trucks carried the elderly to a sports hall on the hill. ", "")
            .Replace("The weather service warned", "Critics blame years of neglect by the regional council for the disaster. The weather service warned");
        var (a, s, d) = Analyze(derived);
        Assert.Equal([3], a.Dropped);
        var added = Assert.Single(a.Added);
        Assert.StartsWith("Critics blame", d.Model.SentenceText(added));
    }

    [Fact]
    public void An_unrelated_text_aligns_nothing()
    {
        var (a, _, _) = Analyze(
            "The city council approved a budget of 12 million euros for new bicycle lanes. " +
            "Work will start in spring and should take two years. " +
            "Shop owners on the main street asked for more parking.");
        Assert.Empty(a.Alignments);
        Assert.Equal(Relation.Unrelated, a.Relation);
    }
}
