using System.Text.Encodings.Web;
using System.Text.Json;

namespace WireTrace.Cli.Commands;

/// <summary>
/// Writes a benchmark corpus as JSONL (the format <c>bench --corpus</c> and <c>scan</c> read): one
/// <c>{"id", "text"}</c> per line, planted articles with <c>"source"</c> (the source's id) and <c>"kind"</c>.
/// Texts are generated in parallel, a block at a time, and written in index order.
/// </summary>
internal static class BenchCorpusWriter
{
    private const int Block = 4096;

    public static void Write(FileInfo file, int count, Func<int, string> text, IReadOnlyList<(int Source, int Derived, string Kind)> gold, int threads, CancellationToken cancel)
    {
        var planted = gold.ToDictionary(g => g.Derived);
        file.Directory?.Create();
        using var stream = file.Create();
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var texts = new string[Block];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads <= 0 ? Environment.ProcessorCount : threads, CancellationToken = cancel };
        for (int start = 0; start < count; start += Block)
        {
            int n = Math.Min(Block, count - start);
            Parallel.For(0, n, options, k => texts[k] = text(start + k));
            for (int k = 0; k < n; k++)
            {
                int index = start + k;
                writer.WriteStartObject();
                writer.WriteString("id", WireTrace.Evaluation.Synthetic.BenchCorpus.IdOf(index));
                writer.WriteString("text", texts[k]);
                if (planted.TryGetValue(index, out var g))
                {
                    writer.WriteString("source", WireTrace.Evaluation.Synthetic.BenchCorpus.IdOf(g.Source));
                    writer.WriteString("kind", g.Kind);
                }
                writer.WriteEndObject();
                writer.Flush();
                stream.WriteByte((byte)'\n');
                writer.Reset();
            }
        }
    }
}
