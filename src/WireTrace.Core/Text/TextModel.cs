namespace WireTrace.Core.Text;

/// <summary>
/// The analysed form of one article body: paragraphs, sentences and tokens, all with offsets into
/// <see cref="Text"/>, the article's original text (never a normalised copy).
/// </summary>
public sealed class TextModel
{
    public TextModel(string text, TextSpan body, IReadOnlyList<TextSpan> paragraphs, IReadOnlyList<Sentence> sentences, IReadOnlyList<Token> tokens)
    {
        Text = text;
        Body = body;
        Paragraphs = paragraphs;
        Sentences = sentences;
        Tokens = tokens;
    }

    /// <summary>The original text the offsets point into.</summary>
    public string Text { get; }

    /// <summary>The part of <see cref="Text"/> that was analysed (without outlet prefix, dateline, headline).</summary>
    public TextSpan Body { get; }

    public IReadOnlyList<TextSpan> Paragraphs { get; }

    public IReadOnlyList<Sentence> Sentences { get; }

    public IReadOnlyList<Token> Tokens { get; }

    public string SentenceText(int index) => Sentences[index].Span.Substring(Text);

    public IEnumerable<Token> TokensOf(Sentence sentence)
    {
        for (int i = sentence.FirstToken; i < sentence.FirstToken + sentence.TokenCount; i++)
        {
            yield return Tokens[i];
        }
    }

    public int WordCount
    {
        get
        {
            int n = 0;
            foreach (var t in Tokens)
            {
                if (t.IsContent) n++;
            }
            return n;
        }
    }
}
