using System.Text.Json;
using WireTrace.Core.Analysis;
using WireTrace.Core.Documents;
using WireTrace.Core.Stories;
using WireTrace.Core.Text;

namespace WireTrace.Reports.Json;

/// <summary>
/// Writes the scan contract (docs/schema/scan.schema.json) a piece at a time, so that a pile of millions of
/// articles is never held whole: documents (sorted by id, the caller's duty), then <see cref="StartStories"/>,
/// stories, <see cref="WriteUnrelated"/>, and <see cref="Finish"/>. The output is flushed after every piece, so
/// memory stays bounded by the largest story. Gives the same bytes as <see cref="ContractJsonWriter.WriteScan"/>.
/// </summary>
public sealed class ScanJsonStream : IDisposable
{
    private const int FlushAbove = 1 << 16;
    private readonly Utf8JsonWriter _writer;
    private bool _storiesStarted;

    /// <param name="compact">Without indentation (see <see cref="ContractJsonWriter.CompactOptions"/>).</param>
    public ScanJsonStream(Stream output, string similarity, bool compact = false)
    {
        _writer = new Utf8JsonWriter(output, compact ? ContractJsonWriter.CompactOptions : ContractJsonWriter.Options);
        _writer.WriteStartObject();
        _writer.WriteString("tool", "wiretrace");
        _writer.WriteString("similarity", similarity);
        _writer.WriteStartArray("documents");
    }

    /// <summary>One document: <paramref name="article"/> with its full text, its sentence spans and word count.</summary>
    public void WriteDocument(Article article, IReadOnlyList<TextSpan> sentences, int words)
    {
        ContractJsonWriter.WriteDocument(_writer, article, sentences, words);
        FlushIfFull();
    }

    /// <summary>One document rendered by <see cref="ContractJsonWriter.DocumentJson"/> (this stream must be compact).</summary>
    public void WriteDocument(byte[] documentJson)
    {
        _writer.WriteRawValue(documentJson, skipInputValidation: true);
        FlushIfFull();
    }

    /// <summary>Ends the documents and opens the stories.</summary>
    public void StartStories()
    {
        _writer.WriteEndArray();
        _writer.WriteStartArray("stories");
        _storiesStarted = true;
    }

    /// <summary>One story; <paramref name="sentenceText"/> gives the text of sentence <c>i</c> of member <c>id</c> (for added and dropped sentences).</summary>
    public void WriteStory(Story story, Func<string, int, string> sentenceText)
    {
        ContractJsonWriter.WriteStory(_writer, story, sentenceText);
        FlushIfFull();
    }

    /// <summary>One story whose derivations were rendered before (<see cref="ContractJsonWriter.DerivationsJson"/>).</summary>
    public void WriteStory(string id, string source, IEnumerable<string> members, byte[] derivationsJson)
    {
        ContractJsonWriter.WriteStory(_writer, id, source, members, () => _writer.WriteRawValue(derivationsJson, skipInputValidation: true));
        FlushIfFull();
    }

    /// <summary>Ends the stories and writes the ids of the documents in none.</summary>
    public void WriteUnrelated(IEnumerable<string> ids)
    {
        _writer.WriteEndArray();
        _writer.WriteStartArray("unrelated");
        foreach (var id in ids)
        {
            _writer.WriteStringValue(id);
            FlushIfFull();
        }
        _writer.WriteEndArray();
    }

    /// <summary>Writes the skipped inputs and closes the object (ends the documents first when no story was written).</summary>
    public void Finish(IReadOnlyList<ReportSkip> skipped)
    {
        if (!_storiesStarted) _writer.WriteEndArray();
        ContractJsonWriter.WriteSkipped(_writer, skipped);
        _writer.WriteEndObject();
        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();

    private void FlushIfFull()
    {
        if (_writer.BytesPending > FlushAbove) _writer.Flush();
    }
}
