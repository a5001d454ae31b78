using System.Text.Json;
using WireTrace.Evaluation.Datasets;
using WireTrace.Evaluation.Synthetic;
using WireTrace.Tests;

namespace WireTrace.Evaluation.Tests.Synthetic;

/// <summary>Reads Reuters-21578 once for all generator tests.</summary>
public sealed class ReutersFixture
{
    public IReadOnlyList<ReutersStory> Stories { get; } =
        new Reuters21578Dataset(SharedData.PathTo(Reuters21578Dataset.FolderName)).ReadStories().ToList();

    public Dictionary<int, ReutersStory> ById => _byId ??= Stories.ToDictionary(s => s.NewId);
    private Dictionary<int, ReutersStory>? _byId;
}

public sealed class SyntheticCorpusTests(ReutersFixture reuters) : IClassFixture<ReutersFixture>
{
    private static readonly SyntheticCorpusRequest Request = new() { Seed = 42, FactChanges = 8 };

    private GoldCorpus Generate(SyntheticCorpusRequest? request = null) =>
        new SyntheticCorpusGenerator().Generate(reuters.Stories, request ?? Request);

    private static (byte[] Corpus, byte[] Gold) Bytes(GoldCorpus corpus)
    {
        using var c = new MemoryStream();
        using var g = new MemoryStream();
        GoldCorpusWriter.WriteCorpusJsonl(corpus, c);
        GoldCorpusWriter.WriteGoldJson(corpus, g);
        return (c.ToArray(), g.ToArray());
    }

    [Fact]
    public void SameSeedGivesByteIdenticalOutput()
    {
        var a = Bytes(Generate());
        var b = Bytes(new SyntheticCorpusGenerator().Generate(reuters.Stories.Reverse(), Request)); // input order does not matter
        Assert.Equal(a.Corpus, b.Corpus);
        Assert.Equal(a.Gold, b.Gold);
        var other = Bytes(Generate(Request with { Seed = 43 }));
        Assert.NotEqual(a.Corpus, other.Corpus);
    }

    [Fact]
    public void RelationCountsMatchTheRequest()
    {
        var corpus = Generate();
        foreach (var (relation, count) in Request.Counts) Assert.Equal(count, corpus.Count(relation));
        Assert.Equal(Request.Counts.Sum(c => c.Count), corpus.Documents.Count);
        Assert.Equal(corpus.Documents.Count, corpus.Documents.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public void PlantedFactChangesAreInTheirSentences()
    {
        var corpus = Generate();
        var changes = 0;
        foreach (var doc in corpus.Documents.Where(d => d.Relation == SyntheticRelation.FactChange))
        {
            var parent = corpus.Document(doc.ParentId!);
            Assert.NotEmpty(doc.FactChanges);
            foreach (var f in doc.FactChanges)
            {
                var source = parent.Sentences[f.SourceSentence].TextIn(parent.Text);
                var derived = doc.Sentences[f.DerivedSentence].TextIn(doc.Text);
                Assert.Contains(f.OldValue, source);
                Assert.Contains(f.NewValue, derived);
                Assert.NotEqual(f.OldValue, f.NewValue);
                Assert.Equal([f.SourceSentence], doc.Sentences[f.DerivedSentence].SourceSentences);
                Assert.NotEqual(source, derived);
                if (f.Kind == FactChangeKind.NumberHedged) Assert.EndsWith(" " + f.OldValue, f.NewValue);
                changes++;
            }
            // sentences without a planted change are copied verbatim
            var changed = doc.FactChanges.Select(f => f.DerivedSentence).ToHashSet();
            foreach (var s in doc.Sentences.Where(s => !changed.Contains(s.Index)))
            {
                Assert.Equal(parent.Sentences[s.SourceSentences[0]].TextIn(parent.Text), s.TextIn(doc.Text));
            }
        }
        Assert.True(changes >= Request.FactChanges);
        Assert.True(corpus.Documents.SelectMany(d => d.FactChanges).Select(f => f.Kind).Distinct().Count() >= 4);
        Assert.All(corpus.Documents.Where(d => d.Relation != SyntheticRelation.FactChange), d => Assert.Empty(d.FactChanges));
    }

    [Fact]
    public void AlignmentGoldIsConsistent()
    {
        var corpus = Generate();
        foreach (var doc in corpus.Documents)
        {
            Assert.NotEmpty(doc.Sentences);
            var end = 0;
            foreach (var s in doc.Sentences)
            {
                Assert.True(s.Start >= end && s.Length > 0 && s.Start + s.Length <= doc.Text.Length, $"{doc.Id} sentence {s.Index}");
                Assert.Equal(s.TextIn(doc.Text).Trim(), s.TextIn(doc.Text));
                end = s.Start + s.Length;
            }
            Assert.Equal(Enumerable.Range(0, doc.Sentences.Count), doc.Sentences.Select(s => s.Index));

            if (doc.ParentId == null)
            {
                Assert.Contains(doc.Relation, new[] { SyntheticRelation.Source, SyntheticRelation.UnrelatedDistractor, SyntheticRelation.SameTopicDistractor });
                Assert.All(doc.Sentences, s => Assert.Empty(s.SourceSentences));
                Assert.Empty(doc.DroppedSourceSentences);
                Assert.Equal(doc.Relation == SyntheticRelation.Source ? doc.ReutersNewId : null, doc.StoryId);
                continue;
            }
            var parent = corpus.Document(doc.ParentId);
            Assert.Equal(parent.StoryId, doc.StoryId);
            Assert.True(string.CompareOrdinal(parent.Published, doc.Published) <= 0);
            var used = new HashSet<int>();
            foreach (var s in doc.Sentences)
            {
                Assert.NotEmpty(s.SourceSentences);
                foreach (var i in s.SourceSentences)
                {
                    Assert.True(i == -1 || (i >= 0 && i < parent.Sentences.Count), $"{doc.Id}: index {i} out of range");
                    if (i >= 0) used.Add(i);
                }
            }
            Assert.Empty(doc.DroppedSourceSentences.Intersect(used));
            Assert.Equal(parent.Sentences.Count, used.Count + doc.DroppedSourceSentences.Count);
        }
    }

    [Fact]
    public void EachRelationLooksLikeWhatItClaims()
    {
        var corpus = Generate();
        string Parent(GoldDocument d, int i) { var p = corpus.Document(d.ParentId!); return p.Sentences[i].TextIn(p.Text); }
        List<int> Flat(GoldDocument d) => d.Sentences.SelectMany(s => s.SourceSentences).ToList();
        static string Straighten(string s) => s.Replace('“', '"').Replace('”', '"').Replace('’', '\'');

        foreach (var d in corpus.Documents)
        {
            var n = d.ParentId == null ? 0 : corpus.Document(d.ParentId).Sentences.Count;
            switch (d.Relation)
            {
                case SyntheticRelation.Duplicate or SyntheticRelation.ChainCopy:
                    Assert.Equal(Enumerable.Range(0, n), Flat(d));
                    Assert.Contains(" - ", d.Sentences[0].TextIn(d.Text));
                    for (var i = 1; i < n; i++) Assert.Equal(Straighten(Parent(d, i)), Straighten(d.Sentences[i].TextIn(d.Text)));
                    Assert.EndsWith(Straighten(Parent(d, 0)), Straighten(d.Sentences[0].TextIn(d.Text)));
                    if (d.Relation == SyntheticRelation.ChainCopy) Assert.Equal(SyntheticRelation.Excerpt, corpus.Document(d.ParentId!).Relation);
                    break;
                case SyntheticRelation.NearDuplicate:
                    Assert.Equal(Enumerable.Range(0, n), Flat(d));
                    Assert.Contains(d.Sentences, s => s.TextIn(d.Text) != Parent(d, s.Index));
                    break;
                case SyntheticRelation.Excerpt:
                    var run = Flat(d);
                    Assert.Equal(Enumerable.Range(run[0], run.Count), run);
                    Assert.True(run.Count < n);
                    Assert.All(d.Sentences, s => Assert.Equal(Parent(d, s.SourceSentences[0]), s.TextIn(d.Text)));
                    break;
                case SyntheticRelation.MovedParagraphs:
                    Assert.Equal(Enumerable.Range(0, n), Flat(d).Order());
                    Assert.NotEqual(Enumerable.Range(0, n), Flat(d));
                    Assert.All(d.Sentences, s => Assert.Equal(Parent(d, s.SourceSentences[0]), s.TextIn(d.Text)));
                    break;
                case SyntheticRelation.SentenceMerge:
                    var merged = d.Sentences.Where(s => s.SourceSentences.Count == 2).ToList();
                    Assert.NotEmpty(merged);
                    foreach (var s in merged)
                    {
                        Assert.Equal(s.SourceSentences[0] + 1, s.SourceSentences[1]);
                        Assert.StartsWith(Parent(d, s.SourceSentences[0])[..^1], s.TextIn(d.Text));
                        Assert.True(s.TextIn(d.Text).Contains(", and ") || s.TextIn(d.Text).Contains("; "));
                    }
                    Assert.Equal(Enumerable.Range(0, n), Flat(d));
                    break;
                case SyntheticRelation.SentenceSplit:
                    var flat = Flat(d);
                    Assert.Contains(Enumerable.Range(1, flat.Count - 1), i => flat[i] == flat[i - 1]);
                    Assert.Equal(Enumerable.Range(0, n), flat.Distinct());
                    break;
                case SyntheticRelation.Partial:
                    Assert.Contains(-1, Flat(d));
                    Assert.Contains(Flat(d), i => i >= 0);
                    Assert.NotEmpty(d.DroppedSourceSentences);
                    Assert.NotEmpty(d.PaddingStoryIds);
                    foreach (var s in d.Sentences.Where(s => s.SourceSentences[0] >= 0)) Assert.Equal(Parent(d, s.SourceSentences[0]), s.TextIn(d.Text));
                    break;
                case SyntheticRelation.SameTopicDistractor:
                    var topics = reuters.ById[d.ReutersNewId].Topics;
                    Assert.Contains(corpus.Documents.Where(s => s.Relation == SyntheticRelation.Source),
                        s => reuters.ById[s.ReutersNewId].Topics.Intersect(topics).Any());
                    break;
                case SyntheticRelation.UnrelatedDistractor:
                    var own = reuters.ById[d.ReutersNewId].Topics;
                    Assert.DoesNotContain(corpus.Documents.Where(s => s.Relation == SyntheticRelation.Source),
                        s => reuters.ById[s.ReutersNewId].Topics.Intersect(own).Any());
                    break;
            }
        }
        var storyIds = corpus.Documents.Where(d => d.Relation is SyntheticRelation.UnrelatedDistractor or SyntheticRelation.SameTopicDistractor or SyntheticRelation.Source)
            .Select(d => d.ReutersNewId).ToList();
        Assert.Equal(storyIds.Count, storyIds.Distinct().Count());
    }

    [Fact]
    public void CorpusJsonlCarriesIdTextAndPublished()
    {
        var corpus = Generate(Request with { Seed = 7 });
        var (jsonl, gold) = Bytes(corpus);
        var lines = System.Text.Encoding.UTF8.GetString(jsonl).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(corpus.Documents.Count, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            using var json = JsonDocument.Parse(lines[i]);
            Assert.Equal(corpus.Documents[i].Id, json.RootElement.GetProperty("id").GetString());
            Assert.Equal(corpus.Documents[i].Text, json.RootElement.GetProperty("text").GetString());
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", json.RootElement.GetProperty("published").GetString()!);
        }
        using var goldJson = JsonDocument.Parse(gold);
        var docs = goldJson.RootElement.GetProperty("documents");
        Assert.Equal(corpus.Documents.Count, docs.GetArrayLength());
        Assert.Equal(Request.Duplicates, goldJson.RootElement.GetProperty("counts").GetProperty("duplicate").GetInt32());
        var withFacts = docs.EnumerateArray().First(d => d.GetProperty("factChanges").GetArrayLength() > 0);
        Assert.Equal("factChange", withFacts.GetProperty("relation").GetString());
    }

    [Fact]
    public void TheSentenceSplitterIsPluggable()
    {
        var calls = 0;
        IReadOnlyList<string> Splitter(string paragraph)
        {
            calls++;
            return SimpleSentenceSplitter.Split(paragraph);
        }
        var corpus = new SyntheticCorpusGenerator(Splitter).Generate(reuters.Stories.Take(3000), Request with { Sources = 3, UnrelatedDistractors = 2, SameTopicDistractors = 1 });
        Assert.True(calls > 1000);
        Assert.Equal(3, corpus.Count(SyntheticRelation.Source));
    }

    [Fact]
    public void RequestsThatCannotBeMetFail()
    {
        Assert.Throws<ArgumentException>(() => Generate(Request with { Excerpts = 0, Chains = 1 }));
        Assert.Throws<InvalidOperationException>(() => new SyntheticCorpusGenerator().Generate(reuters.Stories.Take(20), Request));
    }
}

public sealed class SyntheticHelpersTests
{
    [Fact]
    public void SplitMix64MatchesTheReferenceSequence()
    {
        ulong state = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, SeededRandom.SplitMix64(ref state));
        Assert.Equal(0x6E789E6AA1B965F4UL, SeededRandom.SplitMix64(ref state));
    }

    [Fact]
    public void SeededRandomIsDeterministicAndInRange()
    {
        var a = new SeededRandom(5);
        var b = new SeededRandom(5);
        var counts = new int[3];
        for (var i = 0; i < 3000; i++)
        {
            var x = a.Next(3);
            Assert.Equal(x, b.Next(3));
            counts[x]++;
        }
        Assert.All(counts, c => Assert.InRange(c, 850, 1150));
        Assert.InRange(new SeededRandom(1).NextDouble(), 0, 1);
    }

    [Theory]
    [InlineData("Prices rose 5 pct. The U.S. Treasury said on Monday it would act. Mr. Smith agreed.", 3)]
    [InlineData("He met J. Baker in Washington on Feb. 26 and said \"no.\" Talks end.", 2)]
    [InlineData("Net profit was 1.5 mln dlrs vs 1.2 mln. Sales rose.", 2)]
    public void SimpleSplitterCountsSentences(string text, int expected)
    {
        var sentences = SimpleSentenceSplitter.Split(text);
        Assert.Equal(expected, sentences.Count);
        Assert.Equal(text.Replace(" ", ""), string.Concat(sentences).Replace(" ", ""));
    }

    [Fact]
    public void SplitPointAtConjunction()
    {
        var split = SyntheticCorpusGenerator.SplitPoint("The company said its profit rose sharply last year, and it expects further growth in 1988.");
        Assert.Equal(("The company said its profit rose sharply last year.", "It expects further growth in 1988."), split);
        Assert.Null(SyntheticCorpusGenerator.SplitPoint("Short one, and another short."));
    }
}
