using WireTrace.Core.Analysis;
using WireTrace.Core.Documents;
using WireTrace.Core.Similarity;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Encoder.Combiner;
using WireTrace.Encoder.Similarity;

namespace WireTrace.Encoder.Tests.Similarity;

[Collection(InstalledModelCollection.Name)]
public sealed class EncoderSentenceSimilarityTests(InstalledModelFixture model)
{
    private static (DocumentProfile A, DocumentProfile B, AnalysisContext Context) Profiles(string a, string b)
    {
        var context = new AnalysisContext(new TextAnalyzer(EnglishStemmer.Default));
        var da = context.Add(Article.FromText("a", null, a, recogniseHeadline: false));
        var db = context.Add(Article.FromText("b", null, b, recogniseHeadline: false));
        return (da.Profile, db.Profile, context);
    }

    [Fact]
    public void Scores_a_paraphrase_with_few_shared_words_above_an_unrelated_sentence()
    {
        var (a, b, context) = Profiles(
            "The company's profit rose sharply last quarter.",
            "Earnings at the firm jumped in the previous three months. Heavy snow closed schools across the region.");
        var lexical = new LexicalSentenceSimilarity(context.Statistics);
        var similarity = new EncoderSentenceSimilarity(model.Encoder, lexical, context.Statistics);
        Assert.Equal("encoder+lexical", similarity.Name);
        var paraphrase = similarity.Score(a, 0, b, 0);
        var unrelated = similarity.Score(a, 0, b, 1);
        Assert.True(paraphrase.Score > unrelated.Score, $"paraphrase {paraphrase.Score:F3}, unrelated {unrelated.Score:F3}");
        Assert.True(similarity.Graded(a, 0, b, 0) > similarity.Graded(a, 0, b, 1) + 0.5, $"graded {similarity.Graded(a, 0, b, 0):F2} vs {similarity.Graded(a, 0, b, 1):F2}");
        Assert.True(similarity.SentenceCosine(a, 0, b, 0) > similarity.SentenceCosine(a, 0, b, 1));
        Assert.InRange(paraphrase.Score, 0, 1);
    }

    [Fact]
    public void Identical_sentences_are_paraphrases_graded_near_five_and_containments_come_from_the_lexical_side()
    {
        const string text = "Police arrested 12 people after the protest in Berlin on Saturday.";
        var (a, b, context) = Profiles(text, text);
        var lexical = new LexicalSentenceSimilarity(context.Statistics);
        var similarity = new EncoderSentenceSimilarity(model.Encoder, lexical, context.Statistics);
        var score = similarity.Score(a, 0, b, 0);
        var expected = lexical.Score(a, 0, b, 0);
        Assert.True(score.Score > 0.9, $"paraphrase probability {score.Score:F3}");
        Assert.InRange(similarity.Graded(a, 0, b, 0), 4.3, 5);
        Span<double> features = stackalloc double[PairFeatures.Count];
        similarity.Features(a, 0, b, 0, features);
        Assert.Equal(score.Score, similarity.Combiner.ParaphraseProbability(features), 12);
        Assert.Equal(expected.ContainmentOfA, score.ContainmentOfA);
        Assert.Equal(lexical.Containment(a, 0, b, [0]), similarity.Containment(a, 0, b, [0]));
        Assert.Same(similarity.VectorOf(a, 0), similarity.VectorOf(a, 0));
    }

    [Fact]
    public void The_blend_scorer_names_itself_and_aligns_with_its_own_thresholds()
    {
        var (a, b, context) = Profiles("The company's profit rose sharply last quarter.", "Earnings at the firm jumped in the previous three months.");
        var scorer = EncoderSentenceSimilarity.Scorer(model.Encoder);
        Assert.Equal("encoder+lexical", scorer.Name);
        Assert.Equal(TrainedCombiner.Default.Aligner, scorer.Aligner);
        Assert.NotEqual(SentenceScorer.Lexical.Aligner.MutualSeedThreshold, scorer.Aligner.MutualSeedThreshold);
        var analyzer = scorer.CreateAnalyzer(context);
        Assert.Equal("encoder+lexical", analyzer.Similarity.Name);
        Assert.IsType<EncoderSentenceSimilarity>(analyzer.Similarity);
        Assert.True(analyzer.Similarity.Score(a, 0, b, 0).Score > new LexicalSentenceSimilarity(context.Statistics).Score(a, 0, b, 0).Score);
    }
}
