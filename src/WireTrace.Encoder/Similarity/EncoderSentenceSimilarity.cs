using System.Runtime.CompilerServices;
using WireTrace.Core.Analysis;
using WireTrace.Core.Similarity;
using WireTrace.Encoder.Combiner;

namespace WireTrace.Encoder.Similarity;

/// <summary>
/// Sentence similarity from Universal Sentence Encoder lite vectors and lexical signals, combined by a
/// <see cref="TrainedCombiner"/>: <see cref="Score"/> is the paraphrase head's probability (what the aligner
/// thresholds, with the combiner's own thresholds), <see cref="Graded"/> the graded-similarity head (0–5). The
/// encoder sees paraphrases that share few words; the lexical signals keep numbers, names and exact wording, and
/// the lexical similarity supplies the containments (merges and splits are about shared terms). Each document's
/// sentences are encoded once, in batches, on first use and cached with the profile. Thread-safe.
/// </summary>
public sealed class EncoderSentenceSimilarity : IGradedSentenceSimilarity
{
    private const int BatchSize = 32;

    private readonly UniversalSentenceEncoder _encoder;
    private readonly ISentenceSimilarity _lexical;
    private readonly TermStatistics _statistics;
    private readonly ConditionalWeakTable<DocumentProfile, SentenceSide[]> _sides = new();

    /// <param name="encoder">The sentence encoder.</param>
    /// <param name="lexical">The run's lexical similarity (for the containments).</param>
    /// <param name="statistics">The run's term statistics (IDF of the lexical features).</param>
    /// <param name="combiner">The trained combiner (default: the committed one).</param>
    public EncoderSentenceSimilarity(UniversalSentenceEncoder encoder, ISentenceSimilarity lexical, TermStatistics statistics, TrainedCombiner? combiner = null)
    {
        _encoder = encoder;
        _lexical = lexical;
        _statistics = statistics;
        Combiner = combiner ?? TrainedCombiner.Default;
    }

    public string Name => "encoder+" + _lexical.Name;

    /// <summary>The combiner that turns the pair's features into scores.</summary>
    public TrainedCombiner Combiner { get; }

    /// <summary>The scorer for analyses: this similarity over each run's lexical one and statistics, with the combiner's aligner thresholds.</summary>
    public static SentenceScorer Scorer(UniversalSentenceEncoder encoder, TrainedCombiner? combiner = null)
    {
        combiner ??= TrainedCombiner.Default;
        return new SentenceScorer("encoder+lexical", (lexical, statistics) => new EncoderSentenceSimilarity(encoder, lexical, statistics, combiner), combiner.Aligner);
    }

    /// <summary>The paraphrase probability of the two sentences, with the lexical containments.</summary>
    public SimilarityScore Score(DocumentProfile a, int sentenceA, DocumentProfile b, int sentenceB)
    {
        if (a.Sentences[sentenceA].IsEmpty || b.Sentences[sentenceB].IsEmpty) return SimilarityScore.None;
        var lexical = _lexical.Score(a, sentenceA, b, sentenceB);
        Span<double> features = stackalloc double[PairFeatures.Count];
        Features(a, sentenceA, b, sentenceB, features);
        return new SimilarityScore(Combiner.ParaphraseProbability(features), lexical.ContainmentOfA, lexical.ContainmentOfB);
    }

    /// <summary>The graded-similarity head's score (0–5); 0 when either sentence has no words.</summary>
    public double Graded(DocumentProfile a, int sentenceA, DocumentProfile b, int sentenceB)
    {
        if (a.Sentences[sentenceA].IsEmpty || b.Sentences[sentenceB].IsEmpty) return 0;
        Span<double> features = stackalloc double[PairFeatures.Count];
        Features(a, sentenceA, b, sentenceB, features);
        return Combiner.GradedSimilarity(features);
    }

    public double Containment(DocumentProfile a, int sentenceA, DocumentProfile b, ReadOnlySpan<int> sentencesB) =>
        _lexical.Containment(a, sentenceA, b, sentencesB);

    /// <summary>Writes the combiner's <see cref="PairFeatures"/> of the two sentences.</summary>
    public void Features(DocumentProfile a, int sentenceA, DocumentProfile b, int sentenceB, Span<double> features) =>
        PairFeatures.Compute(SidesOf(a)[sentenceA], SidesOf(b)[sentenceB], _statistics, features);

    /// <summary>Cosine of the two sentences' vectors (0 if either sentence has no pieces).</summary>
    public double SentenceCosine(DocumentProfile a, int sentenceA, DocumentProfile b, int sentenceB) =>
        UniversalSentenceEncoder.Cosine(SidesOf(a)[sentenceA].Vector, SidesOf(b)[sentenceB].Vector);

    /// <summary>The vector of a sentence of <paramref name="profile"/> (all its sentences are encoded on first use, then cached).</summary>
    public float[] VectorOf(DocumentProfile profile, int sentence) => SidesOf(profile)[sentence].Vector;

    /// <summary>Every sentence of <paramref name="profile"/> with its vector and word n-grams, made on first use and cached with the profile.</summary>
    private SentenceSide[] SidesOf(DocumentProfile profile) => _sides.GetValue(profile, Prepare);

    private SentenceSide[] Prepare(DocumentProfile profile)
    {
        var vectors = Encode(profile);
        var sides = new SentenceSide[vectors.Length];
        for (int i = 0; i < sides.Length; i++) sides[i] = SentenceSide.Of(profile, i, vectors[i]);
        return sides;
    }

    private float[][] Encode(DocumentProfile profile)
    {
        var model = profile.Model;
        var vectors = new float[model.Sentences.Count][];
        for (int start = 0; start < vectors.Length; start += BatchSize)
        {
            int count = Math.Min(BatchSize, vectors.Length - start);
            var texts = new string[count];
            for (int i = 0; i < count; i++) texts[i] = model.SentenceText(start + i);
            var batch = _encoder.Encode(texts);
            Array.Copy(batch, 0, vectors, start, count);
        }
        return vectors;
    }
}
