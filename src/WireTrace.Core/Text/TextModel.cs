using System.Runtime.InteropServices;

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

    /// <summary>The tokens as a span (no copy when they are held in a list or an array, as the analyser's are).</summary>
    internal ReadOnlySpan<Token> TokenSpan => Tokens switch
    {
        List<Token> list => CollectionsMarshal.AsSpan(list),
        Token[] array => array,
        _ => Tokens.ToArray(),
    };

    /// <summary>The sentences as a span (no copy when they are held in a list or an array, as the analyser's are).</summary>
    internal ReadOnlySpan<Sentence> SentenceSpan => Sentences switch
    {
        List<Sentence> list => CollectionsMarshal.AsSpan(list),
        Sentence[] array => array,
        _ => Sentences.ToArray(),
    };

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
            foreach (var t in TokenSpan)
            {
                if (t.IsContent) n++;
            }
            return n;
        }
    }
}
