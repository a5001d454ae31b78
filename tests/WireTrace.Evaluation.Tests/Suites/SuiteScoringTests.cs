using System.Text;
using WireTrace.Core.Alignment;
using WireTrace.Core.Analysis;
using WireTrace.Core.Facts;
using WireTrace.Core.Similarity;
using WireTrace.Core.Stories;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Evaluation.Datasets;
using WireTrace.Evaluation.Suites;
using WireTrace.Evaluation.Synthetic;

namespace WireTrace.Evaluation.Tests.Suites;

public sealed class CloughScoringTests
{
    [Theory]
    [InlineData(Relation.Duplicate, DerivationDegree.CutAndPaste)]
    [InlineData(Relation.NearDuplicate, DerivationDegree.CutAndPaste)]
    [InlineData(Relation.Excerpt, DerivationDegree.CutAndPaste)]
    [InlineData(Relation.Partial, DerivationDegree.LightRevision)]
    [InlineData(Relation.Paraphrase, DerivationDegree.HeavyRevision)]
    [InlineData(Relation.SameEvent, DerivationDegree.NonDerived)]
    [InlineData(Relation.Unrelated, DerivationDegree.NonDerived)]
    public void Relation_maps_to_the_documented_class(Relation relation, DerivationDegree expected) =>
        Assert.Equal(expected, CloughSuite.MapRelation(relation));

    [Fact]
    public void Score_counts_four_class_and_derived_accuracy()
    {
        DerivationDegree[] gold = [DerivationDegree.NonDerived, DerivationDegree.HeavyRevision, DerivationDegree.LightRevision, DerivationDegree.CutAndPaste];
        DerivationDegree[] predicted = [DerivationDegree.NonDerived, DerivationDegree.LightRevision, DerivationDegree.LightRevision, DerivationDegree.NonDerived];
        var (metrics, confusion) = CloughSuite.Score(gold, predicted);
        var m = metrics.ToDictionary(x => x.Name, x => x.Value);
        Assert.Equal(0.5, m["accuracy"], 10);
        Assert.Equal(0.75, m["derived_accuracy"], 10); // only the cut&paste answer predicted non-derived is wrong
        Assert.Equal(1, confusion.Count("3 cut&paste", "0 non-derived"));
        Assert.Equal(4, confusion.Labels.Count);
        // per class F1: 0 → 2/3, 1 → 0, 2 → 2/3, 3 → 0
        Assert.Equal((2.0 / 3 + 2.0 / 3) / 4, m["macro_f1"], 10);
    }
}

public sealed class AlignmentCountsTests
{
    private static SentenceAlignment Group(int[] derived, int[] source) =>
        new(derived, source, AlignmentKind.Verbatim, 1, new WordDiffResult([], 0, 0, 0, 0), false);

    [Fact]
    public void Precision_counts_links_and_recall_counts_gold_sentences()
    {
        var gold = new Dictionary<int, IReadOnlySet<int>>
        {
            [0] = new HashSet<int> { 3 },
            [1] = new HashSet<int> { 5, 6 }, // the article holds the sentence twice
            [2] = new HashSet<int> { 9 },
        };
        // 0 → 3 right; 1 → {5, 7} merge: one right link, one wrong; 2 unaligned; 4 has no gold and is ignored.
        var counts = AlignmentCounts.Score([Group([0], [3]), Group([1], [5, 7]), Group([4], [0])], gold);
        Assert.Equal(3, counts.PredictedLinks);
        Assert.Equal(2, counts.CorrectLinks);
        Assert.Equal(3, counts.GoldSentences);
        Assert.Equal(2, counts.FoundSentences);
        Assert.Equal(2.0 / 3, counts.Precision, 10);
        Assert.Equal(2.0 / 3, counts.Recall, 10);
        var sum = counts + counts;
        Assert.Equal(6, sum.PredictedLinks);
        Assert.Equal(2.0 / 3, sum.Recall, 10);
    }

    [Fact]
    public void Nothing_predicted_gives_zero_not_an_error()
    {
        var counts = AlignmentCounts.Score([], new Dictionary<int, IReadOnlySet<int>> { [0] = new HashSet<int> { 0 } });
        Assert.Equal(0, counts.Precision);
        Assert.Equal(0, counts.Recall);
    }
}

public sealed class BbcSuiteTests
{
    private static readonly TextAnalyzer Text = new(EnglishStemmer.Default);

    private const string Article =
        "Bank raises rates\n\nThe central bank raised its main interest rate to 4.75% on Thursday. " +
        "It was the fifth rise in a year. Economists had expected the move after strong retail figures. " +
        "The pound rose against the dollar on the news. Mortgage lenders are expected to follow within days.";

    private static BbcNewsSummaryPair Pair(string summary)
    {
        int bodyStart = Article.IndexOf("The central", StringComparison.Ordinal);
        return new BbcNewsSummaryPair("business", 1, "Bank raises rates", Article, TextSpan.FromBounds(bodyStart, Article.Length), summary);
    }

    [Fact]
    public void Equal_sentence_gold_matches_glued_summary_sentences_and_leaves_out_the_rest()
    {
        var summary = "The pound rose against the dollar on the news.The central bank raised its main interest rate to 4.75% on Thursday.Something not in the article at all.";
        var pair = Pair(summary);
        var article = Text.Analyze(pair.Article, pair.Body);
        var derived = Text.Analyze(summary);
        var gold = BbcSuite.EqualSentenceGold(article, derived);
        Assert.Equal(3, derived.Sentences.Count);
        Assert.Equal([3], gold[0]);
        Assert.Equal([0], gold[1]);
        Assert.False(gold.ContainsKey(2));
    }

    [Fact]
    public void A_glued_extract_is_an_excerpt_with_every_sentence_aligned()
    {
        var outcome = BbcSuite.Analyse(Pair("The pound rose against the dollar on the news.The central bank raised its main interest rate to 4.75% on Thursday."), Text);
        Assert.Equal(Relation.Excerpt, outcome.Relation);
        Assert.Equal(1.0, outcome.Alignment.Precision);
        Assert.Equal(1.0, outcome.Alignment.Recall);
        Assert.Equal(0, outcome.SummarySentencesWithoutGold);
    }
}

public sealed class SentencePairScorerTests
{
    private static readonly SentencePairScorer Scorer = new(
    [
        "The company said profits rose sharply in the first quarter.",
        "Shares fell after the central bank raised interest rates.",
        "The minister resigned on Tuesday after a week of protests.",
    ]);

    [Fact]
    public void Identical_sentences_score_one_and_are_aligned()
    {
        const string s = "The minister resigned on Tuesday after a week of protests.";
        Assert.Equal(1.0, Scorer.Score(s, s), 6);
        Assert.True(Scorer.Aligned(s, s));
    }

    [Fact]
    public void Unrelated_sentences_score_low_and_are_not_aligned()
    {
        const string a = "The minister resigned on Tuesday after a week of protests.";
        const string b = "Heavy snow closed schools across the northern region.";
        Assert.True(Scorer.Score(a, b) < 0.2);
        Assert.False(Scorer.Aligned(a, b));
    }

    [Fact]
    public void A_text_the_segmenter_splits_is_scored_as_one_sentence()
    {
        var model = new TextAnalyzer(EnglishStemmer.Default).Analyze("He left. She stayed behind.");
        Assert.Equal(2, model.Sentences.Count);
        var one = SentencePairScorer.AsOneSentence(model);
        var sentence = Assert.Single(one.Sentences);
        Assert.Equal(model.Tokens.Count, sentence.TokenCount);
        Assert.Equal("He left. She stayed behind.", one.SentenceText(0));
    }

    [Fact]
    public void Graded_score_is_the_score_for_a_plain_similarity_and_the_graded_head_when_there_is_one()
    {
        const string a = "The company said profits rose sharply in the first quarter.";
        const string b = "Profits at the company rose sharply in the quarter.";
        Assert.Equal(Scorer.Score(a, b), Scorer.GradedScore(a, b));
        var graded = new SentencePairScorer([a, b], new SentenceScorer("graded", (lexical, _) => new GradedByLength(lexical), AlignerOptions.Default));
        Assert.Equal(4.0, graded.GradedScore(a, "Profits rose."), 6);
        Assert.Equal(graded.Score(a, b), new SentencePairScorer([a, b]).Score(a, b), 12);
        var (x, y) = graded.Profiles(a, "");
        Assert.Single(x.Sentences);
        Assert.Empty(y.Sentences);
        Assert.Equal(0, graded.GradedScore(a, ""));
    }

    /// <summary>A similarity whose graded head is the second sentence's content-token count (to see which head is used).</summary>
    private sealed class GradedByLength(ISentenceSimilarity lexical) : IGradedSentenceSimilarity
    {
        public string Name => "graded";

        public SimilarityScore Score(DocumentProfile a, int sentenceA, DocumentProfile b, int sentenceB) => lexical.Score(a, sentenceA, b, sentenceB);

        public double Containment(DocumentProfile a, int sentenceA, DocumentProfile b, ReadOnlySpan<int> sentencesB) => lexical.Containment(a, sentenceA, b, sentencesB);

        public double Graded(DocumentProfile a, int sentenceA, DocumentProfile b, int sentenceB) => 2 * b.Sentences[sentenceB].ContentTokenCount;
    }
}

public sealed class SyntheticScoringTests
{
    [Theory]
    [InlineData(SyntheticRelation.Source, "source")]
    [InlineData(SyntheticRelation.Duplicate, "duplicate")]
    [InlineData(SyntheticRelation.ChainCopy, "duplicate")]
    [InlineData(SyntheticRelation.NearDuplicate, "near-duplicate")]
    [InlineData(SyntheticRelation.MovedParagraphs, "near-duplicate")]
    [InlineData(SyntheticRelation.SentenceMerge, "near-duplicate")]
    [InlineData(SyntheticRelation.SentenceSplit, "near-duplicate")]
    [InlineData(SyntheticRelation.FactChange, "near-duplicate")]
    [InlineData(SyntheticRelation.Excerpt, "excerpt")]
    [InlineData(SyntheticRelation.Partial, "partial")]
    [InlineData(SyntheticRelation.UnrelatedDistractor, "unrelated")]
    [InlineData(SyntheticRelation.SameTopicDistractor, "unrelated")]
    public void Generator_relation_maps_to_the_documented_contract_relation(SyntheticRelation relation, string expected) =>
        Assert.Equal(expected, SyntheticScoring.GoldRelation(relation));

    [Fact]
    public void Gold_sentences_map_to_the_WireTrace_sentence_covering_them()
    {
        const string text = "Prefix - First sentence here. Second one.Third glued.";
        var model = new TextAnalyzer(EnglishStemmer.Default).Analyze(text);
        GoldSentence[] gold =
        [
            new(0, text.IndexOf("Prefix", StringComparison.Ordinal), "Prefix - First sentence here.".Length, 0, [0]),
            new(1, text.IndexOf("Second", StringComparison.Ordinal), "Second one.".Length, 0, [-1]),
            new(2, text.IndexOf("Third", StringComparison.Ordinal), "Third glued.".Length, 0, [1]),
        ];
        var map = SyntheticScoring.MapSentences(gold, model);
        for (int g = 0; g < gold.Length; g++)
        {
            var s = model.Sentences[map[g]].Span;
            Assert.True(s.Start < gold[g].Start + gold[g].Length && gold[g].Start < s.End, $"gold {g} mapped to a sentence that does not overlap it");
        }
        var added = SyntheticScoring.PositiveSentences(map, g => gold[g].SourceSentences is [-1]);
        // The added sentence is counted only if WireTrace did not glue it to a reused one.
        Assert.Equal(map[1] == map[2] ? [] : new HashSet<int> { map[1] }, added);
    }

    [Fact]
    public void Positive_sentences_exclude_a_sentence_that_also_holds_a_negative_one() =>
        Assert.Equal([3], SyntheticScoring.PositiveSentences([0, 1, 1, 3], g => g is 1 or 3));

    private static PlantedFactChange Planted(FactChangeKind kind, string old, string @new) => new(kind, old, @new, 0, 0);

    private static FactChange Reported(FactKind kind, string source, string derived) => new(kind, source, derived, 0, 0);

    [Fact]
    public void Numbers_match_up_to_a_scale_and_hedges_must_agree()
    {
        Assert.True(SyntheticScoring.Matches(Planted(FactChangeKind.NumberChanged, "12.6", "13.2"), Reported(FactKind.Number, "12600000", "13200000")));
        Assert.True(SyntheticScoring.Matches(Planted(FactChangeKind.NumberChanged, "1,500", "1,650"), Reported(FactKind.Number, "1500", "1650")));
        Assert.True(SyntheticScoring.Matches(Planted(FactChangeKind.NumberHedged, "168,000", "about 168,000"), Reported(FactKind.Number, "168000", "about 168000")));
        Assert.False(SyntheticScoring.Matches(Planted(FactChangeKind.NumberHedged, "30", "up to 30"), Reported(FactKind.Number, "30", "about 30")));
        Assert.False(SyntheticScoring.Matches(Planted(FactChangeKind.NumberChanged, "12.6", "13.2"), Reported(FactKind.Number, "12600000", "13300000")));
        Assert.False(SyntheticScoring.Matches(Planted(FactChangeKind.NumberChanged, "35", "45"), Reported(FactKind.Number, "35", "70")));
        Assert.False(SyntheticScoring.Matches(Planted(FactChangeKind.NumberChanged, "35", "45"), Reported(FactKind.Name, "35", "45")));
    }

    [Fact]
    public void Dates_weekdays_names_and_attributions_match_on_their_values()
    {
        Assert.True(SyntheticScoring.Matches(Planted(FactChangeKind.Date, "Feb 22", "Feb 24"), Reported(FactKind.Date, "--02-22", "--02-24")));
        Assert.True(SyntheticScoring.Matches(Planted(FactChangeKind.Date, "March", "June"), Reported(FactKind.Month, "March", "June")));
        Assert.False(SyntheticScoring.Matches(Planted(FactChangeKind.Date, "Feb 22", "Feb 24"), Reported(FactKind.Date, "--02-22", "--02-25")));
        Assert.True(SyntheticScoring.Matches(Planted(FactChangeKind.Weekday, "Friday", "Sunday"), Reported(FactKind.Weekday, "Friday", "Sunday")));
        Assert.True(SyntheticScoring.Matches(Planted(FactChangeKind.Name, "National Savings", "Henry Kelly"), Reported(FactKind.Name, "National Savings", "Henry Kelly")));
        Assert.True(SyntheticScoring.Matches(Planted(FactChangeKind.Name, "West Germany", "Robert Clarke"), Reported(FactKind.Name, "Four of West Germany", "Four of Robert Clarke")));
        Assert.True(SyntheticScoring.Matches(Planted(FactChangeKind.Attribution, "The company", "Traders"), Reported(FactKind.Attribution, "company", "Traders")));
        Assert.False(SyntheticScoring.Matches(Planted(FactChangeKind.Attribution, "Emery", "Officials"), Reported(FactKind.Attribution, "Emery", "company")));
    }

    [Fact]
    public void Facts_are_matched_one_to_one_and_counted_per_kind()
    {
        var counts = new Dictionary<FactKind, (long Tp, long Fp, long Fn)>();
        SyntheticSuite.ScoreFacts(
            [Planted(FactChangeKind.NumberChanged, "35", "45"), Planted(FactChangeKind.Name, "Caesars World", "Joe Foster"), Planted(FactChangeKind.Weekday, "Friday", "Monday")],
            [Reported(FactKind.Number, "35", "45"), Reported(FactKind.Number, "35", "45"), Reported(FactKind.Name, "Caesars World", "Joe Foster"), Reported(FactKind.Quote, "a", "b")],
            counts);
        Assert.Equal((1L, 1L, 0L), counts[FactKind.Number]);
        Assert.Equal((1L, 0L, 0L), counts[FactKind.Name]);
        Assert.Equal((0L, 0L, 1L), counts[FactKind.Weekday]);
        Assert.Equal((0L, 1L, 0L), counts[FactKind.Quote]);
    }

    [Fact]
    public void Request_scales_every_count_with_the_sources()
    {
        var r = SyntheticSuite.Request(16);
        Assert.Equal(16, r.Sources);
        Assert.Equal(6, r.Duplicates);
        Assert.Equal(8, r.FactChanges);
        Assert.Equal(SyntheticSuite.Seed, r.Seed);
        var small = SyntheticSuite.Request(1);
        Assert.True(small.Chains >= 1 && small.Excerpts >= 1);
    }

    [Fact]
    public void Predicted_relation_is_source_derivation_or_unrelated()
    {
        var analysis = new PairAnalysis("a", "b", Relation.Excerpt, 1, new Coverage(0.5, 1), 1, [], [], [], [], new DirectionEvidence(1, []), new SameEventEvidence(0, 0, 0));
        var derivations = new Dictionary<string, Derivation> { ["b"] = new Derivation("b", "a", analysis) };
        var sources = new HashSet<string> { "a" };
        Assert.Equal("source", SyntheticSuite.PredictedRelation("a", derivations, sources));
        Assert.Equal("excerpt", SyntheticSuite.PredictedRelation("b", derivations, sources));
        Assert.Equal("unrelated", SyntheticSuite.PredictedRelation("c", derivations, sources));
    }
}

public sealed class EcbSuiteTests
{
    private static Derivation Edge(string derived, string from, Relation relation) =>
        new(derived, from, new PairAnalysis(from, derived, relation, 1, new Coverage(0, 0), 0, [], [], [], [], new DirectionEvidence(0, []), new SameEventEvidence(0, 0, 0)));

    [Fact]
    public void Splits_cover_the_documented_topics()
    {
        Assert.Equal((1, 25), EcbSuite.Topics(EvalSplit.Train));
        Assert.Equal((26, 35), EcbSuite.Topics(EvalSplit.Dev));
        Assert.Equal((36, 45), EcbSuite.Topics(EvalSplit.Test));
    }

    [Fact]
    public void Predicted_clusters_are_story_ids_or_derivation_families()
    {
        // a ← b (partial); a ← c (same-event) ← e (excerpt of c); a ← f (same-event, alone).
        var result = new StoryResult(
            [new Story("story-1", "a", ["a", "b", "c", "e", "f"],
                [Edge("b", "a", Relation.Partial), Edge("c", "a", Relation.SameEvent), Edge("e", "c", Relation.Excerpt), Edge("f", "a", Relation.SameEvent)])],
            ["d"], 3, 6);
        var with = EcbSuite.PredictedClusters(result, includeSameEvent: true);
        Assert.Equal(["a", "b", "c", "e", "f"], with.Keys.Order());
        Assert.All(with.Values, v => Assert.Equal("story-1", v));
        var families = EcbSuite.PredictedClusters(result, includeSameEvent: false);
        Assert.Equal("story-1", families["a"]);
        Assert.Equal("story-1", families["b"]);
        Assert.Equal("story-1/c", families["c"]);
        Assert.Equal("story-1/c", families["e"]);
        Assert.Equal("story-1/f", families["f"]);
    }
}

public sealed class SuitePlumbingTests
{
    [Fact]
    public void Json_has_suite_split_metrics_and_n_with_NaN_as_null()
    {
        var result = new SuiteResult("mrpc", "test", [new SuiteMetric("accuracy", 0.75), new SuiteMetric("f1", double.NaN)], 4, []);
        using var one = new MemoryStream();
        SuiteResultJson.Write(one, [result], asArray: false);
        using var doc = System.Text.Json.JsonDocument.Parse(one.ToArray());
        Assert.Equal("mrpc", doc.RootElement.GetProperty("suite").GetString());
        Assert.Equal("test", doc.RootElement.GetProperty("split").GetString());
        Assert.Equal(0.75, doc.RootElement.GetProperty("metrics").GetProperty("accuracy").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, doc.RootElement.GetProperty("metrics").GetProperty("f1").ValueKind);
        Assert.Equal(4, doc.RootElement.GetProperty("n").GetInt32());

        using var many = new MemoryStream();
        SuiteResultJson.Write(many, [result, result with { Suite = "sts" }], asArray: true);
        using var array = System.Text.Json.JsonDocument.Parse(many.ToArray());
        Assert.Equal(2, array.RootElement.GetArrayLength());
        Assert.Equal("sts", array.RootElement[1].GetProperty("suite").GetString());
    }

    [Theory]
    [InlineData("train", EvalSplit.Train)]
    [InlineData("dev", EvalSplit.Dev)]
    [InlineData("val", EvalSplit.Dev)]
    [InlineData("TEST", EvalSplit.Test)]
    public void Splits_parse(string text, EvalSplit expected)
    {
        Assert.True(EvalSplits.TryParse(text, out var split));
        Assert.Equal(expected, split);
    }

    [Fact]
    public void Unknown_split_does_not_parse() => Assert.False(EvalSplits.TryParse("holdout", out _));

    [Fact]
    public void Every_suite_reports_a_missing_data_folder_by_its_path()
    {
        var root = Path.Combine(Path.GetTempPath(), "wiretrace-no-data-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(["mrpc", "sts", "bbc", "clough", "ecb", "synthetic"], SuiteCatalog.All.Select(s => s.Name));
        foreach (var suite in SuiteCatalog.All)
        {
            var e = Assert.Throws<DatasetNotFoundException>(() => suite.Run(new EvalRequest(root)));
            Assert.StartsWith(root, e.Path);
            Assert.Contains(e.Path, e.Message);
        }
    }

    [Fact]
    public void Catalog_finds_suites_by_name_ignoring_case()
    {
        Assert.Equal("ecb", SuiteCatalog.Find("ECB")!.Name);
        Assert.Null(SuiteCatalog.Find("nope"));
    }
}
