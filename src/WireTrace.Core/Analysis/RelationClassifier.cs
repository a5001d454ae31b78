using WireTrace.Core.Alignment;

namespace WireTrace.Core.Analysis;

/// <summary>The measurements of an aligned pair that decide its relation.</summary>
public sealed record PairMeasures(
    bool SameWords,
    Coverage Coverage,
    double VerbatimShare,
    int DerivedSentences,
    int AlignedDerivedSentences,
    int StrongPairs,
    int AddedSentences,
    SameEventEvidence SameEvent);

/// <summary>
/// Decides the relation of a pair from its measures, in this order: the same words → duplicate; not
/// enough aligned text → same-event or unrelated; own material of a fifth or more → partial; all of the
/// source mostly verbatim → near-duplicate; mostly verbatim → excerpt; otherwise paraphrase.
/// </summary>
public sealed class RelationClassifier
{
    public RelationClassifier(RelationThresholds? thresholds = null)
    {
        Thresholds = thresholds ?? RelationThresholds.Default;
    }

    public RelationThresholds Thresholds { get; }

    public static PairMeasures Measure(AnalyzedDocument source, AnalyzedDocument derived, AlignmentResult alignment, SameEventEvidence sameEvent, RelationThresholds thresholds)
    {
        int sourceWords = 0, derivedWords = 0, alignedSourceWords = 0, alignedDerivedWords = 0, kept = 0, strong = 0, alignedDerived = 0;
        foreach (var s in source.Profile.Sentences) sourceWords += s.ContentTokenCount;
        foreach (var s in derived.Profile.Sentences) derivedWords += s.ContentTokenCount;
        foreach (var a in alignment.Alignments)
        {
            foreach (var i in a.Derived) alignedDerivedWords += derived.Profile.Sentences[i].ContentTokenCount;
            foreach (var j in a.Source) alignedSourceWords += source.Profile.Sentences[j].ContentTokenCount;
            kept += a.Diff.KeptWords;
            alignedDerived += a.Derived.Count;
            if (IsStrong(a, thresholds)) strong++;
        }
        var coverage = new Coverage(
            sourceWords == 0 ? 0 : Math.Min(1, (double)alignedSourceWords / sourceWords),
            derivedWords == 0 ? 0 : Math.Min(1, (double)alignedDerivedWords / derivedWords));
        double verbatim = derivedWords == 0 ? 0 : Math.Min(1, (double)kept / derivedWords);
        int nonEmpty = derived.Profile.Sentences.Count(s => !s.IsEmpty);
        return new PairMeasures(SameWords(source, derived), coverage, verbatim, nonEmpty, alignedDerived, strong, alignment.Added.Count, sameEvent);
    }

    public Relation Classify(PairMeasures m)
    {
        var t = Thresholds;
        if (m.SameWords && m.DerivedSentences > 0) return Relation.Duplicate;
        if (!IsDerivation(m))
        {
            return m.SameEvent.Score >= t.SameEventScore && m.SameEvent.SharedNames >= t.SameEventMinSharedNames
                ? Relation.SameEvent
                : Relation.Unrelated;
        }
        double own = 1 - m.Coverage.OfDerived;
        if (own >= t.PartialOwnShare && m.AddedSentences >= 2) return Relation.Partial;
        if (m.Coverage.OfSource >= t.NearDuplicateSourceCoverage && m.VerbatimShare >= t.NearDuplicateVerbatim) return Relation.NearDuplicate;
        if (m.VerbatimShare >= t.ExcerptVerbatim) return Relation.Excerpt;
        return Relation.Paraphrase;
    }

    /// <summary>
    /// A heuristic confidence in [0, 1]: grows with the aligned evidence (similarity summed over aligned
    /// sentences) and with how much of the derived text is explained.
    /// </summary>
    public static double Confidence(Relation relation, PairMeasures m, AlignmentResult alignment)
    {
        if (relation == Relation.Duplicate) return 1.0;
        if (relation == Relation.Unrelated) return Math.Round(1 - Math.Min(1, m.SameEvent.Score + m.Coverage.OfDerived), 3);
        if (relation == Relation.SameEvent) return Math.Round(Math.Min(1, 0.5 + m.SameEvent.Score), 3);
        double evidence = 0;
        foreach (var a in alignment.Alignments) evidence += a.Similarity * a.Derived.Count;
        double c = (1 - Math.Exp(-evidence / 1.5)) * (0.6 + 0.4 * m.Coverage.OfDerived);
        return Math.Round(Math.Clamp(c, 0, 1), 3);
    }

    /// <summary>
    /// An aligned group that shows copying on its own: verbatim or near-verbatim, very similar, or sharing a
    /// long run of words in order (a kept quote). Independent reports of one event state the same facts in
    /// similar words but seldom share such runs.
    /// </summary>
    public static bool IsStrong(SentenceAlignment a, RelationThresholds t)
        => a.Kind is AlignmentKind.Verbatim or AlignmentKind.NearVerbatim
           || a.Similarity >= t.StrongPairSimilarity
           || a.Diff.LongestKeptRun >= t.CopiedRunWords;

    private bool IsDerivation(PairMeasures m)
    {
        var t = Thresholds;
        if (m.AlignedDerivedSentences >= t.MinAlignedSentences && m.StrongPairs >= 2) return true;
        if (m.Coverage.OfDerived >= t.MinDerivedCoverage && m.StrongPairs >= 2) return true;
        // A text of one or two sentences: one strong pair that explains most of it.
        if (m.DerivedSentences <= 2 && m.Coverage.OfDerived >= 0.8 && m.StrongPairs >= 1) return true;
        return false;
    }

    /// <summary>True when both bodies hold the same sequence of words and numbers (case, quotes, dashes, punctuation and spacing aside).</summary>
    private static bool SameWords(AnalyzedDocument a, AnalyzedDocument b)
    {
        var x = a.Model.Tokens;
        var y = b.Model.Tokens;
        int i = 0, j = 0;
        while (true)
        {
            while (i < x.Count && !x[i].IsContent) i++;
            while (j < y.Count && !y[j].IsContent) j++;
            if (i == x.Count || j == y.Count) return i == x.Count && j == y.Count;
            if (!string.Equals(x[i].Norm, y[j].Norm, StringComparison.Ordinal)) return false;
            i++; j++;
        }
    }
}
