namespace WireTrace.Core.Text;

public enum TokenKind : byte
{
    /// <summary>A run of letters (with inner apostrophes or hyphens).</summary>
    Word,
    /// <summary>A number, with inner separators: 12, 300,000, 1.5, 2024-01-06, 10:30.</summary>
    Number,
    /// <summary>Any other non-space character.</summary>
    Punctuation,
    /// <summary>A quotation mark of any style: " “ ” « » ' ‘ ’ (when used as a quote).</summary>
    QuoteMark,
}

/// <summary>
/// One token of an article. <see cref="Span"/> points into the original text; <see cref="Norm"/> is the
/// comparison form (NFKC, lower case, quotes, apostrophes and dashes folded); <see cref="Stem"/> is the
/// Snowball English stem of <see cref="Norm"/> for words, and equals <see cref="Norm"/> otherwise.
/// </summary>
public readonly record struct Token(TextSpan Span, string Norm, string Stem, TokenKind Kind, bool IsStopword)
{
    public bool IsWord => Kind == TokenKind.Word;

    public bool IsNumber => Kind == TokenKind.Number;

    /// <summary>Words and numbers: the tokens that carry content for comparison.</summary>
    public bool IsContent => Kind is TokenKind.Word or TokenKind.Number;
}
