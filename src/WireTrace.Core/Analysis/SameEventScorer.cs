using WireTrace.Core.Similarity;

namespace WireTrace.Core.Analysis;

/// <summary>
/// Scores whether two texts report the same event without sharing sentences: the rarity-weighted
/// cosine of their sets of names and numbers.
/// </summary>
public sealed class SameEventScorer(TermStatistics statistics)
{
    public SameEventEvidence Score(DocumentProfile a, DocumentProfile b)
    {
        var namesA = Collect(a, s => s.Names);
        var namesB = Collect(b, s => s.Names);
        var numbersA = Collect(a, s => s.Numbers);
        var numbersB = Collect(b, s => s.Numbers);
        double wa = Weight(namesA) + Weight(numbersA);
        double wb = Weight(namesB) + Weight(numbersB);
        int sharedNames = 0, sharedNumbers = 0;
        double shared = 0;
        foreach (var id in namesA)
        {
            if (namesB.Contains(id)) { sharedNames++; shared += statistics.Idf(id); }
        }
        foreach (var id in numbersA)
        {
            if (numbersB.Contains(id)) { sharedNumbers++; shared += statistics.Idf(id); }
        }
        double score = wa > 0 && wb > 0 ? shared / Math.Sqrt(wa * wb) : 0;
        return new SameEventEvidence(Math.Round(score, 4), sharedNames, sharedNumbers);
    }

    private static HashSet<int> Collect(DocumentProfile profile, Func<SentenceProfile, int[]> select)
    {
        var set = new HashSet<int>();
        foreach (var s in profile.Sentences) set.UnionWith(select(s));
        return set;
    }

    private double Weight(HashSet<int> ids)
    {
        double w = 0;
        foreach (var id in ids) w += statistics.Idf(id);
        return w;
    }
}
