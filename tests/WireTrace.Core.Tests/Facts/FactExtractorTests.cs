using WireTrace.Core.Facts;
using WireTrace.Core.Text;

namespace WireTrace.Core.Tests.Facts;

public sealed class FactExtractorTests
{
    private static IReadOnlyList<Fact> Extract(string sentence) => FactExtractor.Extract(sentence, new TextSpan(0, sentence.Length), 0);

    private static List<Fact> Of(string sentence, FactKind kind) => Extract(sentence).Where(f => f.Kind == kind).ToList();

    private static List<string> Values(string sentence, FactKind kind) => Of(sentence, kind).Select(f => f.Value).ToList();

    // ---- numbers ----

    [Fact]
    public void PlainNumberWithUnit()
    {
        var n = Assert.Single(Of("The earthquake killed 25 people in the region.", FactKind.Number));
        Assert.Equal("25", n.Value);
        Assert.Equal("people", n.Unit);
        Assert.Null(n.Qualifier);
        Assert.Equal("25 people", n.Surface);
    }

    [Theory]
    [InlineData("At least 12 people were killed in the blast, police said.", "at least", "12")]
    [InlineData("The storm left more than 300,000 homes without power.", "more than", "300000")]
    [InlineData("Nearly 40 villages were flooded overnight.", "nearly", "40")]
    [InlineData("Officials said about 200 families had been evacuated.", "about", "200")]
    [InlineData("The project will employ up to 1,500 workers by next year.", "up to", "1500")]
    [InlineData("Fewer than 10 lawmakers voted against the bill.", "fewer than", "10")]
    [InlineData("An estimated 2,000 protesters marched through the capital.", "an estimated", "2000")]
    [InlineData("Some 70 migrants were rescued off the coast.", "some", "70")]
    [InlineData("Roughly 15 percent of voters remain undecided.", "roughly", "15")]
    [InlineData("The fire destroyed over 120 buildings.", "over", "120")]
    [InlineData("Almost 90 flights were cancelled.", "almost", "90")]
    [InlineData("Less than 5 percent of the aid has arrived.", "less than", "5")]
    [InlineData("Around 600 troops were deployed to the border.", "around", "600")]
    public void HedgeBeforeNumber(string sentence, string hedge, string value)
    {
        var n = Of(sentence, FactKind.Number).First();
        Assert.Equal(value, n.Value);
        Assert.Equal(hedge, n.Qualifier);
        Assert.StartsWith(hedge, n.Surface, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("The government approved a 1.5 billion euros package.", "1500000000", "euros")]
    [InlineData("The company was fined $5 million on Tuesday.", "5000000", "dollars")]
    [InlineData("Damage was put at €2.3 billion.", "2300000000", "euros")]
    [InlineData("The club paid £45m for the striker.", "45000000", "pounds")]
    [InlineData("The fund received US$300 million from donors.", "300000000", "dollars")]
    [InlineData("About 300 thousand people fled the fighting.", "300000", "people")]
    [InlineData("The deal is worth 1,500,000,000 dollars.", "1500000000", "dollars")]
    public void MagnitudesAndCurrencies(string sentence, string value, string unit)
    {
        var n = Assert.Single(Of(sentence, FactKind.Number));
        Assert.Equal(value, n.Value);
        Assert.Equal(unit, n.Unit);
    }

    [Theory]
    [InlineData("Twelve miners were trapped underground.", "12", "miners")]
    [InlineData("Rescuers pulled three children from the rubble.", "3", "children")]
    [InlineData("Two dozen houses were destroyed.", "24", "houses")]
    [InlineData("Police detained a dozen protesters outside parliament.", "12", "protesters")]
    [InlineData("The ferry was carrying twenty-five passengers.", "25", "passengers")]
    [InlineData("The blast injured two hundred people.", "200", "people")]
    [InlineData("Only one person survived the crash.", "1", "people")]
    [InlineData("Half a million people fled the city.", "500000", "people")]
    public void NumberWords(string sentence, string value, string unit)
    {
        var n = Assert.Single(Of(sentence, FactKind.Number));
        Assert.Equal(value, n.Value);
        Assert.Equal(unit, n.Unit);
    }

    [Fact]
    public void VagueAmounts()
    {
        var n = Assert.Single(Of("Hundreds of people gathered outside the courthouse.", FactKind.Number));
        Assert.Equal("hundreds", n.Value);
        Assert.Equal("people", n.Unit);
        var t = Assert.Single(Of("The war has displaced tens of thousands of civilians.", FactKind.Number));
        Assert.Equal("tens of thousands", t.Value);
        Assert.Equal("civilians", t.Unit);
    }

    [Theory]
    [InlineData("The convoy stopped 30 kilometers from the border.")]
    [InlineData("The convoy stopped 30 km from the border.")]
    [InlineData("The convoy stopped 30 kilometres from the border.")]
    [InlineData("Authorities set up a 30-kilometre exclusion zone.")]
    public void DistanceUnitsAreCanonical(string sentence)
    {
        var n = Assert.Single(Of(sentence, FactKind.Number));
        Assert.Equal("30", n.Value);
        Assert.Equal("km", n.Unit);
    }

    [Theory]
    [InlineData("Turnout rose to 40 percent.")]
    [InlineData("Turnout rose to 40 per cent.")]
    [InlineData("Turnout rose to 40%.")]
    public void PercentForms(string sentence)
    {
        var n = Assert.Single(Of(sentence, FactKind.Number));
        Assert.Equal("40", n.Value);
        Assert.Equal("percent", n.Unit);
    }

    [Theory]
    [InlineData("Maria Lindqvist, 45, was arrested at her home.", "45")]
    [InlineData("A 17-year-old boy was among the injured.", "17")]
    [InlineData("The victim, aged 63, died in hospital.", "63")]
    [InlineData("The suspect is 29 years old.", "29")]
    public void Ages(string sentence, string value)
    {
        var n = Assert.Single(Of(sentence, FactKind.Number));
        Assert.Equal(value, n.Value);
        Assert.Equal("age", n.Unit);
    }

    [Theory]
    [InlineData("Veterans of World War II gathered in Normandy.")]
    [InlineData("The crash closed Route 66 near Flagstaff.")]
    [InlineData("The airline grounded its Boeing 737 fleet.")]
    [InlineData("Ukraine asked for more F-16 jets.")]
    [InlineData("The meeting began at 10:30 and ended at 2 p.m.")]
    [InlineData("The vote was held on March 5, 2024.")]
    [InlineData("She won her 3rd title on Sunday.")]
    [InlineData("The agreement was signed in 2019.")]
    [InlineData("No one was hurt, one of the officials said.")]
    public void NotNumbers(string sentence)
    {
        Assert.Empty(Of(sentence, FactKind.Number));
    }

    [Fact]
    public void NumberSpanPointsIntoOriginalText()
    {
        const string text = "Intro sentence here. Floods killed at least 12 people on Friday.";
        int start = text.IndexOf("Floods", StringComparison.Ordinal);
        var facts = FactExtractor.Extract(text, TextSpan.FromBounds(start, text.Length), 3);
        var n = Assert.Single(facts, f => f.Kind == FactKind.Number);
        Assert.Equal("at least 12 people", n.Span.Substring(text));
        Assert.Equal(n.Surface, n.Span.Substring(text));
        Assert.Equal(3, n.Sentence);
        Assert.All(facts, f => Assert.True(f.Span.Start >= start));
    }

    // ---- dates ----

    [Theory]
    [InlineData("The talks resumed on January 5.", "--01-05")]
    [InlineData("The talks resumed on Jan. 5.", "--01-05")]
    [InlineData("The talks resumed on 5 January 2024.", "2024-01-05")]
    [InlineData("The talks resumed on 2024-01-05 in Geneva.", "2024-01-05")]
    [InlineData("The talks resumed on Jan 5, 2024, in Geneva.", "2024-01-05")]
    [InlineData("The talks resumed on January 5th.", "--01-05")]
    [InlineData("The plant closed in March 2020.", "2020-03")]
    [InlineData("The law has been in force since 2014.", "2014")]
    public void Dates(string sentence, string value)
    {
        var d = Assert.Single(Of(sentence, FactKind.Date));
        Assert.Equal(value, d.Value);
    }

    [Fact]
    public void MonthsAlone()
    {
        Assert.Equal(["March"], Values("Elections are expected in March.", FactKind.Month));
        Assert.Equal(["September"], Values("September was the wettest month on record.", FactKind.Month));
        Assert.Empty(Of("Protesters will march to parliament.", FactKind.Month));
        Assert.Empty(Of("Officials may delay the vote.", FactKind.Month));
        Assert.Empty(Of("Former prime minister Theresa May spoke.", FactKind.Month));
    }

    [Fact]
    public void Weekdays()
    {
        Assert.Equal(["Friday"], Values("The ministry said on Friday that talks had failed.", FactKind.Weekday));
        var w = Assert.Single(Of("Friday's vote was postponed.", FactKind.Weekday));
        Assert.Equal("Friday", w.Value);
        Assert.Empty(Of("Friday's vote was postponed.", FactKind.Name));
    }

    [Fact]
    public void RelativeDays()
    {
        Assert.Equal(["yesterday"], Values("The minister resigned yesterday.", FactKind.Date));
        Assert.Equal(["today"], Values("Today the parliament votes on the budget.", FactKind.Date));
    }

    // ---- names ----

    [Fact]
    public void MultiWordNames()
    {
        var names = Values("Maria Lindqvist met officials of the United Nations in New York.", FactKind.Name);
        Assert.Equal(["Maria Lindqvist", "United Nations", "New York"], names);
    }

    [Fact]
    public void TitlesAreKeptOutOfNames()
    {
        Assert.Equal(["Interior Ministry", "Daniel Okafor"], Values("Interior Ministry spokesman Daniel Okafor said the roads were closed.", FactKind.Name));
        Assert.Equal(["Emmanuel Macron"], Values("The visit was confirmed by President Emmanuel Macron.", FactKind.Name));
        Assert.Equal(["Keir Starmer"], Values("The bill was backed by Prime Minister Keir Starmer.", FactKind.Name));
        Assert.Equal(["UN", "Antonio Guterres"], Values("The appeal came from UN Secretary-General Antonio Guterres.", FactKind.Name));
    }

    [Fact]
    public void ConnectorsAndPrefixes()
    {
        Assert.Equal(["Bank of England"], Values("Interest rates were held by the Bank of England.", FactKind.Name));
        Assert.Equal(["Ursula von der Leyen"], Values("The plan was presented by Ursula von der Leyen.", FactKind.Name));
        Assert.Equal(["Bashar al-Assad"], Values("The offensive was ordered by Bashar al-Assad.", FactKind.Name));
        Assert.Equal(["Jean-Pierre Dupont"], Values("The mayor, Jean-Pierre Dupont, resigned.", FactKind.Name));
        Assert.Equal(["John F. Kennedy"], Values("The airport is named after John F. Kennedy.", FactKind.Name));
    }

    [Fact]
    public void SentenceInitialWords()
    {
        Assert.Empty(Of("Rescuers worked through the night.", FactKind.Name));
        Assert.Equal(["Elena Varga"], Values("Elena Varga said the bridge had collapsed.", FactKind.Name));
        Assert.Equal(["Okafor"], Values("Okafor said the roads were closed.", FactKind.Name));
        Assert.Equal(["United Nations"], Values("The United Nations condemned the attack.", FactKind.Name));
        Assert.Equal(["Kyiv"], Values("In Kyiv, sirens sounded for hours.", FactKind.Name));
    }

    [Fact]
    public void SingleWordsMidSentence()
    {
        Assert.Equal(["Reuters", "Kyiv"], Values("The official told Reuters that Kyiv would respond.", FactKind.Name));
    }

    [Fact]
    public void PossessiveIsStripped()
    {
        var n = Assert.Single(Of("The agency cited Okafor's office as its source.", FactKind.Name));
        Assert.Equal("Okafor", n.Value);
        Assert.Equal("Okafor", n.Surface);
    }

    [Fact]
    public void NumberInsideNameIsPartOfIt()
    {
        Assert.Contains("Route 66", Values("The crash closed Route 66 near Flagstaff.", FactKind.Name));
        Assert.Contains("World War II", Values("Veterans of World War II gathered in Normandy.", FactKind.Name));
    }

    // ---- attributions ----

    [Theory]
    [InlineData("Elena Varga said the bridge had collapsed.", "Elena Varga", "said")]
    [InlineData("The roads are closed, said spokesman Daniel Okafor.", "Daniel Okafor", "said")]
    [InlineData("The roads are closed, the ministry said.", "ministry", "said")]
    [InlineData("The roads are closed, the Interior Ministry said.", "Interior Ministry", "said")]
    [InlineData("Police said the driver fled the scene.", "police", "said")]
    [InlineData("Three people were arrested, police said.", "police", "said")]
    [InlineData("Varga told AFP that the bridge had collapsed.", "Varga", "told")]
    [InlineData("The bridge collapsed, according to local officials.", "officials", "according to")]
    [InlineData("The bridge collapsed, according to Elena Varga.", "Elena Varga", "according to")]
    [InlineData("Okafor, a spokesman for the ministry, said the roads were closed.", "Okafor", "said")]
    [InlineData("Interior Minister Daniel Okafor warned of further floods.", "Daniel Okafor", "warned")]
    [InlineData("Okafor also said the roads were closed.", "Okafor", "said")]
    [InlineData("The opposition accused the government of fraud.", "opposition", "accused")]
    [InlineData("The company, which employs 5,000 people, said it would cut 300 jobs.", "company", "said")]
    [InlineData("\"Every hour counts,\" said regional fire chief Tomas Brandt.", "Tomas Brandt", "said")]
    [InlineData("\"Every hour counts,\" said Kellmoor Mayor Elena Varga.", "Elena Varga", "said")]
    [InlineData("\"We lost everything,\" said UN Secretary-General Antonio Guterres.", "Antonio Guterres", "said")]
    [InlineData("The roads are closed, said veteran rescue coordinator Ana Lopes.", "Ana Lopes", "said")]
    [InlineData("\"Every hour counts,\" said the regional fire chief.", "chief", "said")]
    public void Attributions(string sentence, string speaker, string verb)
    {
        var a = Assert.Single(Of(sentence, FactKind.Attribution));
        Assert.Equal(speaker, a.Value);
        Assert.Equal(verb, a.Verb);
    }

    [Fact]
    public void QuoteThenSpeakerInBothOrders()
    {
        var a = Assert.Single(Of("\"We will rebuild every home,\" Okafor said.", FactKind.Attribution));
        Assert.Equal("Okafor", a.Value);
        var b = Assert.Single(Of("“We will rebuild every home,” said Daniel Okafor.", FactKind.Attribution));
        Assert.Equal("Daniel Okafor", b.Value);
        var c = Assert.Single(Of("“We will rebuild every home,” said the ministry's spokesman.", FactKind.Attribution));
        Assert.Equal("spokesman", c.Value);
    }

    [Fact]
    public void NoAttributionWithoutSpeaker()
    {
        Assert.Empty(Of("It was said to be the worst flood in a century.", FactKind.Attribution));
        Assert.Empty(Of("Twelve reported cases were confirmed.", FactKind.Attribution));
    }

    // ---- quotes ----

    [Fact]
    public void QuoteWithSpeaker()
    {
        var q = Assert.Single(Of("“We will rebuild every home,” Okafor told reporters.", FactKind.Quote));
        Assert.Equal("We will rebuild every home", q.Value);
        Assert.Equal("Okafor", q.Speaker);
        Assert.Equal("“We will rebuild every home,”", q.Surface);
    }

    [Fact]
    public void StraightAndMixedQuoteMarks()
    {
        Assert.Equal(["The situation is critical"], Values("Varga said: \"The situation is critical.\"", FactKind.Quote));
        Assert.Equal(["The situation is critical"], Values("Varga said: “The situation is critical.\"", FactKind.Quote));
        Assert.Equal(["We did not expect it"], Values("\"We did not  expect it,\" she said.", FactKind.Quote));
    }

    [Fact]
    public void WhitespaceIsNormalisedInQuotes()
    {
        Assert.Equal(["We did not expect this"], Values("\"We did not\n expect   this,\" she said.", FactKind.Quote));
    }

    [Fact]
    public void QuoteOpenedButNotClosedRunsToSentenceEnd()
    {
        var q = Assert.Single(Of("Okafor said: “The water rose within minutes.", FactKind.Quote));
        Assert.Equal("The water rose within minutes", q.Value);
        Assert.Equal("Okafor", q.Speaker);
    }

    [Fact]
    public void QuoteClosedButNotOpenedRunsFromSentenceStart()
    {
        var q = Assert.Single(Of("Nobody had time to leave,” Okafor said.", FactKind.Quote));
        Assert.Equal("Nobody had time to leave", q.Value);
        Assert.Equal("Okafor", q.Speaker);
    }

    [Fact]
    public void DoubledStraightQuotesOfEscapedTextActAsOneMark()
    {
        var q = Assert.Single(Of("\"\"You had a group on one side that was bad,\"\" Trump said.", FactKind.Quote));
        Assert.Equal("You had a group on one side that was bad", q.Value);
        Assert.Equal("Trump", q.Speaker);
    }

    [Fact]
    public void WordAfterSectionMarkerStartsASentence()
    {
        Assert.Equal(["Andre"], Values("On the humor ### Whenever I go there, Andre laughs.", FactKind.Name));
    }

    [Fact]
    public void TwoQuotesInOneSentence()
    {
        var quotes = Values("“It is over,” Varga said, “and we lost.”", FactKind.Quote);
        Assert.Equal(["It is over", "and we lost"], quotes);
    }

    [Fact]
    public void ApostrophesAreNotQuotes()
    {
        Assert.Empty(Of("The mayor's office didn't comment on the ministers' plan.", FactKind.Quote));
    }

    [Fact]
    public void FactsAreOrderedByPosition()
    {
        var facts = Extract("At least 12 people died on Friday when a bridge collapsed in Lviv, Elena Varga told AFP.");
        Assert.Equal(facts.OrderBy(f => f.Span.Start).Select(f => f.Span.Start), facts.Select(f => f.Span.Start));
        Assert.Contains(facts, f => f.Kind == FactKind.Number && f.Value == "12" && f.Qualifier == "at least");
        Assert.Contains(facts, f => f.Kind == FactKind.Weekday && f.Value == "Friday");
        Assert.Contains(facts, f => f.Kind == FactKind.Name && f.Value == "Lviv");
        Assert.Contains(facts, f => f.Kind == FactKind.Attribution && f.Value == "Elena Varga" && f.Verb == "told");
    }

    [Fact]
    public void EmptyAndPunctuationOnlySentences()
    {
        Assert.Empty(FactExtractor.Extract("", new TextSpan(0, 0), 0));
        Assert.Empty(Extract("— ... —"));
    }

    [Fact]
    public void TitleComplementIsNotPartOfName()
    {
        var names = Values("California Secretary of State Alex Padilla, a Democrat, said the vote was secure.", FactKind.Name);
        Assert.Contains("Alex Padilla", names);
        Assert.DoesNotContain(names, n => n.Contains("State", StringComparison.Ordinal));
        var a = Assert.Single(Of("California Secretary of State Alex Padilla, a Democrat, said the vote was secure.", FactKind.Attribution));
        Assert.Equal("Alex Padilla", a.Value);
    }

    [Fact]
    public void PronounIIsNotAName()
    {
        Assert.Equal(["Brussels"], Values("“I’ll go to Brussels,” the minister said, and I believe him.", FactKind.Name));
    }

    [Fact]
    public void DoubledSingleQuotesActAsDoubleQuotes()
    {
        var q = Assert.Single(Of("Trump said he ‘‘hadn’t thought’’ of asking for the extradition.", FactKind.Quote));
        Assert.Equal("hadn't thought", q.Value);
        Assert.Equal("Trump", q.Speaker);
    }

    [Fact]
    public void YearsAreDatesButCountsAreNumbers()
    {
        var facts = Extract("Moscow’s 2014 annexation of Crimea followed a 2015 plan, and 2000 soldiers arrived, some 1999 people said.");
        Assert.Equal(["2014", "2015"], facts.Where(f => f.Kind == FactKind.Date).Select(f => f.Value));
        Assert.Equal(["2000", "1999"], facts.Where(f => f.Kind == FactKind.Number).Select(f => f.Value));
    }

    [Fact]
    public void SpanOutsideTextThrows()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FactExtractor.Extract("abc", new TextSpan(1, 5), 0));
    }
}
