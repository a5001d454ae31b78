namespace WireTrace.Core.Text;

/// <summary>
/// One sentence: its index in the article, its span in the original text (trimmed of surrounding
/// whitespace), the paragraph it belongs to, and the range of its tokens in <see cref="TextModel.Tokens"/>.
/// </summary>
public sealed record Sentence(int Index, TextSpan Span, int Paragraph, int FirstToken, int TokenCount);
