using System.Text.Encodings.Web;
using System.Text.Json;

namespace WireTrace.Evaluation.Synthetic;

/// <summary>Writes a <see cref="GoldCorpus"/>: the corpus as JSONL (id, text, published) and the gold as JSON. Output is byte-stable.</summary>
public static class GoldCorpusWriter
{
    private static readonly JsonWriterOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };
    private static readonly JsonWriterOptions GoldOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true, NewLine = "\n" };

    public static void Write(GoldCorpus corpus, string corpusJsonlPath, string goldJsonPath)
    {
        using (var corpusStream = File.Create(corpusJsonlPath)) WriteCorpusJsonl(corpus, corpusStream);
        using var goldStream = File.Create(goldJsonPath);
        WriteGoldJson(corpus, goldStream);
    }

    /// <summary>One JSON object per line: {"id":..,"text":..,"published":"yyyy-MM-dd"}, each line ending in "\n".</summary>
    public static void WriteCorpusJsonl(GoldCorpus corpus, Stream stream)
    {
        foreach (var doc in corpus.Documents)
        {
            using (var writer = new Utf8JsonWriter(stream, LineOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("id", doc.Id);
                writer.WriteString("text", doc.Text);
                writer.WriteString("published", doc.Published);
                writer.WriteEndObject();
            }
            stream.WriteByte((byte)'\n');
        }
    }

    /// <summary>
    /// The gold: {"seed", "counts": {relation: n}, "documents": [{"id", "storyId", "reutersNewId", "parentId",
    /// "relation", "published", "text", "sentences": [{"index","start","length","paragraph","source":[..]}],
    /// "droppedSourceSentences", "factChanges": [{"kind","oldValue","newValue","sourceSentence","derivedSentence"}],
    /// "paddingStoryIds"}]}.
    /// </summary>
    public static void WriteGoldJson(GoldCorpus corpus, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, GoldOptions);
        w.WriteStartObject();
        w.WriteNumber("seed", corpus.Seed);
        w.WriteStartObject("counts");
        foreach (var relation in Enum.GetValues<SyntheticRelation>()) w.WriteNumber(Name(relation), corpus.Count(relation));
        w.WriteEndObject();
        w.WriteStartArray("documents");
        foreach (var d in corpus.Documents)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            if (d.StoryId is { } story) w.WriteNumber("storyId", story); else w.WriteNull("storyId");
            w.WriteNumber("reutersNewId", d.ReutersNewId);
            if (d.ParentId != null) w.WriteString("parentId", d.ParentId); else w.WriteNull("parentId");
            w.WriteString("relation", Name(d.Relation));
            w.WriteString("published", d.Published);
            w.WriteString("text", d.Text);
            w.WriteStartArray("sentences");
            foreach (var s in d.Sentences)
            {
                w.WriteStartObject();
                w.WriteNumber("index", s.Index);
                w.WriteNumber("start", s.Start);
                w.WriteNumber("length", s.Length);
                w.WriteNumber("paragraph", s.Paragraph);
                WriteInts(w, "source", s.SourceSentences);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteInts(w, "droppedSourceSentences", d.DroppedSourceSentences);
            w.WriteStartArray("factChanges");
            foreach (var f in d.FactChanges)
            {
                w.WriteStartObject();
                w.WriteString("kind", Name(f.Kind));
                w.WriteString("oldValue", f.OldValue);
                w.WriteString("newValue", f.NewValue);
                w.WriteNumber("sourceSentence", f.SourceSentence);
                w.WriteNumber("derivedSentence", f.DerivedSentence);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteInts(w, "paddingStoryIds", d.PaddingStoryIds);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>camelCase name of an enum value ("SameTopicDistractor" becomes "sameTopicDistractor").</summary>
    public static string Name<T>(T value) where T : struct, Enum
    {
        var s = value.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }

    private static void WriteInts(Utf8JsonWriter w, string name, IReadOnlyList<int> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }
}
