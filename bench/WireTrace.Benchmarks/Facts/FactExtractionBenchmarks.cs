using BenchmarkDotNet.Attributes;
using WireTrace.Core.Facts;
using WireTrace.Core.Text;

namespace WireTrace.Benchmarks.Facts;

/// <summary>
/// Fact extraction and comparison on a realistic wire story. Run with
/// <c>dotnet run -c Release --project bench/WireTrace.Benchmarks -- --filter '*FactExtraction*'</c>.
/// </summary>
[MemoryDiagnoser]
public class FactExtractionBenchmarks
{
    private static readonly string[] SourceSentences =
    [
        "LVIV, Ukraine (Reuters) - At least 12 people were killed on Friday when a bridge collapsed over the Poltva river, Interior Ministry spokesman Daniel Okafor said.",
        "Rescuers pulled 30 survivors from the water and about 200 families were evacuated from nearby homes, the ministry said in a statement.",
        "“We will rebuild every home and every school before winter,” Okafor told reporters in Lviv.",
        "The bridge, built in 1974, carried some 40,000 vehicles a day and was due for a $5 million repair in March.",
        "Mayor Elena Varga said the city had warned the government about the bridge's condition on Jan. 5, 2024.",
        "Nobody had time to leave, according to witnesses, who described a 30-metre section falling into the river.",
        "The United Nations said it was ready to help, and the European Commission pledged 1.5 billion euros for reconstruction.",
        "Hundreds of volunteers joined the search on Saturday, police said.",
    ];

    private static readonly string[] DerivedSentences =
    [
        "At least 14 people died on Friday when a bridge collapsed in Lviv, the Interior Ministry said.",
        "Rescuers pulled 35 survivors from the river and more than 200 families were evacuated.",
        "“We will rebuild every damaged home before winter,” Okafor said.",
        "The bridge, built in 1974, carried 40,000 vehicles a day and was due for a $5 million repair in April.",
    ];

    private string _source = "";
    private string _derived = "";
    private List<(TextSpan Span, int Index)> _sourceSpans = [];
    private List<(TextSpan Span, int Index)> _derivedSpans = [];

    [GlobalSetup]
    public void Setup()
    {
        (_source, _sourceSpans) = Build(SourceSentences);
        (_derived, _derivedSpans) = Build(DerivedSentences);
    }

    private static (string, List<(TextSpan, int)>) Build(string[] sentences)
    {
        var text = "";
        var spans = new List<(TextSpan, int)>();
        for (int i = 0; i < sentences.Length; i++)
        {
            spans.Add((new TextSpan(text.Length, sentences[i].Length), i));
            text += sentences[i] + "\n\n";
        }
        return (text, spans);
    }

    /// <summary>All facts of the 8-sentence source story.</summary>
    [Benchmark]
    public int ExtractStory()
    {
        int n = 0;
        foreach (var (span, index) in _sourceSpans) n += FactExtractor.Extract(_source, span, index).Count;
        return n;
    }

    /// <summary>Changed facts between the first four source sentences and their four rewrites.</summary>
    [Benchmark]
    public int CompareGroup()
        => FactComparer.Compare(_source, _sourceSpans.GetRange(0, 4), _derived, _derivedSpans).Count;
}
