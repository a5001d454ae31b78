using System.Text.Encodings.Web;
using System.Text.Json;
using WireTrace.Core.Alignment;
using WireTrace.Core.Analysis;
using WireTrace.Core.Documents;
using WireTrace.Core.Text;
using WireTrace.Core.Stories;

namespace WireTrace.Reports.Json;

/// <summary>An input that was skipped, with where and why.</summary>
public sealed record ReportSkip(string Path, int? Line, string Reason);

/// <summary>
/// Writes the scan and compare output contract (docs/schema): field names are stable; fields may be
/// added, never renamed. Article text is written as JSON strings with every HTML-significant character
/// escaped, so the file can be embedded in a page safely.
/// </summary>
public static class ContractJsonWriter
{
    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Default,
    };

    /// <summary>The same without indentation, for the scan of a large pile (an indented scan of a million articles runs to gigabytes of spaces).</summary>
    internal static readonly JsonWriterOptions CompactOptions = Options with { Indented = false };

    /// <summary>
    /// The <c>derivations</c> array of <paramref name="story"/> as compact JSON, to be written later with
    /// <see cref="ScanJsonStream.WriteStory(string, string, IEnumerable{string}, byte[])"/>.
    /// </summary>
    /// <param name="sentenceText">The text of sentence <c>i</c> of the member with id <c>id</c>: <c>(id, i) =&gt; text</c>.</param>
    public static byte[] DerivationsJson(Story story, Func<string, int, string> sentenceText) =>
        CompactBytes(4096, w => WriteDerivations(w, story, sentenceText));

    /// <summary>One document as compact JSON (what <see cref="ScanJsonStream.WriteDocument(Article, IReadOnlyList{TextSpan}, int)"/> writes), so documents can be rendered on several threads.</summary>
    public static byte[] DocumentJson(Article article, IReadOnlyList<TextSpan> sentences, int words) =>
        CompactBytes(2 * article.Text.Length + 512, w => WriteDocument(w, article, sentences, words));

    /// <summary>What <paramref name="write"/> writes, as compact JSON bytes (<paramref name="capacity"/>: a first guess at their size).</summary>
    private static byte[] CompactBytes(int capacity, Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(capacity);
        using (var w = new Utf8JsonWriter(buffer, CompactOptions))
        {
            write(w);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteScan(Stream output, IReadOnlyList<AnalyzedDocument> documents, StoryResult? stories, IReadOnlyList<ReportSkip> skipped, string similarity)
    {
        using var scan = new ScanJsonStream(output, similarity);
        foreach (var d in documents.OrderBy(d => d.Id, StringComparer.Ordinal)) scan.WriteDocument(d.Article, d.Model.Sentences.Select(s => s.Span).ToList(), d.Model.WordCount);
        if (stories != null)
        {
            var byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
            scan.StartStories();
            foreach (var s in stories.Stories) scan.WriteStory(s, (id, i) => byId[id].Model.SentenceText(i));
            scan.WriteUnrelated(stories.Unrelated);
        }
        scan.Finish(skipped);
    }

    public static void WriteCompare(Stream output, AnalyzedDocument source, AnalyzedDocument derived, PairAnalysis analysis, string similarity)
    {
        using var w = new Utf8JsonWriter(output, Options);
        w.WriteStartObject();
        w.WriteString("tool", "wiretrace");
        w.WriteString("similarity", similarity);
        w.WriteStartArray("documents");
        WriteDocument(w, source);
        WriteDocument(w, derived);
        w.WriteEndArray();
        w.WritePropertyName("derivation");
        WriteDerivation(w, new Derivation(derived.Id, source.Id, analysis), source.Model.SentenceText, derived.Model.SentenceText);
        w.WriteEndObject();
    }

    private static void WriteDocument(Utf8JsonWriter w, AnalyzedDocument d)
        => WriteDocument(w, d.Article, d.Model.Sentences.Select(s => s.Span).ToList(), d.Model.WordCount);

    /// <summary>One document: its metadata, its sentences (spans into <see cref="Article.Text"/>) and word count.</summary>
    internal static void WriteDocument(Utf8JsonWriter w, Article a, IReadOnlyList<TextSpan> sentences, int words)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        WriteNullable(w, "path", a.Path);
        WriteNullable(w, "outlet", a.Outlet);
        WriteNullable(w, "published", a.Published?.ToString("yyyy-MM-dd"));
        WriteNullable(w, "title", a.Title);
        WriteNullable(w, "url", a.Url);
        WriteNullable(w, "agency", a.Agency);
        WriteNullable(w, "dateline", a.Dateline);
        w.WriteStartArray("sentences");
        foreach (var s in sentences) w.WriteStringValue(s.Slice(a.Text));
        w.WriteEndArray();
        w.WriteStartArray("sentenceSpans");
        foreach (var s in sentences)
        {
            w.WriteStartArray();
            w.WriteNumberValue(s.Start);
            w.WriteNumberValue(s.End);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteNumber("words", words);
        w.WriteEndObject();
    }

    /// <param name="sentenceText">The text of sentence <c>i</c> of the member with id <c>id</c>: <c>(id, i) =&gt; text</c>.</param>
    internal static void WriteStory(Utf8JsonWriter w, Story s, Func<string, int, string> sentenceText) =>
        WriteStory(w, s.Id, s.Source, s.Members, () => WriteDerivations(w, s, sentenceText));

    /// <summary>A story object; <paramref name="derivations"/> writes the value of its <c>derivations</c> field.</summary>
    internal static void WriteStory(Utf8JsonWriter w, string id, string source, IEnumerable<string> members, Action derivations)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("source", source);
        w.WriteStartArray("members");
        foreach (var m in members) w.WriteStringValue(m);
        w.WriteEndArray();
        w.WritePropertyName("derivations");
        derivations();
        w.WriteEndObject();
    }

    private static void WriteDerivations(Utf8JsonWriter w, Story s, Func<string, int, string> sentenceText)
    {
        w.WriteStartArray();
        foreach (var d in s.Derivations) WriteDerivation(w, d, i => sentenceText(d.From, i), i => sentenceText(d.Derived, i));
        w.WriteEndArray();
    }

    private static void WriteDerivation(Utf8JsonWriter w, Derivation d, Func<int, string> sourceSentence, Func<int, string> derivedSentence)
    {
        var a = d.Analysis;
        w.WriteStartObject();
        w.WriteString("derived", d.Derived);
        w.WriteString("from", d.From);
        w.WriteString("relation", a.Relation.ToContractName());
        w.WriteNumber("confidence", a.Confidence);
        w.WriteStartObject("coverage");
        w.WriteNumber("ofSource", a.Coverage.OfSource);
        w.WriteNumber("ofDerived", a.Coverage.OfDerived);
        w.WriteEndObject();
        w.WriteNumber("verbatimShare", a.VerbatimShare);
        w.WriteStartObject("direction");
        w.WriteNumber("score", a.Direction.Score);
        w.WriteStartArray("reasons");
        foreach (var r in a.Direction.Reasons) w.WriteStringValue(r);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("sameEvent");
        w.WriteNumber("score", a.SameEvent.Score);
        w.WriteNumber("sharedNames", a.SameEvent.SharedNames);
        w.WriteNumber("sharedNumbers", a.SameEvent.SharedNumbers);
        w.WriteEndObject();
        w.WriteStartArray("alignments");
        foreach (var al in a.Alignments) WriteAlignment(w, al);
        w.WriteEndArray();
        w.WriteStartArray("added");
        foreach (var i in a.Added) WriteIndexed(w, i, derivedSentence(i));
        w.WriteEndArray();
        w.WriteStartArray("dropped");
        foreach (var i in a.Dropped) WriteIndexed(w, i, sourceSentence(i));
        w.WriteEndArray();
        w.WriteStartArray("factChanges");
        foreach (var f in a.FactChanges)
        {
            w.WriteStartObject();
            w.WriteString("kind", f.Kind.ToString().ToLowerInvariant());
            w.WriteString("source", f.Source);
            w.WriteString("derived", f.Derived);
            w.WriteNumber("sourceSentence", f.SourceSentence);
            w.WriteNumber("derivedSentence", f.DerivedSentence);
            WriteNullable(w, "detail", f.Detail);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteAlignment(Utf8JsonWriter w, SentenceAlignment al)
    {
        w.WriteStartObject();
        w.WriteStartArray("derived");
        foreach (var i in al.Derived) w.WriteNumberValue(i);
        w.WriteEndArray();
        w.WriteStartArray("source");
        foreach (var j in al.Source) w.WriteNumberValue(j);
        w.WriteEndArray();
        w.WriteString("kind", KindName(al.Kind));
        w.WriteNumber("similarity", Math.Round(al.Similarity, 4));
        w.WriteBoolean("moved", al.Moved);
        w.WriteStartArray("diff");
        foreach (var span in al.Diff.Spans)
        {
            w.WriteStartObject();
            w.WriteString("op", span.Operation.ToString().ToLowerInvariant());
            WriteSpan(w, "source", span.Source);
            WriteSpan(w, "derived", span.Derived);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string KindName(AlignmentKind kind) => kind switch
    {
        AlignmentKind.Verbatim => "verbatim",
        AlignmentKind.NearVerbatim => "near-verbatim",
        AlignmentKind.Paraphrase => "paraphrase",
        AlignmentKind.Merge => "merge",
        AlignmentKind.Split => "split",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static void WriteSpan(Utf8JsonWriter w, string name, Core.Text.TextSpan? span)
    {
        if (span is not { } s)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartArray(name);
        w.WriteNumberValue(s.Start);
        w.WriteNumberValue(s.End);
        w.WriteEndArray();
    }

    private static void WriteIndexed(Utf8JsonWriter w, int index, string text)
    {
        w.WriteStartObject();
        w.WriteNumber("index", index);
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    internal static void WriteSkipped(Utf8JsonWriter w, IReadOnlyList<ReportSkip> skipped)
    {
        w.WriteStartArray("skipped");
        foreach (var s in skipped)
        {
            w.WriteStartObject();
            w.WriteString("path", s.Path);
            if (s.Line is { } line) w.WriteNumber("line", line);
            else w.WriteNull("line");
            w.WriteString("reason", s.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
