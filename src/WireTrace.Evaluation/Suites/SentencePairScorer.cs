using WireTrace.Core.Alignment;
using WireTrace.Core.Analysis;
using WireTrace.Core.Documents;
using WireTrace.Core.Similarity;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;

namespace WireTrace.Evaluation.Suites;

/// <summary>
/// Scores sentence pairs (MRPC, STS) with WireTrace's lexical sentence similarity against a FIXED background:
/// term statistics counted once over a training split's distinct sentences, never over the pairs being scored.
/// Each side of a pair is taken as ONE sentence (its text model's sentences joined into one, so a pair that the
/// segmenter would split still gets one score), with term ids from the background's vocabulary.
/// </summary>
public sealed class SentencePairScorer
{
    private readonly TextAnalyzer _text;
    private readonly Vocabulary _vocabulary = new();
    private readonly TermStatistics _statistics = new();
    private readonly PairAnalyzer _analyzer;
    private readonly Dictionary<(string Id, string Text), AnalyzedDocument> _documents = new();

    /// <param name="background">Sentences counted as the background (duplicates are counted once).</param>
    /// <param name="scorer">The sentence similarity (default lexical) and its aligner thresholds.</param>
    public SentencePairScorer(IEnumerable<string> background, SentenceScorer? scorer = null, TextAnalyzer? text = null)
    {
        _text = text ?? new TextAnalyzer(EnglishStemmer.Default);
        foreach (var sentence in background.Distinct(StringComparer.Ordinal))
        {
            _statistics.Add(DocumentProfile.Build(AsOneSentence(_text.Analyze(sentence)), _vocabulary));
        }
        scorer ??= SentenceScorer.Lexical;
        Similarity = scorer.Create(_statistics);
        _analyzer = new PairAnalyzer(Similarity, _statistics, scorer.Aligner);
    }

    public ISentenceSimilarity Similarity { get; }

    /// <summary>Number of background sentences.</summary>
    public int BackgroundSentences => _statistics.Units;

    /// <summary>The fixed background's term statistics.</summary>
    public TermStatistics Statistics => _statistics;

    /// <summary>The one-sentence profiles <see cref="Score"/> compares for the pair (a side with no words has no sentence).</summary>
    public (DocumentProfile A, DocumentProfile B) Profiles(string a, string b) => (Document("a", a).Profile, Document("b", b).Profile);

    /// <summary>The similarity score of the two sentences (0 when either has no words).</summary>
    public double Score(string a, string b)
    {
        var x = Document("a", a);
        var y = Document("b", b);
        if (x.Profile.Sentences.Count == 0 || y.Profile.Sentences.Count == 0) return 0;
        return Similarity.Score(x.Profile, 0, y.Profile, 0).Score;
    }

    /// <summary>
    /// Graded similarity of the two sentences: the similarity's graded head (0-5) when it has one
    /// (<see cref="IGradedSentenceSimilarity"/>), else <see cref="Score"/>. 0 when either has no words.
    /// </summary>
    public double GradedScore(string a, string b)
    {
        if (Similarity is not IGradedSentenceSimilarity graded) return Score(a, b);
        var x = Document("a", a);
        var y = Document("b", b);
        if (x.Profile.Sentences.Count == 0 || y.Profile.Sentences.Count == 0) return 0;
        return graded.Graded(x.Profile, 0, y.Profile, 0);
    }

    /// <summary>
    /// The aligner's own decision: <paramref name="b"/> analysed as derived from <paramref name="a"/> by
    /// <see cref="PairAnalyzer"/>; true when the aligner aligned the one derived sentence with the one source
    /// sentence (for a one-sentence pair: score ≥ <see cref="AlignerOptions.MutualSeedThreshold"/>).
    /// </summary>
    public bool Aligned(string a, string b)
    {
        var analysis = _analyzer.Analyze(Document("a", a), Document("b", b));
        return analysis.Alignments.Count > 0;
    }

    private AnalyzedDocument Document(string id, string text)
    {
        // One document per (side, text), so a wrapping similarity's per-document caches (sentence vectors) are reused.
        lock (_documents)
        {
            if (_documents.TryGetValue((id, text), out var known)) return known;
            var made = MakeDocument(id, text);
            _documents[(id, text)] = made;
            return made;
        }
    }

    private AnalyzedDocument MakeDocument(string id, string text)
    {
        var model = AsOneSentence(_text.Analyze(text));
        // Vocabulary.IdOf adds unseen terms; they have document frequency 0 in the fixed background.
        return new AnalyzedDocument(new Article(id, null, text, new TextSpan(0, text.Length)), model, DocumentProfile.Build(model, _vocabulary));
    }

    /// <summary>The model with all its sentences joined into one (paragraph 0), or unchanged when it has at most one.</summary>
    public static TextModel AsOneSentence(TextModel model)
    {
        if (model.Sentences.Count <= 1) return model;
        var first = model.Sentences[0];
        var last = model.Sentences[^1];
        var joined = new Sentence(0, TextSpan.FromBounds(first.Span.Start, last.Span.End), 0, first.FirstToken, last.FirstToken + last.TokenCount - first.FirstToken);
        var paragraph = TextSpan.FromBounds(model.Paragraphs[0].Start, model.Paragraphs[^1].End);
        return new TextModel(model.Text, model.Body, [paragraph], [joined], model.Tokens);
    }
}
