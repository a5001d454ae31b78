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
        // Each document's distinct names and numbers are made once per profile; weights are summed in the order the
        // ids first occur in the document.
        EventTerms namesA = a.Names, namesB = b.Names, numbersA = a.Numbers, numbersB = b.Numbers;
        double wa = Weight(namesA) + Weight(numbersA);
        double wb = Weight(namesB) + Weight(numbersB);
        int sharedNames = 0, sharedNumbers = 0;
        double shared = 0;
        foreach (var id in namesA.InOrder)
        {
            if (namesB.Contains(id)) { sharedNames++; shared += statistics.Idf(id); }
        }
        foreach (var id in numbersA.InOrder)
        {
            if (numbersB.Contains(id)) { sharedNumbers++; shared += statistics.Idf(id); }
        }
        double score = wa > 0 && wb > 0 ? shared / Math.Sqrt(wa * wb) : 0;
        return new SameEventEvidence(Math.Round(score, 4), sharedNames, sharedNumbers);
    }

    private double Weight(EventTerms ids)
    {
        double w = 0;
        foreach (var id in ids.InOrder) w += statistics.Idf(id);
        return w;
    }
}
