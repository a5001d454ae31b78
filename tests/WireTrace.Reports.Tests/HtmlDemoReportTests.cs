using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace WireTrace.Reports.Tests;

/// <summary>
/// The HTML report of the demo corpus, parsed with AngleSharp and checked against the JSON contract written
/// by the same run: every derivation, aligned group, added and dropped sentence, word-diff run and fact change
/// must appear in the page with the right values.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class HtmlDemoReportTests(DemoOutputs demo)
{
    private readonly IDocument _page = new HtmlParser().ParseDocument(File.ReadAllText(demo.ScanHtml));
    private readonly JsonElement _json = JsonDocument.Parse(File.ReadAllText(demo.ScanJson)).RootElement.Clone();

    private Dictionary<string, JsonElement> Documents() => _json.GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!);

    private IEnumerable<JsonElement> Derivations() => _json.GetProperty("stories").EnumerateArray().SelectMany(s => s.GetProperty("derivations").EnumerateArray());

    private IElement Article(JsonElement d)
        => _page.QuerySelectorAll("article.derivation").Single(a => a.GetAttribute("data-derived") == d.GetProperty("derived").GetString() && a.GetAttribute("data-source") == d.GetProperty("from").GetString());

    /// <summary>A sentence paragraph's article text: without its index label and fact badges.</summary>
    private static string SentenceText(IElement p)
    {
        var copy = (IElement)p.Clone();
        foreach (var e in copy.QuerySelectorAll(".idx, .fact-badge").ToList()) e.Remove();
        var text = copy.TextContent;
        return text.StartsWith(' ') ? text[1..] : text;
    }

    private static int[] Indexes(IElement cell) => cell.QuerySelectorAll("p.sent").Select(p => int.Parse(p.GetAttribute("data-index")!)).ToArray();

    private static int[] Ints(JsonElement array) => array.EnumerateArray().Select(x => x.GetInt32()).ToArray();

    [Fact]
    public void Every_derivation_has_an_article_with_its_relation_and_coverage()
    {
        var derivations = Derivations().ToList();
        Assert.Equal(7, derivations.Count);
        Assert.Equal(derivations.Count, _page.QuerySelectorAll("article.derivation").Length);
        foreach (var d in derivations)
        {
            var article = Article(d);
            Assert.Equal(d.GetProperty("relation").GetString(), article.GetAttribute("data-relation"));
            var values = article.QuerySelectorAll(".bar-value").Select(v => v.TextContent).ToArray();
            string Pct(double x) => Math.Round(x * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";
            Assert.Equal([Pct(d.GetProperty("coverage").GetProperty("ofSource").GetDouble()), Pct(d.GetProperty("coverage").GetProperty("ofDerived").GetDouble()), Pct(d.GetProperty("verbatimShare").GetDouble())], values);
        }
    }

    [Fact]
    public void Each_aligned_group_is_one_row_with_its_sentences_side_by_side()
    {
        var docs = Documents();
        int groups = 0, merges = 0, splits = 0;
        foreach (var d in Derivations())
        {
            var article = Article(d);
            var rows = article.QuerySelectorAll(".row.aligned").ToList();
            var alignments = d.GetProperty("alignments").EnumerateArray().ToList();
            Assert.Equal(alignments.Count, rows.Count);
            var source = docs[d.GetProperty("from").GetString()!].GetProperty("sentences");
            var derived = docs[d.GetProperty("derived").GetString()!].GetProperty("sentences");
            foreach (var al in alignments)
            {
                var src = Ints(al.GetProperty("source"));
                var der = Ints(al.GetProperty("derived"));
                var row = Assert.Single(rows, r => Indexes(r.QuerySelector(".cell.der")!).SequenceEqual(der));
                Assert.Equal(src, Indexes(row.QuerySelector(".cell.src")!));
                Assert.Equal(al.GetProperty("kind").GetString(), row.GetAttribute("data-kind"));
                Assert.Equal(al.GetProperty("moved").GetBoolean(), row.GetAttribute("data-moved") == "true");
                Assert.Equal(al.GetProperty("moved").GetBoolean(), row.QuerySelector(".moved-tag") != null);
                foreach (var p in row.QuerySelectorAll(".cell.src p.sent")) Assert.Equal(source[int.Parse(p.GetAttribute("data-index")!)].GetString(), SentenceText(p));
                foreach (var p in row.QuerySelectorAll(".cell.der p.sent")) Assert.Equal(derived[int.Parse(p.GetAttribute("data-index")!)].GetString(), SentenceText(p));
                var label = row.QuerySelector(".gutter .kind")!.TextContent;
                if (al.GetProperty("kind").GetString() == "merge") { merges++; Assert.Contains($"merge {src.Length} \u2192 {der.Length}", label); Assert.True(src.Length >= 2); }
                if (al.GetProperty("kind").GetString() == "split") { splits++; Assert.Contains($"split {src.Length} \u2192 {der.Length}", label); Assert.True(der.Length >= 2); }
                groups++;
            }
        }
        Assert.True(groups > 100);
        Assert.True(merges >= 1, "the demo paraphrase holds merges");
        Assert.True(splits >= 1, "the demo paraphrase holds a split");
    }

    [Fact]
    public void Word_diff_runs_are_marked_with_their_exact_text()
    {
        var docs = Documents();
        int checkedRuns = 0;
        foreach (var d in Derivations())
        {
            var article = Article(d);
            var rows = article.QuerySelectorAll(".row.aligned").ToList();
            foreach (var al in d.GetProperty("alignments").EnumerateArray())
            {
                var der = Ints(al.GetProperty("derived"));
                var row = rows.Single(r => Indexes(r.QuerySelector(".cell.der")!).SequenceEqual(der));
                foreach (var (side, docId, indexes) in new[] { ("source", d.GetProperty("from").GetString()!, Ints(al.GetProperty("source"))), ("derived", d.GetProperty("derived").GetString()!, der) })
                {
                    var doc = docs[docId];
                    var cell = row.QuerySelector(side == "source" ? ".cell.src" : ".cell.der")!;
                    foreach (var (op, selector) in new[] { ("kept", "span.dk"), ("replaced", "span.dr"), ("inserted", "ins.di"), ("deleted", "del.dd") })
                    {
                        // Expected: each run of this op, clipped to each sentence of the group.
                        var expected = new List<string>();
                        foreach (var run in al.GetProperty("diff").EnumerateArray().Where(r => r.GetProperty("op").GetString() == op && r.GetProperty(side).ValueKind != JsonValueKind.Null))
                        {
                            var (rs, re) = (run.GetProperty(side)[0].GetInt32(), run.GetProperty(side)[1].GetInt32());
                            foreach (var k in indexes)
                            {
                                var span = doc.GetProperty("sentenceSpans")[k];
                                int a = span[0].GetInt32(), b = span[1].GetInt32();
                                int s = Math.Max(a, rs), e = Math.Min(b, re);
                                if (e > s) expected.Add(doc.GetProperty("sentences")[k].GetString()!.Substring(s - a, e - s));
                            }
                        }
                        var actual = string.Concat(cell.QuerySelectorAll(selector).Select(x => x.TextContent));
                        Assert.Equal(string.Concat(expected), actual);
                        checkedRuns += expected.Count;
                    }
                }
            }
        }
        Assert.True(checkedRuns > 200);
        Assert.NotEmpty(_page.QuerySelectorAll("article[data-relation='paraphrase'] span.dr"));
        Assert.NotEmpty(_page.QuerySelectorAll("article[data-relation='partial'] .row.aligned ins.di, article[data-relation='near-duplicate'] .row.aligned span.dr"));
    }

    [Fact]
    public void Added_and_dropped_sentences_are_shown_in_place_with_their_text()
    {
        foreach (var d in Derivations())
        {
            var article = Article(d);
            var added = d.GetProperty("added").EnumerateArray().ToList();
            var addedRows = article.QuerySelectorAll(".row.added").ToList();
            Assert.Equal(added.Count, addedRows.Count);
            foreach (var a in added)
            {
                var p = Assert.Single(addedRows.SelectMany(r => r.QuerySelectorAll(".cell.der p.sent")), p => p.GetAttribute("data-index") == a.GetProperty("index").GetInt32().ToString());
                Assert.Equal(a.GetProperty("text").GetString(), SentenceText(p));
                Assert.Equal(a.GetProperty("text").GetString(), p.QuerySelector("ins.di")!.TextContent);
            }
            var dropped = d.GetProperty("dropped").EnumerateArray().ToList();
            var droppedRows = article.QuerySelectorAll(".row.dropped").ToList();
            Assert.Equal(dropped.Count, droppedRows.Count);
            foreach (var x in dropped)
            {
                var p = Assert.Single(droppedRows.SelectMany(r => r.QuerySelectorAll(".cell.src p.sent")), p => p.GetAttribute("data-index") == x.GetProperty("index").GetInt32().ToString());
                Assert.Equal(x.GetProperty("text").GetString(), p.QuerySelector("del.dd")!.TextContent);
            }

            // In place: derived sentences run in order down the page, and dropped source sentences keep their order.
            var derivedOrder = article.QuerySelectorAll(".row .cell.der p.sent").Select(p => int.Parse(p.GetAttribute("data-index")!)).ToList();
            Assert.Equal(derivedOrder.OrderBy(i => i), derivedOrder);
            var droppedOrder = droppedRows.Select(r => int.Parse(r.QuerySelector("p.sent")!.GetAttribute("data-index")!)).ToList();
            Assert.Equal(droppedOrder.OrderBy(i => i), droppedOrder);
        }
        // The partial rewrite adds six sentences and drops fifteen (samples/README.md).
        var partial = _page.QuerySelector("article[data-derived='partial-rewrite']")!;
        Assert.Equal(6, partial.QuerySelectorAll(".row.added").Length);
        Assert.Equal(15, partial.QuerySelectorAll(".row.dropped").Length);
    }

    [Fact]
    public void Fact_changes_are_in_the_table_and_highlighted_in_the_aligned_sentences()
    {
        int total = 0;
        foreach (var d in Derivations())
        {
            var article = Article(d);
            var facts = d.GetProperty("factChanges").EnumerateArray().ToList();
            var rows = article.QuerySelectorAll("table.facts tbody tr").ToList();
            Assert.Equal(facts.Count, rows.Count);
            for (int i = 0; i < facts.Count; i++)
            {
                var f = facts[i];
                var cells = rows[i].QuerySelectorAll("td").Select(c => c.TextContent).ToArray();
                Assert.Equal(f.GetProperty("kind").GetString(), cells[0]);
                Assert.Equal(f.GetProperty("source").GetString(), cells[1]);
                Assert.Equal(f.GetProperty("derived").GetString(), cells[2]);
                Assert.Equal($"{f.GetProperty("sourceSentence").GetInt32()} \u2192 {f.GetProperty("derivedSentence").GetInt32()}", cells[3]);

                // In place: the derived sentence carries a mark (or a badge) with both values.
                var sentence = article.QuerySelectorAll(".row.aligned .cell.der p.sent").Single(p => p.GetAttribute("data-index") == f.GetProperty("derivedSentence").GetInt32().ToString());
                var badge = sentence.QuerySelector($".fact-badge[data-fact='{i}']");
                Assert.NotNull(badge);
                Assert.Contains(f.GetProperty("source").GetString()!, badge!.TextContent);
                var mark = sentence.QuerySelector($"mark.fact[data-fact='{i}']");
                if (mark != null)
                {
                    Assert.Equal(f.GetProperty("source").GetString(), mark.GetAttribute("data-source"));
                    Assert.Equal(f.GetProperty("derived").GetString(), mark.GetAttribute("data-derived"));
                }
                total++;
            }
        }
        Assert.Equal(5, total);

        // The planted changes of samples/README.md, highlighted on both sides.
        var partial = _page.QuerySelector("article[data-derived='partial-rewrite']")!;
        AssertMarked(partial, "Friday", "Wednesday");
        AssertMarked(partial, "12", "at least 12");
        AssertMarked(partial, "300,000", "200,000");
        AssertMarked(partial, "Tomas Brandt", "Elena Varga");
        AssertMarked(_page.QuerySelector("article[data-derived='paraphrase-llm']")!, "Daniel Okafor", "Interior Ministry");
    }

    private static void AssertMarked(IElement article, string sourceText, string derivedText)
    {
        var derived = article.QuerySelectorAll(".cell.der mark.fact[data-side='derived']").Where(m => m.TextContent == derivedText).ToList();
        var mark = Assert.Single(derived);
        var number = mark.GetAttribute("data-fact");
        var row = mark.Closest(".row")!;
        var source = Assert.Single(row.QuerySelectorAll($".cell.src mark.fact[data-fact='{number}']"));
        Assert.Equal(sourceText, source.TextContent);
        Assert.Equal("source", source.GetAttribute("data-side"));
    }

    [Fact]
    public void Stories_list_members_and_the_derivation_tree_nests_copies_under_their_parent()
    {
        var story = _json.GetProperty("stories")[0];
        var section = _page.QuerySelector("section.story")!;
        Assert.Equal(story.GetProperty("id").GetString(), section.GetAttribute("data-story"));
        var members = story.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Equal(members, section.QuerySelectorAll("table.members tbody th").Select(th => th.TextContent).ToList());
        var treeLinks = section.QuerySelectorAll("ul.tree a.doc").Select(a => a.TextContent).ToHashSet();
        Assert.Equal(members.Where(m => m != story.GetProperty("source").GetString()).ToHashSet(), treeLinks);
        foreach (var d in story.GetProperty("derivations").EnumerateArray())
        {
            var li = section.QuerySelectorAll("ul.tree li").Single(l => l.QuerySelector(":scope > .node > a.doc")?.TextContent == d.GetProperty("derived").GetString());
            var parent = li.ParentElement!.Closest("li")!;
            var parentName = parent.QuerySelector(":scope > .node > .doc")!.TextContent;
            Assert.Equal(d.GetProperty("from").GetString(), parentName);
            Assert.Equal(d.GetProperty("relation").GetString(), li.GetAttribute("data-relation"));
            // The link leads to the derivation's article.
            var target = _page.GetElementById(li.QuerySelector("a.doc")!.GetAttribute("href")![1..])!;
            Assert.Equal(d.GetProperty("derived").GetString(), target.GetAttribute("data-derived"));
        }
        // The copy of the excerpt hangs off the excerpt, not off the source.
        var copy = section.QuerySelectorAll("ul.tree li").Single(l => l.QuerySelector(":scope > .node > a.doc")?.TextContent == "copy-of-excerpt");
        Assert.Equal("excerpt", copy.ParentElement!.Closest("li")!.QuerySelector(":scope > .node > .doc")!.TextContent);
    }

    [Fact]
    public void Page_is_self_contained_with_filters_for_each_relation_present()
    {
        Assert.Empty(_page.QuerySelectorAll("link, img, iframe, object, embed"));
        Assert.Empty(_page.QuerySelectorAll("script[src]"));
        Assert.Single(_page.QuerySelectorAll("script"));
        var csp = _page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("'nonce-" + _page.QuerySelector("script")!.GetAttribute("nonce"), csp);
        var relations = Derivations().Select(d => d.GetProperty("relation").GetString()).ToHashSet();
        Assert.Equal(relations, _page.QuerySelectorAll("input[data-filter]").Select(i => i.GetAttribute("data-filter")).ToHashSet());
        Assert.Equal(new[] { "unrelated-budget", "unrelated-football" }, _page.QuerySelectorAll("ul.unrelated > li > .doc").Select(e => e.TextContent));
    }

    [Fact]
    public void Compare_page_holds_one_derivation_with_its_facts()
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(demo.CompareHtml));
        var article = Assert.Single(page.QuerySelectorAll("article.derivation"));
        Assert.Equal("partial-rewrite", article.GetAttribute("data-derived"));
        Assert.Equal("afp-flood-source", article.GetAttribute("data-source"));
        Assert.Equal("partial", article.GetAttribute("data-relation"));
        var json = JsonDocument.Parse(File.ReadAllText(demo.CompareJson)).RootElement.GetProperty("derivation");
        Assert.Equal(json.GetProperty("alignments").GetArrayLength(), article.QuerySelectorAll(".row.aligned").Length);
        Assert.Equal(json.GetProperty("factChanges").GetArrayLength(), article.QuerySelectorAll("table.facts tbody tr").Length);
        Assert.Contains(article.QuerySelectorAll("mark.fact[data-side='derived']"), m => m.TextContent == "Wednesday" && m.GetAttribute("data-source") == "Friday");
    }
}
