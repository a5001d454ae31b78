using WireTrace.Core.Text;

namespace WireTrace.Core.Facts;

/// <summary>
/// One fact found in a sentence. <see cref="Value"/> is the normalised form used for comparison
/// (<c>12</c>, <c>1500000000</c>, <c>2024-01-05</c>, <c>Friday</c>, <c>Maria Lindqvist</c>);
/// <see cref="Surface"/> is the text as written and <see cref="Span"/> points into the article's original text.
/// </summary>
/// <param name="Kind">What sort of fact this is.</param>
/// <param name="Value">Normalised value. Numbers: invariant decimal, or a vague amount word (<c>hundreds</c>).
/// Attributions: the speaker. Quotes: the quoted words with whitespace normalised.</param>
/// <param name="Surface">The covered text as written (hedge, symbol and unit included for numbers).</param>
/// <param name="Span">Where <see cref="Surface"/> is in the original text.</param>
/// <param name="Sentence">Index of the sentence the fact was found in.</param>
/// <param name="Qualifier">For numbers: the hedge before it (<c>at least</c>, <c>about</c>, ...), or null.</param>
/// <param name="Unit">For numbers: the canonical unit (<c>people</c>, <c>km</c>, <c>percent</c>, <c>dollars</c>, <c>age</c>, ...), or null.</param>
/// <param name="Verb">For attributions: the speech verb (<c>said</c>, <c>told</c>, <c>according to</c>, ...).</param>
/// <param name="Speaker">For quotes: the speaker attributed in the same sentence, if any.</param>
/// <param name="Amount">For numbers: where the amount is written, without hedge and separate unit word
/// (<c>300,000</c>, <c>$1.5 billion</c>, <c>40%</c>, <c>twelve</c>); inside <see cref="Span"/>. Null for other kinds.</param>
public sealed record Fact(
    FactKind Kind,
    string Value,
    string Surface,
    TextSpan Span,
    int Sentence,
    string? Qualifier = null,
    string? Unit = null,
    string? Verb = null,
    string? Speaker = null,
    TextSpan? Amount = null)
{
    /// <summary>For numbers: the amount as written (<c>300,000</c>); otherwise <see cref="Surface"/>.</summary>
    public string AmountText => Amount is { } a ? Surface.Substring(a.Start - Span.Start, a.Length) : Surface;

    /// <summary>For numbers: the hedge as written (<c>Some</c>, <c>at least</c>), or null when there is none.</summary>
    public string? QualifierText => Qualifier is not null && Amount is { } a && a.Start > Span.Start
        ? Surface[..(a.Start - Span.Start)].TrimEnd()
        : Qualifier;
}
