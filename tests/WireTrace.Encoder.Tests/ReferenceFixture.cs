using System.Text.Json;
using WireTrace.Tests;

namespace WireTrace.Encoder.Tests;

/// <summary>One reference sentence: its text, the JS tokenizer's ids and the JS runtime's vector.</summary>
internal sealed record ReferenceSentence(string Label, string Text, int[] Ids, float[] Vector);

/// <summary>
/// Reads Fixtures/use-lite-reference.json (made by tools/encoder-reference/make-reference.js). Shared-data
/// sentences are stored by file, line and field; their text is read back from the shared data folder.
/// </summary>
internal static class ReferenceFixture
{
    private static readonly Lazy<(IReadOnlyList<ReferenceSentence> Sentences, float[][] Batch)> Data = new(Read);

    public static IReadOnlyList<ReferenceSentence> Sentences => Data.Value.Sentences;

    /// <summary>Vectors the JS runtime gave the first eight sentences encoded as one batch.</summary>
    public static float[][] BatchVectors => Data.Value.Batch;

    private static (IReadOnlyList<ReferenceSentence>, float[][]) Read()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "use-lite-reference.json");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var lines = new Dictionary<string, string[]>();
        var list = new List<ReferenceSentence>();
        foreach (var s in doc.RootElement.GetProperty("sentences").EnumerateArray())
        {
            string text, label;
            if (s.TryGetProperty("text", out var t))
            {
                text = t.GetString()!;
                label = "hand-written: " + text;
            }
            else
            {
                var file = s.GetProperty("file").GetString()!;
                int line = s.GetProperty("line").GetInt32(), field = s.GetProperty("field").GetInt32();
                if (!lines.TryGetValue(file, out var all))
                {
                    all = File.ReadAllText(SharedData.PathTo(file.Split('/'))).Split('\n');
                    lines[file] = all;
                }
                text = all[line - 1].TrimEnd('\r').Split('\t')[field];
                label = $"{file}:{line}";
            }
            int[] ids = [.. s.GetProperty("ids").EnumerateArray().Select(x => x.GetInt32())];
            list.Add(new ReferenceSentence(label, text, ids, Floats(s.GetProperty("vector").GetString()!)));
        }
        float[][] batch = [.. doc.RootElement.GetProperty("batch").GetProperty("vectors").EnumerateArray().Select(v => Floats(v.GetString()!))];
        return (list, batch);
    }

    private static float[] Floats(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        var floats = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, floats, 0, bytes.Length);
        return floats;
    }
}
