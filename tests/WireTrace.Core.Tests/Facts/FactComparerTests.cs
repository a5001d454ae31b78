using WireTrace.Core.Facts;
using WireTrace.Core.Text;

namespace WireTrace.Core.Tests.Facts;

public sealed class FactComparerTests
{
    /// <summary>Builds an article from sentences (joined by a space, preceded by an unrelated lead) and compares the groups.</summary>
    private static IReadOnlyList<FactChange> Compare(string[] source, string[] derived)
    {
        var (st, ss) = Article(source, "KYIV (Reuters) - ", 4);
        var (dt, ds) = Article(derived, "By a staff writer. ", 10);
        return FactComparer.Compare(st, ss, dt, ds);
    }

    private static (string Text, List<(TextSpan, int)> Sentences) Article(string[] sentences, string lead, int firstIndex)
    {
        var text = lead;
        var spans = new List<(TextSpan, int)>();
        for (int i = 0; i < sentences.Length; i++)
        {
            spans.Add((new TextSpan(text.Length, sentences[i].Length), firstIndex + i));
            text += sentences[i] + " ";
        }
        return (text + "More text follows.", spans);
    }

    private static IReadOnlyList<FactChange> Compare(string source, string derived) => Compare([source], [derived]);

    // ---- no change ----

    [Theory]
    [InlineData("At least 12 people were killed on Friday when a bridge collapsed in Lviv, police said.",
                "A bridge collapse in Lviv on Friday killed at least 12 people, according to police.")]
    [InlineData("Twelve miners were trapped after the tunnel caved in, the Interior Ministry said.",
                "The Interior Ministry said 12 miners were trapped when the tunnel caved in.")]
    [InlineData("The government approved a $1.5 billion aid package on Jan. 5, 2024.",
                "A 1,500,000,000 dollars aid package was approved by the government on 5 January 2024.")]
    [InlineData("“We will rebuild every home,” said Interior Ministry spokesman Daniel Okafor.",
                "Interior Ministry spokesman Daniel Okafor said: \"We will rebuild every home.\"")]
    [InlineData("The convoy stopped 30 kilometers from the border, Elena Varga told AFP.",
                "Elena Varga told AFP the convoy halted 30 km short of the border.")]
    [InlineData("The storm left more than 300,000 homes without power in New York.",
                "More than 300,000 New York homes were left without electricity by the storm.")]
    public void RewordingThatKeepsFactsReportsNothing(string source, string derived)
    {
        Assert.Empty(Compare(source, derived));
    }

    [Fact]
    public void ReorderedClausesReportNothing()
    {
        var changes = Compare(
            "Okafor said on Tuesday that 40 percent of the city was flooded, while 2,000 residents had been evacuated.",
            "Some 2,000 residents had been evacuated and 40% of the city was under water, Okafor said on Tuesday.");
        // "some" was added to 2,000: the only change.
        var c = Assert.Single(changes);
        Assert.Equal(FactKind.Number, c.Kind);
        Assert.Equal("2,000", c.Source);
        Assert.Equal("Some 2,000", c.Derived);
    }

    [Fact]
    public void DroppedFactsAreNotChanges()
    {
        Assert.Empty(Compare(
            "At least 12 people were killed on Friday in Lviv, where rescuers from Poland joined the search, Elena Varga said.",
            "At least 12 people were killed in Lviv."));
    }

    // ---- numbers ----

    [Fact]
    public void NumberValueChange()
    {
        var c = Assert.Single(Compare(
            "The fighting has displaced 300,000 people in the region, the United Nations said.",
            "The fighting has displaced 200,000 people in the region, the United Nations said."));
        Assert.Equal(FactKind.Number, c.Kind);
        Assert.Equal("300,000", c.Source);
        Assert.Equal("200,000", c.Derived);
        Assert.Equal(4, c.SourceSentence);
        Assert.Equal(10, c.DerivedSentence);
        Assert.Contains("300,000 people → 200,000 people", c.Detail);
    }

    [Fact]
    public void HedgeAdded()
    {
        var c = Assert.Single(Compare("The blast killed 12 people, police said.", "The blast killed at least 12 people, police said."));
        Assert.Equal(FactKind.Number, c.Kind);
        Assert.Equal("12", c.Source);
        Assert.Equal("at least 12", c.Derived);
        Assert.Equal("qualifier added: at least", c.Detail);
    }

    [Fact]
    public void HedgeRemovedAndChanged()
    {
        var removed = Assert.Single(Compare("Nearly 40 villages were flooded.", "40 villages were flooded."));
        Assert.Equal("qualifier removed: nearly", removed.Detail);
        var changed = Assert.Single(Compare("About 200 families were evacuated.", "More than 200 families were evacuated."));
        Assert.Equal("qualifier changed: about → more than", changed.Detail);
        Assert.Equal("About 200", changed.Source);
        Assert.Equal("More than 200", changed.Derived);
    }

    [Fact]
    public void NumberShownAsWrittenWithTheHedgeOnlyWhenTheHedgeChanged()
    {
        var same = Assert.Single(Compare(
            "Some 300,000 residents of the valley have been ordered to leave their homes.",
            "Some 200,000 residents of the valley have been ordered to leave their homes."));
        Assert.Equal(("300,000", "200,000"), (same.Source, same.Derived));
        Assert.Equal("value changed: Some 300,000 residents → Some 200,000 residents", same.Detail);

        var both = Assert.Single(Compare(
            "The army sent about 1,200 soldiers to the valley.",
            "The army sent more than 1,500 soldiers to the valley."));
        Assert.Equal(("about 1,200", "more than 1,500"), (both.Source, both.Derived));
        Assert.Contains("qualifier changed: about → more than", both.Detail);
    }

    [Theory]
    [InlineData("The government approved a $1.5 billion aid package.", "The government approved a $2 billion aid package.", "$1.5 billion", "$2 billion")]
    [InlineData("Turnout in the city rose to 40% on Sunday.", "Turnout in the city rose to 45% on Sunday.", "40%", "45%")]
    [InlineData("The ferry was carrying twelve passengers and crew.", "The ferry was carrying twenty passengers and crew.", "twelve", "twenty")]
    [InlineData("The fund is worth 1.5 billion euros in total.", "The fund is worth 2.5 billion euros in total.", "1.5 billion", "2.5 billion")]
    public void NumberDisplayKeepsSignMagnitudeAndGluedUnit(string source, string derived, string from, string to)
    {
        var c = Assert.Single(Compare(source, derived));
        Assert.Equal((from, to), (c.Source, c.Derived));
    }

    [Theory]
    [InlineData("The ferry was carrying twelve passengers.", "The ferry was carrying 12 passengers.")]
    [InlineData("The deal is worth 1.5 billion euros.", "The deal is worth 1,500,000,000 euros.")]
    [InlineData("Two dozen houses were destroyed.", "24 houses were destroyed.")]
    [InlineData("Turnout rose to 40 percent.", "Turnout rose to 40%.")]
    public void SameNumberWrittenDifferentlyIsNoChange(string source, string derived)
    {
        Assert.Empty(Compare(source, derived));
    }

    [Fact]
    public void NumbersPairByUnit()
    {
        var changes = Compare(
            "The quake killed 25 people and destroyed 300 homes within 30 kilometres of the epicentre.",
            "The quake killed 25 people and destroyed 350 homes within 30 kilometres of the epicentre.");
        var c = Assert.Single(changes);
        Assert.Equal("300", c.Source);
        Assert.Equal("350", c.Derived);
    }

    [Fact]
    public void UnrelatedNumbersDoNotPair()
    {
        // The derived sentence drops the toll and adds a distance: different units, no shared context.
        Assert.Empty(Compare("The quake killed 25 people.", "The quake struck 30 km from the coast."));
    }

    // ---- dates ----

    [Fact]
    public void WeekdayChange()
    {
        var c = Assert.Single(Compare("Parliament will vote on Friday on the budget.", "Parliament will vote on Wednesday on the budget."));
        Assert.Equal(FactKind.Weekday, c.Kind);
        Assert.Equal("Friday", c.Source);
        Assert.Equal("Wednesday", c.Derived);
    }

    [Fact]
    public void DateAndMonthChanges()
    {
        var d = Assert.Single(Compare("The talks resumed on January 5 in Geneva.", "The talks resumed on January 7 in Geneva."));
        Assert.Equal(FactKind.Date, d.Kind);
        Assert.Equal("--01-05", d.Source);
        Assert.Equal("--01-07", d.Derived);
        var m = Assert.Single(Compare("Elections are expected in March.", "Elections are expected in April."));
        Assert.Equal(FactKind.Month, m.Kind);
        Assert.Equal(("March", "April"), (m.Source, m.Derived));
    }

    [Fact]
    public void YearAddedToSameDayIsNoChange()
    {
        Assert.Empty(Compare("The talks resumed on January 5.", "The talks resumed on January 5, 2024."));
    }

    // ---- names ----

    [Fact]
    public void NameSpellingChange()
    {
        var c = Assert.Single(Compare(
            "The bridge was designed by Elena Varga in the 1970s.",
            "The bridge was designed by Elena Vargas in the 1970s."));
        Assert.Equal(FactKind.Name, c.Kind);
        Assert.Equal(("Elena Varga", "Elena Vargas"), (c.Source, c.Derived));
        Assert.Equal("spelling changed", c.Detail);
    }

    [Fact]
    public void NameReplacedInSameRole()
    {
        var c = Assert.Single(Compare(
            "The delegation was led by Elena Varga, the deputy foreign minister.",
            "The delegation was led by Maria Lindqvist, the deputy foreign minister."));
        Assert.Equal(("Elena Varga", "Maria Lindqvist"), (c.Source, c.Derived));
        Assert.Equal("name replaced", c.Detail);
    }

    [Fact]
    public void ShortAndFullFormsOfANameAreTheSame()
    {
        Assert.Empty(Compare("The plan was presented by Daniel Okafor in Geneva.", "The plan was presented by Okafor in Geneva."));
        Assert.Empty(Compare("The appeal was made at the United Nations in New York.", "The appeal was made at the UN in New York."));
    }

    [Fact]
    public void DroppedNameIsNotASubstitution()
    {
        Assert.Empty(Compare(
            "Elena Varga and Maria Lindqvist visited the site in Lviv.",
            "Maria Lindqvist visited the site in Lviv."));
    }

    // ---- attributions ----

    [Fact]
    public void StatementCreditedToAnotherSpeaker()
    {
        var c = Assert.Single(Compare(
            "The roads into the city remain closed, said spokesman Daniel Okafor.",
            "The roads into the city remain closed, the Interior Ministry said."));
        Assert.Equal(FactKind.Attribution, c.Kind);
        Assert.Equal(("Daniel Okafor", "Interior Ministry"), (c.Source, c.Derived));
    }

    [Fact]
    public void ToldAnotherSpeaker()
    {
        var changes = Compare("Varga told AFP the water rose within minutes.", "Okafor told AFP the water rose within minutes.");
        var c = Assert.Single(changes);
        Assert.Equal(FactKind.Attribution, c.Kind);
        Assert.Equal(("Varga", "Okafor"), (c.Source, c.Derived));
        Assert.Equal("speaker changed (told)", c.Detail);
    }

    [Fact]
    public void QuoteCreditedToAnotherTitledSpeaker()
    {
        const string source = "\"Every hour counts now, because the ground is saturated and more rain is coming,\" said regional fire chief Tomas Brandt.";
        const string derived = "\"Every hour counts now, because the ground is saturated and more rain is coming,\" said Kellmoor Mayor Elena Varga.";
        var changes = FactComparer.Compare(source, [(new TextSpan(0, source.Length), 11)], derived, [(new TextSpan(0, derived.Length), 14)]);
        var c = Assert.Single(changes);
        Assert.Equal(FactKind.Attribution, c.Kind);
        Assert.Equal(("Tomas Brandt", "Elena Varga"), (c.Source, c.Derived));
        Assert.Equal((11, 14), (c.SourceSentence, c.DerivedSentence));
    }

    [Fact]
    public void SameSpeakerWithAnotherTitleIsNoChange()
    {
        Assert.Empty(Compare(
            "\"We need more pumps,\" said regional fire chief Tomas Brandt.",
            "\"We need more pumps,\" said Ashwater Fire Chief Tomas Brandt."));
    }

    [Fact]
    public void MinistryAndInteriorMinistryAreTheSameSpeaker()
    {
        Assert.Empty(Compare("The roads remain closed, the ministry said.", "The roads remain closed, the Interior Ministry said."));
    }

    [Fact]
    public void PronounSpeakerIsNotAChange()
    {
        Assert.Empty(Compare("The roads remain closed, Okafor said.", "The roads remain closed, he said."));
    }

    // ---- quotes ----

    [Fact]
    public void QuoteWordsChanged()
    {
        var c = Assert.Single(Compare(
            "“We will rebuild every single home,” Okafor said.",
            "“We will rebuild every damaged home,” Okafor said."));
        Assert.Equal(FactKind.Quote, c.Kind);
        Assert.Equal("We will rebuild every single home", c.Source);
        Assert.Equal("We will rebuild every damaged home", c.Derived);
        Assert.Equal("words changed: -[single] +[damaged]", c.Detail);
    }

    [Fact]
    public void QuoteMarkStyleAndSpacingAreNotChanges()
    {
        Assert.Empty(Compare("\"We will  rebuild every home,\" Okafor said.", "Okafor said: “We will rebuild every home.”"));
    }

    [Fact]
    public void ShortenedQuote()
    {
        var c = Assert.Single(Compare(
            "“We will rebuild every home and every school before winter,” Okafor said.",
            "Okafor promised to “rebuild every home and every school”."));
        Assert.Equal(FactKind.Quote, c.Kind);
        Assert.Equal("shortened", c.Detail);
    }

    [Fact]
    public void QuoteSplitOverTwoSentencesMatchesJoinedQuote()
    {
        Assert.Empty(Compare(
            ["“The water rose within minutes.", "Nobody had time to leave,” Varga said."],
            ["“The water rose within minutes. Nobody had time to leave,” Varga said."]));
    }

    // ---- merges ----

    [Fact]
    public void MergedSentencesPairAcrossTheGroup()
    {
        var changes = Compare(
            ["At least 12 people were killed when the bridge collapsed on Friday.", "Rescuers pulled 30 survivors from the river, police said."],
            ["Police said rescuers pulled 35 survivors from the river after the bridge collapse on Friday killed at least 12 people."]);
        var c = Assert.Single(changes);
        Assert.Equal(FactKind.Number, c.Kind);
        Assert.Equal(("30", "35"), (c.Source, c.Derived));
        Assert.Equal(5, c.SourceSentence);
        Assert.Equal(10, c.DerivedSentence);
    }

    [Fact]
    public void SplitSentenceReportsChangesInEachPart()
    {
        var changes = Compare(
            ["The storm killed 12 people on Monday and cut power to 300,000 homes, officials said."],
            ["The storm killed 14 people on Monday, officials said.", "It also cut power to 300,000 homes."]);
        var c = Assert.Single(changes);
        Assert.Equal(("12", "14"), (c.Source, c.Derived));
        Assert.Equal(10, c.DerivedSentence);
    }

    [Fact]
    public void SeveralChangesInOneSentence()
    {
        var changes = Compare(
            "At least 12 people were killed on Friday in Lviv, Elena Varga told AFP.",
            "More than 15 people were killed on Saturday in Lviv, Maria Lindqvist told AFP.");
        Assert.Contains(changes, c => c.Kind == FactKind.Number && c.Source == "At least 12" && c.Derived == "More than 15");
        Assert.Contains(changes, c => c.Kind == FactKind.Weekday && c.Source == "Friday" && c.Derived == "Saturday");
        Assert.Contains(changes, c => c.Kind == FactKind.Attribution && c.Source == "Elena Varga" && c.Derived == "Maria Lindqvist");
        Assert.Equal(3, changes.Count);
    }

    [Fact]
    public void EmptyGroups()
    {
        Assert.Empty(FactComparer.Compare("x", [], "y", []));
        Assert.Empty(Compare(["The blast killed 12 people."], []));
    }
}

/// <summary>False positives seen between wire reprints of one story (Helsinki summit corpus): none of these is a fact change.</summary>
public sealed class FactComparerReprintTests
{
    private static IReadOnlyList<FactChange> Compare(string source, string derived)
        => FactComparer.Compare(source, [(new TextSpan(0, source.Length), 3)], derived, [(new TextSpan(0, derived.Length), 7)]);

    [Theory]
    // photo credits and captions
    [InlineData("(AP Photo/Mel Evans)", "(Dmitry Astakhov, Sputnik, Kremlin Pool Photo via AP)")]
    [InlineData("(Photo: Pablo Martinez Monsivais / AP)", "(AP Photo/Evan Vucci, File)")]
    [InlineData("Evan Vucci/Associated Press", "Pablo Martinez Monsivais/Associated Press")]
    // title-case headlines, share bars, timestamps, gallery counters, script
    [InlineData("President Trump and Vladimir Putin Ready to Meet Amid Investigations and Rising Tensions", "Amid Investigations and Tensions, Trump-Putin Going 1-on-1")]
    [InlineData("CONNECT TWEET LINKEDIN 64 COMMENTEMAILMORE", "CONNECT TWEET LINKEDIN 22 COMMENTEMAILMORE")]
    [InlineData("1 hr 14 min ago", "1 hr 8 min ago")]
    [InlineData("29 minutes ago", "28 minutes ago")]
    [InlineData("Image 2 of 5", "Image 2 of 4")]
    [InlineData("_taboola.push({ mode: 'thumbnails-c', placement: 'Interstitial Gallery Thumbnails 5', target_type: 'mix' }); _taboola.push({flush: true});",
                "_taboola.push({ mode: 'thumbnails-c', placement: 'Interstitial Gallery Thumbnails 4', target_type: 'mix' }); _taboola.push({flush: true});")]
    [InlineData("6:30 am CDT, Monday, July 16, 2018", "9:54 pm PDT, Sunday, July 15, 2018")]
    [InlineData("— Piers Morgan (@piersmorgan) July 14, 2018", "July 15, 2018")]
    [InlineData("Paul Brandus, Opinion contributor Published 12:15 a.m. MT July 15, 2018", "Paul Brandus, Opinion contributor Published 3:15 a.m. ET July 15, 2018")]
    // datelines
    [InlineData("HELSINKI (AP) — President Donald Trump arrived in Finland on Sunday for a summit with Russian President Vladimir Putin.",
                "GLASGOW, Scotland — President Donald Trump arrived in Finland on Sunday for a summit with Russian President Vladimir Putin.")]
    public void PageFurnitureAndDatelinesAreNotFactChanges(string source, string derived)
    {
        Assert.Empty(Compare(source, derived));
    }

    [Theory]
    // the same entity written another way
    [InlineData("The U.S. doesn't have an extradition treaty with Moscow and can't force the Russians to hand over citizens.",
                "The U.S. has no extradition treaty with Moscow and can’t compel Russia to hand over citizens.")]
    [InlineData("Trump said that he considered the European Union a trade “foe,” on the eve of talks.",
                "Trump said that he considered the E.U. a trade “foe,” on the eve of talks.")]
    [InlineData("The summit comes at a low point in U.S.-Russia relations, officials said.", "The summit comes at a low point in U.S.- Russia relations, officials said.")]
    [InlineData("US President Donald Trump arrived in Helsinki on Sunday.", "U.S. President Donald Trump arrived in Helsinki on Sunday.")]
    // a name moved or dropped, not replaced
    [InlineData("Huntsman was interviewed on NBC’s “Meet the Press,” Paul appeared on CNN’s “State of the Union” and Bolton spoke with ABC’s “This Week.”",
                "Huntsman was interviewed on NBC’s “Meet the Press” and Paul appeared on CNN’s “State of the Union.”")]
    // different captions that share words but not the slot
    [InlineData("Russian President Vladimir Putin listens at the beginning of a meeting with U.S. President Donald Trump at the Presidential Palace in Helsinki.",
                "President Donald Trump and Finnish President Sauli Niinistö talk as they pose at the Presidential Palace in Helsinki.")]
    public void SameEntitiesOrMovedNamesAreNotReplacements(string source, string derived)
    {
        Assert.Empty(Compare(source, derived));
    }

    [Theory]
    // a quote broken up by narration, or two overlapping excerpts of one statement, or an editor's bracket
    [InlineData("\"Nothing bad is going to come out of it (Helsinki), and maybe some good will come out,\" Trump said.",
                "“Nothing bad is going to come out of” the Helsinki meeting, Trump said, “and maybe some good will come out.”")]
    [InlineData("\"We have not been getting along well for the last number of years,\" Trump said as he and Putin sat down.",
                "\"Our two countries, frankly, we have not been getting along well,\" Trump said as he and Putin sat down.")]
    [InlineData("Trump said: \"Nothing bad is going to come out of it, and maybe some good will come out.\"",
                "Trump said: \"Nothing bad is going to come out of it (Helsinki), and maybe some good will come out.\"")]
    // different quotes sharing a few words
    [InlineData("From aboard Air Force One, Trump called the U.S. news media \"the enemy of the people\" and complained about criticism.",
                "From aboard Air Force One, Trump railed that “Much of our news media is indeed the enemy of the people” as he headed to Helsinki.")]
    public void QuoteExcerptsAreNotMisquotes(string source, string derived)
    {
        Assert.Empty(Compare(source, derived));
    }

    [Theory]
    // "accused of" is a participle; the source speaker still named in the derived sentence was not replaced
    [InlineData("Questions have grown since the Justice Department indicted 12 Russian military intelligence officers accused of interfering in the 2016 election.",
                "The Justice Department has announced charges against 12 Russian military intelligence officers for interfering in the 2016 election.")]
    [InlineData("Democrats had urged Trump to cancel the summit after the Justice Department issued indictments charging 12 Russian officers.",
                "Democrats and some Republicans called for Trump to cancel the summit after the Department of Justice announced indictments of 12 Russian officers.")]
    // a role for the person named in the source
    [InlineData("Assessing the Putin meeting, Trump said: \"Nothing bad is going to come out of it.\"",
                "The president says \"nothing bad is going to come out of it.\"")]
    // an attribution in an unrelated statement
    [InlineData("Nielsen told the gathering that there are no signs that Russia is targeting this year's midterm elections.",
                "Trump has never condemned Russia over meddling in the 2016 election, and the Kremlin has insisted it didn't meddle in the election.")]
    public void AttributionsThatDidNotChange(string source, string derived)
    {
        Assert.DoesNotContain(Compare(source, derived), c => c.Kind == FactKind.Attribution);
    }

    [Fact]
    public void RealChangesInReprintsAreStillReported()
    {
        var quote = Assert.Single(Compare(
            "US President Donald Trump says his meeting in Helsinki with Vladimir Putin was \"a good start\".",
            "US President Donald Trump says his meeting in Helsinki with Vladimir Putin was a “very good start”."));
        Assert.Equal(FactKind.Quote, quote.Kind);
        var name = Assert.Single(Compare(
            "He is eager to recreate in Finland the heady experience that he had last month in Singapore.",
            "He is eager to recreate in Helsinki the heady experience that he had last month in Singapore."));
        Assert.Equal((FactKind.Name, "Finland", "Helsinki"), (name.Kind, name.Source, name.Derived));
        var nationality = Assert.Single(Compare(
            "A Russian official said the talks would resume in Geneva.",
            "A Ukrainian official said the talks would resume in Geneva."));
        Assert.Equal(("Russian", "Ukrainian"), (nationality.Source, nationality.Derived));
    }
}
