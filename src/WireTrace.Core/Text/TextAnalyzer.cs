using System.Buffers;
using System.Runtime.InteropServices;
using WireTrace.Core.Text.Stemming;

namespace WireTrace.Core.Text;

/// <summary>
/// Turns an article's text into a <see cref="TextModel"/>: paragraphs, sentences and tokens, all with
/// offsets into the original text. Paragraph rules are described on <c>ParagraphSplitter</c>, sentence
/// rules on <c>SentenceSplitter</c>, token rules on <c>Tokenizer</c>; sentences never cross a paragraph
/// break and are trimmed of surrounding whitespace. Tokens get <see cref="Token.Norm"/> from
/// <see cref="TextNormalizer"/>, <see cref="Token.Stem"/> from the stemmer (words only) and
/// <see cref="Token.IsStopword"/> from <see cref="Stopwords"/> (words only), through a <see cref="Lexicon"/> of the
/// token texts seen recently, so a known word costs one lookup. Keep one analyzer per run (or process): each
/// holds its own cache. Thread-safe: its only state is that cache (the stemmer must be thread-safe too).
/// </summary>
public sealed class TextAnalyzer
{
    private readonly Lexicon _lexicon;

    public TextAnalyzer(IStemmer stemmer)
    {
        ArgumentNullException.ThrowIfNull(stemmer);
        _lexicon = new Lexicon(stemmer);
    }

    /// <summary>Analyses the whole of <paramref name="text"/>.</summary>
    public TextModel Analyze(string text) => Analyze(text, new TextSpan(0, text.Length));

    /// <summary>Analyses the <paramref name="body"/> part of <paramref name="text"/>; offsets still point into <paramref name="text"/>.</summary>
    public TextModel Analyze(string text, TextSpan body)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (body.Start < 0 || body.Length < 0 || body.End > text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(body), body, $"The body must lie inside the text of length {text.Length}.");
        }

        var paragraphs = new List<TextSpan>();
        ParagraphSplitter.Split(text, body.Start, body.End, paragraphs);

        var sentenceSpans = new List<TextSpan>();
        var sentences = new List<Sentence>();
        var raw = new List<RawToken>();
        var tokens = new List<Token>(body.Length / 5);
        var lexemes = ArrayPool<Lexeme?>.Shared.Rent(64);
        for (int p = 0; p < paragraphs.Count; p++)
        {
            sentenceSpans.Clear();
            SentenceSplitter.Split(text, paragraphs[p].Start, paragraphs[p].End, sentenceSpans);
            foreach (var span in sentenceSpans)
            {
                raw.Clear();
                Tokenizer.Tokenize(text, span.Start, span.End, raw);
                int first = tokens.Count;
                if (lexemes.Length < raw.Count)
                {
                    ArrayPool<Lexeme?>.Shared.Return(lexemes, clearArray: true);
                    lexemes = ArrayPool<Lexeme?>.Shared.Rent(raw.Count);
                }
                _lexicon.GetAll(text, CollectionsMarshal.AsSpan(raw), lexemes);
                for (int k = 0; k < raw.Count; k++) tokens.Add(new Token(new TextSpan(raw[k].Start, raw[k].Length), lexemes[k]!));
                sentences.Add(new Sentence(sentences.Count, span, p, first, tokens.Count - first));
            }
        }
        ArrayPool<Lexeme?>.Shared.Return(lexemes, clearArray: true);
        return new TextModel(text, body, paragraphs, sentences, tokens);
    }
}
