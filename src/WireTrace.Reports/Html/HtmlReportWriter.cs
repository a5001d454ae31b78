using System.Security.Cryptography;
using System.Text;
using WireTrace.Core.Alignment;
using WireTrace.Core.Analysis;
using WireTrace.Core.Stories;
using WireTrace.Core.Text;
using WireTrace.Reports.Json;

namespace WireTrace.Reports.Html;

/// <summary>
/// Writes scan and compare results as one self-contained HTML page (inline CSS and a little inline JS, no
/// network): the stories with their derivation trees, and for each derived article a side-by-side view of
/// source and derived sentences with the word diff, merges and splits, moved groups, added and dropped
/// sentences and fact changes in place. Everything is rendered here, so the page reads without JS; the
/// script only adds relation filters and j/k navigation. All article text is HTML-encoded, and a
/// Content-Security-Policy with a per-file nonce blocks any script but the page's own.
/// </summary>
public static class HtmlReportWriter
{
    /// <param name="scope">When the report covers part of a pile: a sentence saying which part, shown under the summary.</param>
    public static void WriteScan(Stream output, IReadOnlyList<AnalyzedDocument> documents, StoryResult stories, IReadOnlyList<ReportSkip> skipped, string similarity, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(stories);
        var byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var page = new PageBuilder();
        int derivationCount = stories.Stories.Sum(s => s.Derivations.Count);
        page.Start("WireTrace scan report",
            $"{documents.Count} documents \u00B7 {Plural(stories.Stories.Count, "story", "stories")} \u00B7 {Plural(derivationCount, "derivation", "derivations")} \u00B7 {stories.Unrelated.Count} unrelated \u00B7 sentence similarity: {similarity}"
            + (scope is null ? "" : $" \u00B7 {scope}"));

        // Number the derivations in tree order (the order of the articles below and of j/k).
        var ordered = new List<(Story Story, Derivation Derivation, int Depth)>();
        foreach (var s in stories.Stories) ordered.AddRange(TreeOrder(s));
        var anchors = new Dictionary<Derivation, string>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < ordered.Count; i++) anchors[ordered[i].Derivation] = $"d{i + 1}";

        var sb = page.Body;
        sb.Append("<section class=\"controls\" aria-label=\"Filters and legend\">");
        AppendFilters(sb, ordered.Select(o => o.Derivation.Analysis.Relation));
        AppendLegend(sb);
        sb.Append("</section>");

        sb.Append("<section id=\"stories\" aria-labelledby=\"stories-h\"><h2 id=\"stories-h\">Stories</h2>");
        if (stories.Stories.Count == 0) sb.Append("<p class=\"empty\">No stories: no two documents share text or an event.</p>");
        foreach (var story in stories.Stories) AppendStory(sb, story, byId, anchors);
        if (stories.Unrelated.Count > 0)
        {
            sb.Append("<h3 id=\"unrelated\">Unrelated documents</h3><ul class=\"unrelated\">");
            foreach (var id in stories.Unrelated)
            {
                sb.Append("<li><span class=\"doc\">").Append(HtmlText.Encode(id)).Append("</span>");
                if (byId.TryGetValue(id, out var doc)) AppendDocMeta(sb, doc);
                sb.Append("</li>");
            }
            sb.Append("</ul>");
        }
        if (skipped.Count > 0)
        {
            sb.Append("<h3 id=\"skipped\">Skipped inputs</h3><ul class=\"skipped\">");
            foreach (var s in skipped)
            {
                sb.Append("<li><code>").Append(HtmlText.Encode(s.Path)).Append(s.Line is { } l ? ":" + l : "").Append("</code>: ")
                  .Append(HtmlText.Encode(s.Reason)).Append("</li>");
            }
            sb.Append("</ul>");
        }
        sb.Append("</section>");

        sb.Append("<section id=\"derivations\" aria-labelledby=\"derivations-h\"><h2 id=\"derivations-h\">Derivations</h2>");
        sb.Append("<p class=\"hint\">Source on the left, derived article on the right. Keys: <kbd>j</kbd> next, <kbd>k</kbd> previous derivation.</p>");
        foreach (var (story, d, _) in ordered)
        {
            AppendDerivation(sb, anchors[d], story.Id, byId[d.From], byId[d.Derived], d.Analysis);
        }
        sb.Append("</section>");
        page.Finish(output);
    }

    public static void WriteCompare(Stream output, AnalyzedDocument source, AnalyzedDocument derived, PairAnalysis analysis, string similarity)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(analysis);
        var page = new PageBuilder();
        page.Start($"WireTrace: {derived.Id} from {source.Id}",
            $"Compare \u00B7 {analysis.Relation.ToContractName()} \u00B7 sentence similarity: {similarity}");
        var sb = page.Body;
        sb.Append("<section class=\"controls\" aria-label=\"Legend\">");
        AppendLegend(sb);
        sb.Append("</section>");
        sb.Append("<section id=\"derivations\" aria-label=\"Derivation\">");
        AppendDerivation(sb, "d1", null, source, derived, analysis);
        sb.Append("</section>");
        page.Finish(output);
    }

    // ------------------------------------------------------------------ stories

    private static IEnumerable<(Story, Derivation, int)> TreeOrder(Story story)
    {
        var children = story.Derivations.GroupBy(d => d.From, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(d => d.Derived, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var seen = new HashSet<Derivation>(ReferenceEqualityComparer.Instance);
        var result = new List<(Story, Derivation, int)>();
        void Visit(string id, int depth)
        {
            if (!children.TryGetValue(id, out var list)) return;
            foreach (var d in list)
            {
                if (!seen.Add(d)) continue;
                result.Add((story, d, depth));
                Visit(d.Derived, depth + 1);
            }
        }
        Visit(story.Source, 0);
        foreach (var d in story.Derivations.Where(d => !seen.Contains(d))) result.Add((story, d, 0));
        return result;
    }

    private static void AppendStory(StringBuilder sb, Story story, IReadOnlyDictionary<string, AnalyzedDocument> byId, IReadOnlyDictionary<Derivation, string> anchors)
    {
        var storyAnchor = "story-" + Slug(story.Id);
        sb.Append("<section class=\"story\" id=\"").Append(storyAnchor).Append("\" data-story=\"").Append(HtmlText.Encode(story.Id)).Append("\">");
        sb.Append("<h3>").Append(HtmlText.Encode(story.Id)).Append(" <span class=\"sub\">source <span class=\"doc\">").Append(HtmlText.Encode(story.Source))
          .Append("</span> \u00B7 ").Append(Plural(story.Members.Count, "member", "members")).Append("</span></h3>");
        if (byId.TryGetValue(story.Source, out var src))
        {
            sb.Append("<p class=\"story-title\">");
            AppendDocMeta(sb, src);
            sb.Append("</p>");
        }
        sb.Append("<div class=\"story-grid\">");

        // Derivation tree as nested lists.
        sb.Append("<div class=\"tree-box\"><h4>Derivation tree</h4><ul class=\"tree\"><li data-relation=\"source\"><span class=\"node\"><span class=\"doc\">")
          .Append(HtmlText.Encode(story.Source)).Append("</span> <span class=\"rel rel-source\">source</span></span>");
        var children = story.Derivations.GroupBy(d => d.From, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(d => d.Derived, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { story.Source };
        void Children(string id)
        {
            if (!children.TryGetValue(id, out var list)) return;
            sb.Append("<ul>");
            foreach (var d in list)
            {
                if (!seen.Add(d.Derived)) continue;
                var a = d.Analysis;
                sb.Append("<li data-relation=\"").Append(a.Relation.ToContractName()).Append("\"><span class=\"node\"><a class=\"doc\" href=\"#").Append(anchors[d]).Append("\">")
                  .Append(HtmlText.Encode(d.Derived)).Append("</a> ");
                AppendRelation(sb, a.Relation);
                if (a.Relation.IsDerivation())
                {
                    sb.Append(" <span class=\"mini\" title=\"share of the derived text taken from its parent\">");
                    AppendMiniBar(sb, a.Coverage.OfDerived);
                    sb.Append(HtmlText.Percent(a.Coverage.OfDerived)).Append(" from parent</span>");
                }
                if (a.FactChanges.Count > 0)
                {
                    sb.Append(" <span class=\"flag\"><span aria-hidden=\"true\">\u2691</span> ").Append(Plural(a.FactChanges.Count, "fact change", "fact changes")).Append("</span>");
                }
                sb.Append("</span>");
                Children(d.Derived);
                sb.Append("</li>");
            }
            sb.Append("</ul>");
        }
        Children(story.Source);
        sb.Append("</li></ul></div>");

        // Members table.
        var parentOf = story.Derivations.GroupBy(d => d.Derived, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        sb.Append("<div class=\"table-wrap\"><table class=\"members\"><caption>Members</caption><thead><tr><th scope=\"col\">Document</th><th scope=\"col\">Title</th><th scope=\"col\">Outlet, date</th><th scope=\"col\">Relation</th><th scope=\"col\">From</th><th scope=\"col\">Coverage of source</th><th scope=\"col\">From source</th><th scope=\"col\">Verbatim</th></tr></thead><tbody>");
        foreach (var id in story.Members)
        {
            byId.TryGetValue(id, out var doc);
            parentOf.TryGetValue(id, out var d);
            sb.Append("<tr data-relation=\"").Append(d?.Analysis.Relation.ToContractName() ?? "source").Append("\"><th scope=\"row\">");
            if (d != null) sb.Append("<a class=\"doc\" href=\"#").Append(anchors[d]).Append("\">").Append(HtmlText.Encode(id)).Append("</a>");
            else sb.Append("<span class=\"doc\">").Append(HtmlText.Encode(id)).Append("</span>");
            sb.Append("</th><td class=\"title\">").Append(HtmlText.Encode(doc?.Article.Title ?? "")).Append("</td><td>").Append(HtmlText.Encode(OutletDate(doc))).Append("</td><td>");
            if (d == null) sb.Append("<span class=\"rel rel-source\">source</span></td><td></td><td></td><td></td><td></td>");
            else
            {
                var a = d.Analysis;
                AppendRelation(sb, a.Relation);
                sb.Append("</td><td><span class=\"doc\">").Append(HtmlText.Encode(d.From)).Append("</span></td>");
                if (a.Relation.IsDerivation())
                {
                    foreach (var share in new[] { a.Coverage.OfSource, a.Coverage.OfDerived, a.VerbatimShare })
                    {
                        sb.Append("<td class=\"num\">");
                        AppendMiniBar(sb, share);
                        sb.Append(HtmlText.Percent(share)).Append("</td>");
                    }
                }
                else sb.Append("<td class=\"num\">\u2014</td><td class=\"num\">\u2014</td><td class=\"num\">\u2014</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table></div></div></section>");
    }

    // ------------------------------------------------------------------ one derivation

    private static void AppendDerivation(StringBuilder sb, string anchor, string? storyId, AnalyzedDocument source, AnalyzedDocument derived, PairAnalysis a)
    {
        string relation = a.Relation.ToContractName();
        sb.Append("<article class=\"derivation\" id=\"").Append(anchor).Append("\" tabindex=\"-1\" data-relation=\"").Append(relation)
          .Append("\" data-derived=\"").Append(HtmlText.Encode(derived.Id)).Append("\" data-source=\"").Append(HtmlText.Encode(source.Id)).Append('"');
        if (storyId != null) sb.Append(" data-story=\"").Append(HtmlText.Encode(storyId)).Append('"');
        sb.Append(" aria-labelledby=\"").Append(anchor).Append("-h\">");

        sb.Append("<header class=\"dhead\"><div class=\"dtitle\"><h3 id=\"").Append(anchor).Append("-h\"><span class=\"doc\">").Append(HtmlText.Encode(derived.Id))
          .Append("</span> <span class=\"from\">from</span> <span class=\"doc\">").Append(HtmlText.Encode(source.Id)).Append("</span></h3> ");
        AppendRelation(sb, a.Relation);
        sb.Append(" <span class=\"conf\">confidence ").Append(HtmlText.Fixed2(a.Confidence)).Append("</span></div>");
        sb.Append("<dl class=\"docs\"><dt>Source</dt><dd>");
        AppendDocMeta(sb, source);
        sb.Append("</dd><dt>Derived</dt><dd>");
        AppendDocMeta(sb, derived);
        sb.Append("</dd></dl>");

        sb.Append("<div class=\"bars\">");
        AppendBar(sb, "Source used", "share of the source's words in aligned sentences", a.Coverage.OfSource, "cov");
        AppendBar(sb, "Derived from source", "share of the derived article's words in aligned sentences", a.Coverage.OfDerived, "cov");
        AppendBar(sb, "Verbatim share", "share of the derived words kept word for word", a.VerbatimShare, "verb");
        sb.Append("</div>");

        int moved = a.Alignments.Count(x => x.Moved);
        sb.Append("<ul class=\"counts\">")
          .Append("<li><b>").Append(a.Alignments.Count).Append("</b> aligned groups</li>")
          .Append("<li><b>").Append(a.Added.Count).Append("</b> added</li>")
          .Append("<li><b>").Append(a.Dropped.Count).Append("</b> dropped</li>")
          .Append("<li><b>").Append(moved).Append("</b> moved</li>")
          .Append("<li").Append(a.FactChanges.Count > 0 ? " class=\"has-facts\"" : "").Append("><b>").Append(a.FactChanges.Count).Append("</b> fact ").Append(a.FactChanges.Count == 1 ? "change" : "changes").Append("</li>")
          .Append("</ul>");
        if (a.Direction.Reasons.Count > 0)
        {
            sb.Append("<p class=\"why\"><span class=\"label\">Direction:</span> ").Append(HtmlText.Encode(string.Join("; ", a.Direction.Reasons))).Append("</p>");
        }
        if (a.Relation == Relation.SameEvent || !a.Relation.IsDerivation())
        {
            sb.Append("<p class=\"why\"><span class=\"label\">Shared anchors:</span> ").Append(a.SameEvent.SharedNames).Append(" names, ")
              .Append(a.SameEvent.SharedNumbers).Append(" numbers (score ").Append(HtmlText.Fixed2(a.SameEvent.Score)).Append(")</p>");
        }
        sb.Append("</header>");

        // Which row holds each derived sentence, for the fact table's links.
        var rowOfDerived = new Dictionary<int, int>();
        for (int g = 0; g < a.Alignments.Count; g++)
        {
            foreach (var i in a.Alignments[g].Derived) rowOfDerived.TryAdd(i, g);
        }

        if (a.FactChanges.Count > 0)
        {
            sb.Append("<div class=\"table-wrap\"><table class=\"facts\"><caption><span aria-hidden=\"true\">\u2691</span> Fact changes</caption><thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Source</th><th scope=\"col\">Derived</th><th scope=\"col\">Sentences</th><th scope=\"col\">Detail</th></tr></thead><tbody>");
            for (int f = 0; f < a.FactChanges.Count; f++)
            {
                var c = a.FactChanges[f];
                sb.Append("<tr id=\"").Append(anchor).Append("-f").Append(f).Append("\" data-fact=\"").Append(f).Append("\" data-kind=\"").Append(SentenceMarkup.KindName(c.Kind)).Append("\"><td>")
                  .Append(SentenceMarkup.KindName(c.Kind)).Append("</td><td class=\"fv-src\">").Append(HtmlText.Encode(c.Source)).Append("</td><td class=\"fv-der\">")
                  .Append(HtmlText.Encode(c.Derived)).Append("</td><td class=\"num\">");
                if (rowOfDerived.TryGetValue(c.DerivedSentence, out var row))
                {
                    sb.Append("<a href=\"#").Append(anchor).Append("-g").Append(row).Append("\">").Append(c.SourceSentence).Append(" \u2192 ").Append(c.DerivedSentence).Append("</a>");
                }
                else sb.Append(c.SourceSentence).Append(" \u2192 ").Append(c.DerivedSentence);
                sb.Append("</td><td>").Append(HtmlText.Encode(c.Detail ?? "")).Append("</td></tr>");
            }
            sb.Append("</tbody></table></div>");
        }

        var rows = BuildRows(a, source.Model.Sentences.Count);
        sb.Append("<details class=\"sbs-box\"").Append(a.Relation.IsDerivation() ? " open" : "").Append("><summary>Side by side: ")
          .Append(Plural(rows.Count, "row", "rows")).Append("</summary>");
        sb.Append("<div class=\"sbs\"><div class=\"sbs-head\" aria-hidden=\"true\"><div>Source \u00B7 <span class=\"doc\">").Append(HtmlText.Encode(source.Id))
          .Append("</span></div><div></div><div>Derived \u00B7 <span class=\"doc\">").Append(HtmlText.Encode(derived.Id)).Append("</span></div></div>");
        foreach (var r in rows) AppendRow(sb, anchor, r, source, derived, a);
        sb.Append("</div></details></article>");
    }

    /// <summary>A row of the side-by-side view: an aligned group, an added derived sentence or a dropped source sentence.</summary>
    private readonly record struct Row(int Group, int Added, int Dropped);

    /// <summary>Rows in derived order; each dropped source sentence sits after the in-order group holding the source sentence before it.</summary>
    private static List<Row> BuildRows(PairAnalysis a, int sourceCount)
    {
        var groupOfDerived = new Dictionary<int, int>();
        for (int g = 0; g < a.Alignments.Count; g++) foreach (var i in a.Alignments[g].Derived) groupOfDerived.TryAdd(i, g);
        var added = new HashSet<int>(a.Added);
        int derivedMax = Math.Max(groupOfDerived.Keys.DefaultIfEmpty(-1).Max(), a.Added.DefaultIfEmpty(-1).Max());
        var rows = new List<Row>();
        var emitted = new HashSet<int>();
        for (int i = 0; i <= derivedMax; i++)
        {
            if (groupOfDerived.TryGetValue(i, out var g))
            {
                if (emitted.Add(g)) rows.Add(new Row(g, -1, -1));
            }
            else if (added.Contains(i)) rows.Add(new Row(-1, i, -1));
        }
        for (int g = 0; g < a.Alignments.Count; g++) if (!emitted.Contains(g)) rows.Add(new Row(g, -1, -1));

        // Place dropped sentences: after the last row (not moved) whose source sentences are all before it.
        foreach (var j in a.Dropped.OrderByDescending(j => j))
        {
            int at = 0;
            for (int r = rows.Count - 1; r >= 0; r--)
            {
                var row = rows[r];
                int anchorSource = row.Group >= 0 && !a.Alignments[row.Group].Moved ? a.Alignments[row.Group].Source.Max()
                    : row.Dropped >= 0 ? row.Dropped : -1;
                if (anchorSource >= 0 && anchorSource < j) { at = r + 1; break; }
            }
            // Keep dropped runs in source order: insert before later dropped sentences already placed here.
            rows.Insert(at, new Row(-1, -1, j));
        }
        return rows;
    }

    private static void AppendRow(StringBuilder sb, string anchor, Row row, AnalyzedDocument source, AnalyzedDocument derived, PairAnalysis a)
    {
        if (row.Added >= 0)
        {
            sb.Append("<div class=\"row added\" data-kind=\"added\"><div class=\"cell src empty\"><span class=\"side\">Source</span><span class=\"none\">not in the source</span></div>")
              .Append("<div class=\"gutter\"><span class=\"kind kind-added\"><span aria-hidden=\"true\">+</span> added</span></div><div class=\"cell der\"><span class=\"side\">Derived</span>");
            AppendSentence(sb, derived, row.Added, (s, text) => SentenceMarkup.AppendWhole(sb, text, s, DiffOperation.Inserted));
            sb.Append("</div></div>");
            return;
        }
        if (row.Dropped >= 0)
        {
            sb.Append("<div class=\"row dropped\" data-kind=\"dropped\"><div class=\"cell src\"><span class=\"side\">Source</span>");
            AppendSentence(sb, source, row.Dropped, (s, text) => SentenceMarkup.AppendWhole(sb, text, s, DiffOperation.Deleted));
            sb.Append("</div><div class=\"gutter\"><span class=\"kind kind-dropped\"><span aria-hidden=\"true\">\u2212</span> dropped</span></div><div class=\"cell der empty\"><span class=\"side\">Derived</span><span class=\"none\">not in the derived article</span></div></div>");
            return;
        }

        var al = a.Alignments[row.Group];
        string kind = ContractJsonWriter.KindName(al.Kind);
        sb.Append("<div class=\"row aligned k-").Append(kind).Append(al.Moved ? " moved" : "").Append("\" id=\"").Append(anchor).Append("-g").Append(row.Group)
          .Append("\" data-kind=\"").Append(kind).Append("\" data-moved=\"").Append(al.Moved ? "true" : "false")
          .Append("\" data-similarity=\"").Append(HtmlText.Fixed2(al.Similarity)).Append("\">");

        var srcRuns = al.Diff.Spans.Where(s => s.Source is not null).Select(s => new DiffRun(s.Operation, s.Source!.Value)).ToList();
        var derRuns = al.Diff.Spans.Where(s => s.Derived is not null).Select(s => new DiffRun(s.Operation, s.Derived!.Value)).ToList();
        var facts = a.FactChanges.Select((f, n) => (f, n)).Where(x => al.Derived.Contains(x.f.DerivedSentence) || al.Source.Contains(x.f.SourceSentence) && al.Derived.Contains(x.f.DerivedSentence)).ToList();

        sb.Append("<div class=\"cell src\"><span class=\"side\">Source</span>");
        foreach (var j in al.Source)
        {
            var marks = new List<FactMark>();
            foreach (var (f, n) in facts)
            {
                if (f.SourceSentence != j) continue;
                if (FactLocator.Find(source.Model.Text, source.Model.Sentences[j].Span, f.Source) is { } at) marks.Add(new FactMark(at, false, f, n));
            }
            AppendSentence(sb, source, j, (s, text) => SentenceMarkup.Append(sb, text, s, srcRuns, marks));
        }
        sb.Append("</div><div class=\"gutter\"><span class=\"kind kind-").Append(kind).Append("\">").Append(KindLabel(al)).Append("</span>")
          .Append("<span class=\"sim\" title=\"sentence similarity\">").Append(HtmlText.Fixed2(al.Similarity)).Append("</span>");
        if (al.Moved) sb.Append("<span class=\"moved-tag\" title=\"out of the source order\"><span aria-hidden=\"true\">\u21C5</span> moved</span>");
        sb.Append("</div><div class=\"cell der\"><span class=\"side\">Derived</span>");
        foreach (var i in al.Derived)
        {
            var marks = new List<FactMark>();
            foreach (var (f, n) in facts)
            {
                if (f.DerivedSentence != i) continue;
                var at = FactLocator.Find(derived.Model.Text, derived.Model.Sentences[i].Span, f.Derived);
                // An unplaced value still gets its badge (with both values) at the end of the sentence.
                marks.Add(new FactMark(at ?? new TextSpan(-1, 0), true, f, n));
            }
            AppendSentence(sb, derived, i, (s, text) => SentenceMarkup.Append(sb, text, s, derRuns, marks));
        }
        sb.Append("</div></div>");
    }

    private static string KindLabel(SentenceAlignment al) => al.Kind switch
    {
        AlignmentKind.Verbatim => "<span aria-hidden=\"true\">=</span> verbatim",
        AlignmentKind.NearVerbatim => "<span aria-hidden=\"true\">\u2248</span> near-verbatim",
        AlignmentKind.Paraphrase => "<span aria-hidden=\"true\">\u223F</span> paraphrase",
        AlignmentKind.Merge => $"<span aria-hidden=\"true\">\u2933</span> merge {al.Source.Count} \u2192 {al.Derived.Count}",
        AlignmentKind.Split => $"<span aria-hidden=\"true\">\u2934</span> split {al.Source.Count} \u2192 {al.Derived.Count}",
        _ => HtmlText.Encode(ContractJsonWriter.KindName(al.Kind)),
    };

    private static void AppendSentence(StringBuilder sb, AnalyzedDocument doc, int index, Action<TextSpan, string> body)
    {
        sb.Append("<p class=\"sent\" data-index=\"").Append(index).Append("\"><span class=\"idx\" title=\"sentence ").Append(index).Append("\">").Append(index).Append("</span> ");
        body(doc.Model.Sentences[index].Span, doc.Model.Text);
        sb.Append("</p>");
    }

    // ------------------------------------------------------------------ small pieces

    private static void AppendFilters(StringBuilder sb, IEnumerable<Relation> relations)
    {
        var counts = relations.GroupBy(r => r).OrderBy(g => (int)g.Key).ToList();
        sb.Append("<fieldset class=\"filters\"><legend>Show relations</legend>");
        foreach (var g in counts)
        {
            var name = g.Key.ToContractName();
            sb.Append("<label><input type=\"checkbox\" checked data-filter=\"").Append(name).Append("\"> <span class=\"rel rel-").Append(name).Append("\">").Append(name)
              .Append("</span> <span class=\"count\">").Append(g.Count()).Append("</span></label>");
        }
        sb.Append("<span id=\"nav-status\" class=\"nav-status\" role=\"status\" aria-live=\"polite\"></span></fieldset>");
    }

    private static void AppendLegend(StringBuilder sb)
    {
        sb.Append("<div class=\"legend\" aria-label=\"Legend\"><span class=\"legend-title\">Legend</span>")
          .Append("<span><span class=\"dk\">verbatim</span> kept words, plain</span>")
          .Append("<span><span class=\"dr\">reworded</span> dotted underline</span>")
          .Append("<span><ins class=\"di\">added</ins> underlined</span>")
          .Append("<span><del class=\"dd\">dropped</del> struck through</span>")
          .Append("<span><mark class=\"fact\">fact</mark><span class=\"fact-badge\"><span aria-hidden=\"true\">\u2691</span> source: <b>value</b></span> changed fact</span>")
          .Append("<span><span class=\"moved-tag\"><span aria-hidden=\"true\">\u21C5</span> moved</span> out of source order</span>")
          .Append("</div>");
    }

    private static void AppendRelation(StringBuilder sb, Relation relation)
    {
        var name = relation.ToContractName();
        sb.Append("<span class=\"rel rel-").Append(name).Append("\">").Append(name).Append("</span>");
    }

    private static void AppendBar(StringBuilder sb, string label, string help, double share, string kind)
    {
        var pct = HtmlText.Percent(share);
        sb.Append("<div class=\"bar-line\" title=\"").Append(help).Append("\"><span class=\"bar-label\">").Append(label).Append("</span><span class=\"bar bar-").Append(kind)
          .Append("\" role=\"img\" aria-label=\"").Append(label).Append(' ').Append(pct).Append("\"><span style=\"width:").Append(pct).Append("\"></span></span><span class=\"bar-value\">")
          .Append(pct).Append("</span></div>");
    }

    private static void AppendMiniBar(StringBuilder sb, double share)
        => sb.Append("<span class=\"minibar\" aria-hidden=\"true\"><span style=\"width:").Append(HtmlText.Percent(share)).Append("\"></span></span>");

    private static void AppendDocMeta(StringBuilder sb, AnalyzedDocument doc)
    {
        var art = doc.Article;
        sb.Append(" <span class=\"meta\">");
        if (art.Title is { Length: > 0 } title) sb.Append("<span class=\"title\">").Append(HtmlText.Encode(title)).Append("</span>");
        var od = OutletDate(doc);
        if (od.Length > 0) sb.Append(" <span class=\"outlet\">").Append(HtmlText.Encode(od)).Append("</span>");
        if (HtmlText.SafeHttpUrl(art.Url) is { } url)
        {
            sb.Append(" <a class=\"url\" rel=\"noopener noreferrer\" href=\"").Append(HtmlText.Encode(url)).Append("\">").Append(HtmlText.Encode(art.Url)).Append("</a>");
        }
        else if (!string.IsNullOrWhiteSpace(art.Url))
        {
            sb.Append(" <span class=\"url\">").Append(HtmlText.Encode(art.Url)).Append("</span>");
        }
        sb.Append(" <span class=\"words\">").Append(doc.Model.WordCount).Append(" words</span></span>");
    }

    private static string OutletDate(AnalyzedDocument? doc)
    {
        if (doc == null) return "";
        var parts = new List<string>();
        if (doc.Article.Outlet is { Length: > 0 } o) parts.Add(o);
        if (doc.Article.Agency is { Length: > 0 } ag && ag != doc.Article.Outlet) parts.Add(ag);
        if (doc.Article.Published is { } p) parts.Add(p.ToString("yyyy-MM-dd"));
        return string.Join(", ", parts);
    }

    private static string Plural(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    private static string Slug(string id)
    {
        var sb = new StringBuilder(id.Length);
        foreach (var c in id) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        return sb.ToString();
    }

    /// <summary>The page frame: head with CSP, styles and script, and the body being built.</summary>
    private sealed class PageBuilder
    {
        private readonly StringBuilder head = new();
        private readonly string nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

        public StringBuilder Body { get; } = new();

        public void Start(string title, string summary)
        {
            head.Append("<!DOCTYPE html>\n<html lang=\"en\" class=\"no-js\">\n<head>\n<meta charset=\"utf-8\">\n")
                .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-").Append(nonce)
                .Append("'; img-src 'none'; base-uri 'none'; form-action 'none'\">\n")
                .Append("<meta name=\"generator\" content=\"wiretrace\">\n<title>").Append(HtmlText.Encode(title)).Append("</title>\n<style>").Append(HtmlAssets.Css).Append("</style>\n</head>\n<body>\n")
                .Append("<a class=\"skip\" href=\"#derivations\">Skip to the derivations</a>\n")
                .Append("<header class=\"top\"><h1>").Append(HtmlText.Encode(title)).Append("</h1><p class=\"summary\">").Append(HtmlText.Encode(summary)).Append("</p></header>\n<main id=\"main\">\n");
        }

        public void Finish(Stream output)
        {
            Body.Append("\n</main>\n<footer class=\"foot\">Made by WireTrace. Offsets and indexes refer to each document's original text; sentence numbers start at 0.</footer>\n");
            Body.Append("<script nonce=\"").Append(nonce).Append("\">").Append(HtmlAssets.Script).Append("</script>\n</body>\n</html>\n");
            using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.Write(head);
            writer.Write(Body);
        }
    }
}
