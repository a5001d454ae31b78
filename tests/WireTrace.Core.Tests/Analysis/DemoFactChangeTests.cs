using System.Text;
using System.Text.Json;
using WireTrace.Core.Analysis;
using WireTrace.Core.Facts;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Ingest;

namespace WireTrace.Core.Tests.Analysis;

/// <summary>
/// End to end over the demo corpus (samples/demo): each pair is read and analysed the way <c>wiretrace compare</c> does
/// (one <see cref="AnalysisContext"/> per comparison, every article of each named file added to it, then
/// <see cref="PairAnalyzer.AnalyzeEitherWay"/>), and the reported fact changes are checked against samples/demo.gold.json.
/// </summary>
public sealed class DemoFactChangeTests
{
    private const string Source = "afp-flood-source.txt";

    private static string Demo(string file) => WireTrace.Tests.RepoPaths.PathTo("samples", "demo", file);

    /// <summary>A gold fact change with its sentences resolved to indexes of the analysed texts.</summary>
    private sealed record Expected(FactKind Kind, string Source, string Derived, int SourceSentence, int DerivedSentence);

    [Theory]
    [InlineData("rewrites.jsonl", "partial-rewrite")]
    [InlineData("rewrites.jsonl", "paraphrase-llm")]
    public void ReportedFactChangesEqualTheGold(string file, string id)
    {
        var (source, derived, analysis) = Compare(file, id);
        Assert.Equal("afp-flood-source", analysis.SourceId);
        Assert.Equal(id, analysis.DerivedId);

        var expected = Gold(id, source, derived);
        Assert.NotEmpty(expected);
        var actual = analysis.FactChanges
            .Select(c => new Expected(c.Kind, c.Source, c.Derived, c.SourceSentence, c.DerivedSentence))
            .ToList();
        Assert.Equal(Order(expected), Order(actual));
        Assert.All(analysis.FactChanges, c => Assert.False(string.IsNullOrWhiteSpace(c.Detail)));
    }

    [Theory]
    [InlineData("near-dup.html", null)]
    [InlineData("copy-scraped.txt", null)]
    [InlineData("excerpt.txt", null)]
    [InlineData("rewrites.jsonl", "copy-of-excerpt")]
    public void CopiesReportNoFactChange(string file, string? id)
    {
        var (source, derived, analysis) = Compare(file, id);
        Assert.Equal("afp-flood-source", analysis.SourceId);
        Assert.True(analysis.Relation.IsDerivation(), $"{derived.Id}: {analysis.Relation}");
        Assert.Empty(analysis.FactChanges);

        // The analyzer skips verbatim groups; the comparer must also stay silent on them (scrape noise, mixed quotes).
        Assert.NotEmpty(analysis.Alignments);
        foreach (var a in analysis.Alignments)
        {
            var changes = FactComparer.Compare(
                source.Model.Text, a.Source.Select(j => (source.Model.Sentences[j].Span, j)).ToList(),
                derived.Model.Text, a.Derived.Select(i => (derived.Model.Sentences[i].Span, i)).ToList());
            Assert.True(changes.Count == 0, $"{derived.Id} sentence {a.Derived[0]}: {string.Join("; ", changes)}");
        }
    }

    private static List<Expected> Order(IEnumerable<Expected> changes)
        => changes.OrderBy(c => c.DerivedSentence).ThenBy(c => c.SourceSentence).ThenBy(c => c.Kind).ThenBy(c => c.Source, StringComparer.Ordinal).ToList();

    /// <summary>As <c>wiretrace compare samples/demo/afp-flood-source.txt samples/demo/FILE[#ID]</c>.</summary>
    private static (AnalyzedDocument Source, AnalyzedDocument Derived, PairAnalysis Analysis) Compare(string file, string? id)
    {
        var context = new AnalysisContext(new TextAnalyzer(EnglishStemmer.Default));
        var a = LoadOne(Demo(Source), null, context);
        var b = LoadOne(Demo(file), id, context);
        var analysis = context.CreateAnalyzer().AnalyzeEitherWay(a, b);
        var (source, derived) = analysis.SourceId == a.Id ? (a, b) : (b, a);
        return (source, derived, analysis);
    }

    /// <summary>Every article of the file goes into the context (term statistics); the one named (or the only one) is returned.</summary>
    private static AnalyzedDocument LoadOne(string path, string? id, AnalysisContext context)
    {
        var reader = new CorpusReader();
        var problems = new List<SkippedInput>();
        var documents = new List<AnalyzedDocument>();
        foreach (var file in reader.Discover([path], problems))
            foreach (var item in reader.Read(file))
                if (item is ArticleRead read) documents.Add(context.Add(read.Article));
        Assert.Empty(problems);
        return id == null ? Assert.Single(documents) : Assert.Single(documents, d => d.Id == id);
    }

    private static List<Expected> Gold(string id, AnalyzedDocument source, AnalyzedDocument derived)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(WireTrace.Tests.RepoPaths.PathTo("samples", "demo.gold.json")));
        var list = new List<Expected>();
        foreach (var c in gold.RootElement.GetProperty("factChanges").GetProperty(id).EnumerateArray())
        {
            list.Add(new Expected(
                Enum.Parse<FactKind>(c.GetProperty("kind").GetString()!, ignoreCase: true),
                c.GetProperty("source").GetString()!,
                c.GetProperty("derived").GetString()!,
                SentenceIndex(source.Model, c.GetProperty("sourceText").GetString()!),
                SentenceIndex(derived.Model, c.GetProperty("derivedText").GetString()!)));
        }
        return list;
    }

    /// <summary>The index of the one sentence whose text is <paramref name="sentence"/> (quote glyphs and spacing aside).</summary>
    private static int SentenceIndex(TextModel model, string sentence)
    {
        string wanted = Normalise(sentence);
        var matches = Enumerable.Range(0, model.Sentences.Count).Where(i => Normalise(model.SentenceText(i)) == wanted).ToList();
        Assert.True(matches.Count == 1, $"{matches.Count} sentences match \"{sentence}\"");
        return matches[0];
    }

    private static string Normalise(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            char f = c switch { '“' or '”' or '„' => '"', '‘' or '’' => '\'', _ => c };
            if (char.IsWhiteSpace(f)) { if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' '); }
            else sb.Append(f);
        }
        return sb.ToString().Trim();
    }
}
