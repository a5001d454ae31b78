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
/// Tokens come from <see cref="TextAnalyzer"/>; tokens with the same characters share one analysis (a
/// <see cref="Text.Lexeme"/>), so a token is a span and a reference. Two tokens are equal when their spans,
/// norms, stems, kinds and stop-word flags are.
/// </summary>
public readonly record struct Token
{
    internal Token(TextSpan span, Lexeme lexeme)
    {
        Span = span;
        Lexeme = lexeme;
    }

    public TextSpan Span { get; }

    public string Norm => Lexeme.Norm;

    public string Stem => Lexeme.Stem;

    public TokenKind Kind => Lexeme.Kind;

    public bool IsStopword => Lexeme.IsStopword;

    /// <summary>The shared analysis of the token's characters.</summary>
    internal Lexeme Lexeme { get; }

    public bool IsWord => Kind == TokenKind.Word;

    public bool IsNumber => Kind == TokenKind.Number;

    /// <summary>Words and numbers: the tokens that carry content for comparison.</summary>
    public bool IsContent => Kind is TokenKind.Word or TokenKind.Number;

    public bool Equals(Token other) => Span == other.Span
        && (ReferenceEquals(Lexeme, other.Lexeme)
            || (Kind == other.Kind && IsStopword == other.IsStopword && Norm == other.Norm && Stem == other.Stem));

    public override int GetHashCode() => HashCode.Combine(Span, Norm, Stem, Kind, IsStopword);
}
