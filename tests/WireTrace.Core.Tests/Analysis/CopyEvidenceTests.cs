using WireTrace.Core.Analysis;

namespace WireTrace.Core.Tests.Analysis;

/// <summary>
/// What counts as evidence that one article copied another: shared quotes, site template lines and short lines
/// are shared by independent pages, so they do not make a derivation on their own.
/// </summary>
public sealed class CopyEvidenceTests
{
    private const string QuoteOne = "“I would rather take a political risk in pursuit of peace than to risk peace in pursuit of politics,”";
    private const string QuoteTwo = "“Our relationship has never been worse than it is now, but that changed about four hours ago,”";
    private const string QuoteThree = "“The disinformation campaign against our country will not work, whatever they claim in Washington,”";

    private const string ReportA =
        "President Donald Trump defended his meeting with Vladimir Putin on Monday against a storm of criticism at home. " +
        QuoteOne + " Trump told reporters at the joint news conference. " +
        "The two leaders spoke for more than two hours behind closed doors at the presidential palace. " +
        QuoteTwo + " Trump said. " +
        QuoteThree + " Putin said. " +
        "Democrats in Congress called the summit a disgrace and demanded hearings. " +
        "Several Republican senators also criticised the remarks of the president.";

    private const string ReportB =
        "Finnish police closed much of central Helsinki for the summit between the American and Russian leaders. " +
        "Standing beside the Kremlin chief, the US president said: " + QuoteOne + " he insisted. " +
        "Protesters gathered in Senate Square holding signs against both men and their policies. " +
        QuoteTwo + " the US leader added. " +
        "Russian state television praised the meeting as a diplomatic victory for Moscow. " +
        QuoteThree + " the Russian president told journalists. " +
        "Oil prices barely moved as traders waited for details of any agreement. " +
        "Finland's president hosted both delegations at a working breakfast earlier in the day.";

    [Fact]
    public void Two_reports_sharing_only_press_conference_quotes_are_not_a_derivation()
    {
        var kit = new AnalysisTestKit();
        var a = kit.Add("a", ReportA);
        var b = kit.Add("b", ReportB);
        var pair = kit.Analyzer().Analyze(a, b);
        // Three quoted sentences are aligned verbatim (enough for a derivation before quotes were discounted) ...
        Assert.True(pair.Alignments.Count(x => x.Diff.LongestKeptRun >= 8) >= 3, string.Join(" | ", pair.Alignments.Select(x => x.Kind)));
        // ... but the reports share nothing else.
        Assert.False(pair.Relation.IsDerivation(), pair.Relation + " " + pair.Coverage + " " + string.Join(" | ", pair.Alignments.Select(x => $"{string.Join(",", x.Derived)}<{string.Join(",", x.Source)} {x.Kind} {x.Similarity:F2} kept {x.Diff.KeptWords} q {RelationClassifier.KeptMostlyInQuotes(b, x)}")));
    }

    [Fact]
    public void Copied_framing_sentences_beside_the_quotes_still_make_a_derivation()
    {
        var kit = new AnalysisTestKit();
        var a = kit.Add("a", ReportA);
        var b = kit.Add("b", ReportB
            + " The two leaders spoke for more than two hours behind closed doors at the presidential palace."
            + " Democrats in Congress called the summit a disgrace and demanded hearings.");
        var pair = kit.Analyzer().Analyze(a, b);
        Assert.Equal(Relation.Partial, pair.Relation);
    }

    private static readonly string[] Stories =
    [
        "Floods closed three schools in the valley after two days of heavy rain. Engineers inspected the old bridge near the mill. The mayor promised new pumps before the winter. Residents were told to boil their water until Friday.",
        "The city council approved a budget of 40 million for new buses. Drivers will get electric vehicles from next spring. The transport union welcomed the plan but asked for training. The first routes to change serve the airport.",
        "A rare orchid was found in the national park by two students. Botanists had not recorded the plant there for sixty years. Rangers fenced the site to keep walkers away. The students will present their find at a conference.",
        "Wheat prices rose sharply after a poor harvest in the south. Bakers warned that bread would cost more by the summer. The farm ministry released part of its grain reserve. Exporters expect lower shipments this year.",
    ];

    private const string Template =
        "Chat with us in Facebook Messenger to get the news. Find out what's happening in the world as it unfolds. " +
        "Read more stories like this one from our reporters today.";

    private static PairAnalysis TemplatePair(string? outlet, int pages)
    {
        var kit = new AnalysisTestKit();
        var docs = Enumerable.Range(0, pages).Select(i => kit.Add($"p{i}", Stories[i] + "\n\n" + Template, outlet: outlet)).ToList();
        return kit.Analyzer().Analyze(docs[0], docs[1]);
    }

    [Fact]
    public void Template_lines_of_one_outlet_are_not_evidence_between_its_pages()
    {
        var pair = TemplatePair("example.com", 4);
        Assert.Equal(3, pair.Alignments.Count(a => a.Kind == Core.Alignment.AlignmentKind.Verbatim));
        Assert.False(pair.Relation.IsDerivation(), pair.Relation.ToString());
    }

    [Fact]
    public void The_same_lines_count_when_the_outlet_is_unknown_or_too_few_of_its_pages_share_them()
    {
        Assert.True(TemplatePair(outlet: null, 4).Relation.IsDerivation());
        Assert.True(TemplatePair("example.com", 2).Relation.IsDerivation());
    }

    [Fact]
    public void Short_shared_lines_are_not_strong_evidence()
    {
        var kit = new AnalysisTestKit();
        const string chrome = "\n\nClose\n\nImage 1 of 4\n\nBack to Gallery\n\nUpdated at noon";
        var a = kit.Add("a", Stories[0] + chrome);
        var b = kit.Add("b", Stories[1] + chrome);
        var pair = kit.Analyzer().Analyze(a, b);
        Assert.True(pair.Alignments.Count >= 3);
        Assert.False(pair.Relation.IsDerivation(), pair.Relation.ToString());
    }
}
