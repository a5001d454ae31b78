using System.Text.Encodings.Web;
using System.Text.Json;

namespace WireTrace.Evaluation.Suites;

/// <summary>
/// Writes suite results as JSON: one result is <c>{"suite", "split", "similarity", "metrics": {name: value}, "n"}</c>; several are an
/// array of those. A metric that is not a number (NaN) is written as null.
/// </summary>
public static class SuiteResultJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };

    /// <param name="similarity">The sentence scorer the suites ran with (<see cref="WireTrace.Core.Analysis.SentenceScorer.Name"/>).</param>
    public static void Write(Stream stream, IReadOnlyList<SuiteResult> results, bool asArray, string similarity = "lexical")
    {
        using var w = new Utf8JsonWriter(stream, Options);
        if (asArray) w.WriteStartArray();
        foreach (var r in results) WriteOne(w, r, similarity);
        if (asArray) w.WriteEndArray();
    }

    private static void WriteOne(Utf8JsonWriter w, SuiteResult result, string similarity)
    {
        w.WriteStartObject();
        w.WriteString("suite", result.Suite);
        w.WriteString("split", result.Split);
        w.WriteString("similarity", similarity);
        w.WriteStartObject("metrics");
        foreach (var m in result.Metrics)
        {
            if (double.IsFinite(m.Value)) w.WriteNumber(m.Name, Math.Round(m.Value, 6));
            else w.WriteNull(m.Name);
        }
        w.WriteEndObject();
        w.WriteNumber("n", result.N);
        w.WriteEndObject();
    }
}
