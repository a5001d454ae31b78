using WireTrace.Core.Documents;
using WireTrace.Core.Facts;
using WireTrace.Core.Similarity;
using WireTrace.Core.Text;

namespace WireTrace.Core.Analysis;

/// <summary>An article with its text model and comparison profile; the facts of each sentence are extracted once, when first asked for.</summary>
public sealed record AnalyzedDocument(Article Article, TextModel Model, DocumentProfile Profile)
{
    private IReadOnlyList<Fact>?[]? _facts;
    private IReadOnlyList<TextSpan>? _quotations;

    public string Id => Article.Id;

    /// <summary>The quoted spans of the text (see <see cref="Text.Quotations"/>), found when first asked for. Thread-safe.</summary>
    public IReadOnlyList<TextSpan> Quotations => _quotations ??= Text.Quotations.Find(Model.Text, Model.Paragraphs);

    /// <summary>The facts of sentence <paramref name="index"/> (numbers, dates, names, attributions, quotes). Thread-safe.</summary>
    public IReadOnlyList<Fact> FactsOf(int index)
    {
        var cache = _facts ?? Interlocked.CompareExchange(ref _facts, new IReadOnlyList<Fact>?[Model.Sentences.Count], null) ?? _facts!;
        // A race computes the same facts twice at worst: extraction is deterministic.
        return cache[index] ??= FactExtractor.Extract(Model.Text, Model.Sentences[index].Span, index);
    }
}
