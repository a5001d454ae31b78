using WireTrace.Core.Analysis;
using WireTrace.Core.Documents;
using WireTrace.Core.Similarity;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;

namespace WireTrace.Core.Tests.Similarity;

/// <summary>The lexical similarity's sparse score matrix against its cell-by-cell scores, and both-ways analysis against two one-way analyses.</summary>
public sealed class ScoreMatrixTests
{
    private const string Source = """
        Floods killed 12 people in the north on Monday, officials said. The river rose 2.4 metres in 48 hours.

        "We have never seen anything like it," said mayor Anna Berg. Rescue teams worked through the night.

        The government promised aid. Schools will stay closed until Friday.
        """;

    private const string Derived = """
        At least 12 people were killed by floods in the north on Tuesday. "We have never seen anything like it," mayor Anna Berg said.

        The river had risen by 2.4 metres over two days, officials said, and teams worked all night. ...

        Critics said the aid came too late.
        """;

    private static (AnalysisContext Context, AnalyzedDocument A, AnalyzedDocument B) Pair()
    {
        var context = new AnalysisContext(new TextAnalyzer(EnglishStemmer.Default));
        var a = context.Add(Article.FromText("a", "a", Source));
        var b = context.Add(Article.FromText("b", "b", Derived));
        context.Add(Article.FromText("c", "c", "An unrelated note about football scores on Sunday."));
        return (context, a, b);
    }

    [Fact]
    public void Sparse_matrix_equals_every_cell_scored_alone()
    {
        var (context, a, b) = Pair();
        var similarity = new LexicalSentenceSimilarity(context.Statistics);
        int n = a.Profile.Sentences.Count, m = b.Profile.Sentences.Count;
        var matrix = new SimilarityScore[n * m];
        similarity.ScoreMatrix(a.Profile, b.Profile, matrix);
        int shared = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                Assert.Equal(similarity.Score(a.Profile, i, b.Profile, j), matrix[i * m + j]);
                if (matrix[i * m + j].Score > 0) shared++;
            }
        }
        Assert.InRange(shared, 3, n * m - 3); // some cells share terms, some do not
    }

    [Fact]
    public void Default_matrix_is_cell_by_cell_and_empty_sentences_score_nothing()
    {
        var (context, a, b) = Pair();
        ISentenceSimilarity cellByCell = new CellByCell(new LexicalSentenceSimilarity(context.Statistics));
        int n = a.Profile.Sentences.Count, m = b.Profile.Sentences.Count;
        var matrix = new SimilarityScore[n * m];
        Array.Fill(matrix, new SimilarityScore(9, 9, 9));
        cellByCell.ScoreMatrix(a.Profile, b.Profile, matrix);
        var empty = b.Profile.Sentences.Single(s => s.IsEmpty).Index; // the "..." sentence
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                var expected = j == empty ? SimilarityScore.None : cellByCell.Score(a.Profile, i, b.Profile, j);
                Assert.Equal(expected, matrix[i * m + j]);
            }
        }
    }

    [Fact]
    public void Both_ways_analysis_equals_two_one_way_analyses()
    {
        var (context, a, b) = Pair();
        var analyzer = context.CreateAnalyzer();
        var (bFromA, aFromB) = analyzer.AnalyzeBothWays(a, b);
        AssertSame(analyzer.Analyze(a, b), bFromA);
        AssertSame(analyzer.Analyze(b, a), aFromB);
        Assert.NotEmpty(bFromA.Alignments);
    }

    private static void AssertSame(PairAnalysis expected, PairAnalysis actual)
    {
        Assert.Equal(expected.Relation, actual.Relation);
        Assert.Equal(expected.Confidence, actual.Confidence);
        Assert.Equal(expected.Coverage, actual.Coverage);
        Assert.Equal(expected.Added, actual.Added);
        Assert.Equal(expected.Dropped, actual.Dropped);
        Assert.Equal(expected.Alignments.Select(x => (string.Join(",", x.Derived), string.Join(",", x.Source), x.Kind, x.Similarity, x.Moved)),
            actual.Alignments.Select(x => (string.Join(",", x.Derived), string.Join(",", x.Source), x.Kind, x.Similarity, x.Moved)));
        Assert.Equal(expected.FactChanges, actual.FactChanges);
        Assert.Equal(expected.Direction.Score, actual.Direction.Score);
    }

    /// <summary>A similarity that keeps the interface's cell-by-cell matrix.</summary>
    private sealed class CellByCell(ISentenceSimilarity inner) : ISentenceSimilarity
    {
        public string Name => "cell-by-cell";

        public SimilarityScore Score(DocumentProfile a, int sentenceA, DocumentProfile b, int sentenceB) => inner.Score(a, sentenceA, b, sentenceB);

        public double Containment(DocumentProfile a, int sentenceA, DocumentProfile b, ReadOnlySpan<int> sentencesB) => inner.Containment(a, sentenceA, b, sentencesB);
    }
}
