using WireTrace.Core.Alignment;
using WireTrace.Core.Text;

namespace WireTrace.Core.Analysis;

/// <summary>The measurements of an aligned pair that decide its relation.</summary>
/// <param name="QuotedStrongPairs">Strong pairs whose kept words lie mostly inside quotation marks in the derived
/// text: independent reports of one press conference share such quotes, so they are weaker evidence of copying.</param>
/// <param name="QuotedAlignedSentences">Derived sentences in aligned groups whose kept words lie mostly inside quotation marks.</param>
public sealed record PairMeasures(
    bool SameWords,
    Coverage Coverage,
    double VerbatimShare,
    int DerivedSentences,
    int AlignedDerivedSentences,
    int StrongPairs,
    int QuotedStrongPairs,
    int QuotedAlignedSentences,
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

    /// <param name="templates">When given and both articles come from one outlet, aligned groups made only of the outlet's template lines are not strong.</param>
    public static PairMeasures Measure(AnalyzedDocument source, AnalyzedDocument derived, AlignmentResult alignment, SameEventEvidence sameEvent, RelationThresholds thresholds, TemplateSentences? templates = null)
    {
        bool sameOutlet = templates is not null && derived.Article.Outlet is { Length: > 0 } outlet
            && string.Equals(outlet.Trim(), source.Article.Outlet?.Trim(), StringComparison.OrdinalIgnoreCase);
        int sourceWords = 0, derivedWords = 0, alignedSourceWords = 0, alignedDerivedWords = 0, kept = 0, strong = 0, quoted = 0, quotedAligned = 0, alignedDerived = 0;
        foreach (var s in source.Profile.Sentences) sourceWords += s.ContentTokenCount;
        foreach (var s in derived.Profile.Sentences) derivedWords += s.ContentTokenCount;
        foreach (var a in alignment.Alignments)
        {
            foreach (var i in a.Derived) alignedDerivedWords += derived.Profile.Sentences[i].ContentTokenCount;
            foreach (var j in a.Source) alignedSourceWords += source.Profile.Sentences[j].ContentTokenCount;
            kept += a.Diff.KeptWords;
            alignedDerived += a.Derived.Count;
            bool inQuotes = KeptMostlyInQuotes(derived, a);
            if (inQuotes) quotedAligned += a.Derived.Count;
            if (IsStrong(a, thresholds) && !(sameOutlet && a.Derived.All(i => templates!.IsTemplate(derived.Article.Outlet, derived.Model, i))))
            {
                strong++;
                if (inQuotes) quoted++;
            }
        }
        var coverage = new Coverage(
            sourceWords == 0 ? 0 : Math.Min(1, (double)alignedSourceWords / sourceWords),
            derivedWords == 0 ? 0 : Math.Min(1, (double)alignedDerivedWords / derivedWords));
        double verbatim = derivedWords == 0 ? 0 : Math.Min(1, (double)kept / derivedWords);
        int nonEmpty = derived.Profile.Sentences.Count(s => !s.IsEmpty);
        return new PairMeasures(SameWords(source, derived), coverage, verbatim, nonEmpty, alignedDerived, strong, quoted, quotedAligned, alignment.Added.Count, sameEvent);
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
    /// An aligned group that shows copying on its own: keeping a few words at least, verbatim or near-verbatim,
    /// very similar, or sharing a long run of words in order (a kept quote). Independent reports of one event state the same facts in
    /// similar words but seldom share such runs.
    /// </summary>
    public static bool IsStrong(SentenceAlignment a, RelationThresholds t)
        => a.Diff.KeptWords >= t.MinStrongKeptWords
           && (a.Kind is AlignmentKind.Verbatim or AlignmentKind.NearVerbatim
               || a.Similarity >= t.StrongPairSimilarity
               || a.Diff.LongestKeptRun >= t.CopiedRunWords);

    /// <summary>
    /// True when at least half of the characters of the words <paramref name="a"/> keeps lie inside quotations
    /// of its derived sentences.
    /// </summary>
    internal static bool KeptMostlyInQuotes(AnalyzedDocument derived, SentenceAlignment a)
    {
        int keptChars = 0, quotedChars = 0;
        foreach (var span in a.Diff.Spans)
        {
            if (span.Operation != DiffOperation.Kept || span.Derived is not { } kept) continue;
            keptChars += kept.Length;
            quotedChars += Quotations.QuotedLength(derived.Quotations, kept);
        }
        return keptChars > 0 && 2 * quotedChars >= keptChars;
    }

    /// <summary>
    /// Copying shows in at least two strong pairs. When fewer than two of them are more than shared quotes, the
    /// pair must also explain most of the derived text, with at least two aligned sentences outside quotes (a
    /// paraphrase that keeps the quotes): independent reports of one event quote the same words.
    /// </summary>
    private bool IsDerivation(PairMeasures m)
    {
        var t = Thresholds;
        // A text of one or two sentences: one strong pair that explains most of it.
        if (m.DerivedSentences <= 2 && m.Coverage.OfDerived >= 0.8 && m.StrongPairs >= 1) return true;
        if (m.StrongPairs < 2) return false;
        bool explainsMost = m.Coverage.OfDerived >= t.MinDerivedCoverage;
        if (m.StrongPairs - m.QuotedStrongPairs < 2)
            return explainsMost && m.AlignedDerivedSentences >= t.MinAlignedSentences && m.AlignedDerivedSentences - m.QuotedAlignedSentences >= 2;
        return explainsMost || m.AlignedDerivedSentences >= t.MinAlignedSentences;
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
