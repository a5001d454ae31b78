using WireTrace.Core.Alignment;
using WireTrace.Evaluation.Metrics;

namespace WireTrace.Evaluation.Suites;

/// <summary>
/// Sentence alignment counts against a gold that gives each derived sentence the set of source sentences it
/// equals. Only derived sentences that have a gold set are scored. A predicted link is a (derived, source)
/// sentence pair inside one aligned group (a merge of two source sentences makes two links). Precision: the
/// share of predicted links of gold derived sentences that are gold links; recall: the share of gold derived
/// sentences with at least one correct link.
/// </summary>
public readonly record struct AlignmentCounts(long PredictedLinks, long CorrectLinks, long GoldSentences, long FoundSentences)
{
    public double Precision => PredictedLinks == 0 ? 0 : (double)CorrectLinks / PredictedLinks;

    public double Recall => GoldSentences == 0 ? 0 : (double)FoundSentences / GoldSentences;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static AlignmentCounts operator +(AlignmentCounts a, AlignmentCounts b) =>
        new(a.PredictedLinks + b.PredictedLinks, a.CorrectLinks + b.CorrectLinks, a.GoldSentences + b.GoldSentences, a.FoundSentences + b.FoundSentences);

    /// <summary>Scores the alignments of one pair. <paramref name="gold"/> maps a derived sentence index to its gold source sentence indexes.</summary>
    public static AlignmentCounts Score(IReadOnlyList<SentenceAlignment> alignments, IReadOnlyDictionary<int, IReadOnlySet<int>> gold)
    {
        long predicted = 0, correct = 0;
        var found = new HashSet<int>();
        foreach (var a in alignments)
        {
            foreach (var i in a.Derived)
            {
                if (!gold.TryGetValue(i, out var sources)) continue;
                foreach (var j in a.Source)
                {
                    predicted++;
                    if (sources.Contains(j))
                    {
                        correct++;
                        found.Add(i);
                    }
                }
            }
        }
        return new AlignmentCounts(predicted, correct, gold.Count, found.Count);
    }
}
