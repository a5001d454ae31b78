namespace WireTrace.Core.Facts;

/// <summary>
/// A fact whose value differs between a source sentence group and the derived sentences that render it.
/// <see cref="Source"/> and <see cref="Derived"/> are display forms (for numbers: hedge and value, e.g.
/// <c>12</c> and <c>at least 12</c>); <see cref="Detail"/> says what changed.
/// </summary>
public sealed record FactChange(
    FactKind Kind,
    string Source,
    string Derived,
    int SourceSentence,
    int DerivedSentence,
    string? Detail = null);
