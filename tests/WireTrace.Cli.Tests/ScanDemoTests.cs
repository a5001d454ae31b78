using System.Text.Json;

namespace WireTrace.Cli.Tests;

/// <summary>
/// The README's first command on the bundled demo corpus, checked against the gold answers in
/// samples/demo.gold.json: every relation, every parent, the unrelated documents, and the contract's fields.
/// </summary>
public sealed class ScanDemoTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private JsonElement _result;
    private JsonElement _gold;
    private string _out = "";
    private int _exit;

    public async Task InitializeAsync()
    {
        var json = Path.Combine(_temp.Path, "demo.json");
        (_exit, _out, _) = await CliRunner.RunAsync("scan", CliRunner.Sample("demo"), "--json", json);
        _result = JsonDocument.Parse(File.ReadAllText(json)).RootElement.Clone();
        _gold = JsonDocument.Parse(File.ReadAllText(CliRunner.Sample("demo.gold.json"))).RootElement.Clone();
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Exits_zero_and_prints_the_summary()
    {
        Assert.Equal(0, _exit);
        Assert.Contains("documents read", _out);
        Assert.Contains("story-1", _out);
    }

    [Fact]
    public void Documents_carry_the_contract_fields()
    {
        var docs = _result.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(10, docs.Count);
        foreach (var d in docs)
        {
            foreach (var field in new[] { "id", "path", "outlet", "published", "title", "sentences" })
            {
                Assert.True(d.TryGetProperty(field, out _), $"document lacks '{field}'");
            }
            Assert.NotEmpty(d.GetProperty("sentences").EnumerateArray());
        }
        var source = docs.Single(d => d.GetProperty("id").GetString() == "afp-flood-source");
        Assert.Equal("AFP", source.GetProperty("agency").GetString());
        Assert.Equal("2024-01-06", source.GetProperty("published").GetString());
        Assert.StartsWith("Dam breach floods", source.GetProperty("title").GetString());
        Assert.StartsWith("A dam burst above the town of Kellmoor", source.GetProperty("sentences")[0].GetString());
    }

    [Fact]
    public void One_story_with_the_gold_source()
    {
        var story = Assert.Single(_result.GetProperty("stories").EnumerateArray());
        Assert.Equal(_gold.GetProperty("source").GetString(), story.GetProperty("source").GetString());
        var members = story.GetProperty("members").EnumerateArray().Select(m => m.GetString()).ToHashSet();
        var expected = _gold.GetProperty("members").EnumerateObject().Select(p => p.Name).Append(_gold.GetProperty("source").GetString()).ToHashSet();
        Assert.Equal(expected, members);
    }

    [Fact]
    public void Every_member_has_the_gold_relation_and_parent()
    {
        var story = _result.GetProperty("stories")[0];
        var derivations = story.GetProperty("derivations").EnumerateArray().ToDictionary(d => d.GetProperty("derived").GetString()!);
        foreach (var member in _gold.GetProperty("members").EnumerateObject())
        {
            Assert.True(derivations.TryGetValue(member.Name, out var d), $"{member.Name} has no derivation");
            Assert.Equal(member.Value.GetProperty("relation").GetString(), d.GetProperty("relation").GetString());
            Assert.Equal(member.Value.GetProperty("parent").GetString(), d.GetProperty("from").GetString());
        }
    }

    [Fact]
    public void Unrelated_documents_are_listed()
    {
        var unrelated = _result.GetProperty("unrelated").EnumerateArray().Select(u => u.GetString()).Order().ToList();
        var expected = _gold.GetProperty("unrelated").EnumerateArray().Select(u => u.GetString()).Order().ToList();
        Assert.Equal(expected, unrelated);
    }

    [Fact]
    public void Partial_rewrite_reports_added_dropped_and_changed_facts()
    {
        var d = Derivation("partial-rewrite");
        var added = d.GetProperty("added").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ToHashSet();
        var goldAdded = _gold.GetProperty("partialAdded").EnumerateArray().Select(a => a.GetString()).ToHashSet();
        Assert.Equal(goldAdded, added);
        Assert.True(d.GetProperty("dropped").GetArrayLength() >= 6);
        var changes = d.GetProperty("factChanges").EnumerateArray()
            .Select(f => (f.GetProperty("kind").GetString(), f.GetProperty("derived").GetString()))
            .ToList();
        Assert.Contains(("weekday", "Wednesday"), changes);
        Assert.Contains(changes, c => c.Item1 == "number" && c.Item2!.Contains("at least 12"));
        Assert.Contains(changes, c => c.Item1 == "number" && c.Item2!.Contains("200"));
        Assert.Contains(("attribution", "Elena Varga"), changes);
        Assert.Equal(4, changes.Count);
        Assert.Contains(d.GetProperty("alignments").EnumerateArray(), a => a.GetProperty("moved").GetBoolean());
    }

    [Fact]
    public void Paraphrase_alignment_has_merges_and_a_split_and_every_index_points_into_the_documents()
    {
        var d = Derivation("paraphrase-llm");
        var kinds = d.GetProperty("alignments").EnumerateArray().Select(a => a.GetProperty("kind").GetString()).ToList();
        Assert.Contains("merge", kinds);
        var fact = Assert.Single(d.GetProperty("factChanges").EnumerateArray());
        Assert.Equal("attribution", fact.GetProperty("kind").GetString());
        Assert.Equal("Daniel Okafor", fact.GetProperty("source").GetString());
        Assert.Equal("Interior Ministry", fact.GetProperty("derived").GetString());
        Assert.Contains("split", kinds);
        var docs = _result.GetProperty("documents").EnumerateArray().ToDictionary(x => x.GetProperty("id").GetString()!);
        int derivedCount = docs["paraphrase-llm"].GetProperty("sentences").GetArrayLength();
        int sourceCount = docs["afp-flood-source"].GetProperty("sentences").GetArrayLength();
        foreach (var a in d.GetProperty("alignments").EnumerateArray())
        {
            Assert.All(a.GetProperty("derived").EnumerateArray(), i => Assert.InRange(i.GetInt32(), 0, derivedCount - 1));
            Assert.All(a.GetProperty("source").EnumerateArray(), j => Assert.InRange(j.GetInt32(), 0, sourceCount - 1));
        }
    }

    [Fact]
    public void Paraphrase_sentences_align_with_the_gold_source_sentences()
    {
        var docs = _result.GetProperty("documents").EnumerateArray().ToDictionary(x => x.GetProperty("id").GetString()!);
        var derivedSentences = docs["paraphrase-llm"].GetProperty("sentences").EnumerateArray().Select(s => s.GetString()!).ToList();
        var sourceSentences = docs["afp-flood-source"].GetProperty("sentences").EnumerateArray().Select(s => s.GetString()!).ToList();
        var predicted = new HashSet<(int, int)>();
        foreach (var a in Derivation("paraphrase-llm").GetProperty("alignments").EnumerateArray())
        {
            foreach (var i in a.GetProperty("derived").EnumerateArray())
            {
                foreach (var j in a.GetProperty("source").EnumerateArray()) predicted.Add((i.GetInt32(), j.GetInt32()));
            }
        }
        int total = 0, found = 0;
        foreach (var g in _gold.GetProperty("paraphraseAlignment").EnumerateArray())
        {
            int i = IndexOf(derivedSentences, g.GetProperty("derived").GetString()!);
            Assert.True(i >= 0, "gold paraphrase sentence not segmented as one sentence: " + g.GetProperty("derived").GetString());
            foreach (var s in g.GetProperty("source").EnumerateArray())
            {
                int j = IndexOf(sourceSentences, s.GetString()!);
                Assert.True(j >= 0, "gold source sentence not segmented as one sentence: " + s.GetString());
                total++;
                if (predicted.Contains((i, j))) found++;
            }
        }
        // Recall of the gold sentence links; precision: no link outside the gold.
        Assert.True(found >= total * 0.9, $"{found} of {total} gold links aligned");
        int wrong = predicted.Count(p => !IsGold(p, derivedSentences, sourceSentences));
        Assert.True(wrong <= 1, $"{wrong} links outside the gold");
    }

    private bool IsGold((int I, int J) link, List<string> derived, List<string> source)
    {
        foreach (var g in _gold.GetProperty("paraphraseAlignment").EnumerateArray())
        {
            if (IndexOf(derived, g.GetProperty("derived").GetString()!) != link.I) continue;
            if (g.GetProperty("source").EnumerateArray().Any(s => IndexOf(source, s.GetString()!) == link.J)) return true;
        }
        return false;
    }

    /// <summary>The sentence equal to the gold text, or the one it ends with (the gold keeps the dateline that WireTrace moves out of the body).</summary>
    private static int IndexOf(List<string> sentences, string gold)
    {
        int exact = sentences.IndexOf(gold);
        return exact >= 0 ? exact : sentences.FindIndex(s => gold.EndsWith(" " + s, StringComparison.Ordinal));
    }

    private JsonElement Derivation(string id)
        => _result.GetProperty("stories")[0].GetProperty("derivations").EnumerateArray().Single(d => d.GetProperty("derived").GetString() == id);
}
