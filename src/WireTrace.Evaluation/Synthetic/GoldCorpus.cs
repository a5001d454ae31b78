namespace WireTrace.Evaluation.Synthetic;

/// <summary>How a generated document relates to its parent.</summary>
public enum SyntheticRelation
{
    /// <summary>An original Reuters story, the root of its derivations.</summary>
    Source,
    /// <summary>A full copy with scraping noise (outlet prefix, glued full stops, curly quotes, extra blank lines).</summary>
    Duplicate,
    /// <summary>A full copy with a few word edits.</summary>
    NearDuplicate,
    /// <summary>The first k sentences or a contiguous run of sentences.</summary>
    Excerpt,
    /// <summary>A full copy with a paragraph moved elsewhere.</summary>
    MovedParagraphs,
    /// <summary>A full copy where pairs of adjacent sentences are joined with ", and" or ";".</summary>
    SentenceMerge,
    /// <summary>A full copy where sentences are split at a conjunction into two.</summary>
    SentenceSplit,
    /// <summary>Some reused sentences padded with sentences of unrelated stories.</summary>
    Partial,
    /// <summary>A full copy with facts changed inside reused sentences.</summary>
    FactChange,
    /// <summary>A noisy copy of an <see cref="Excerpt"/> (a derivation of a derivation).</summary>
    ChainCopy,
    /// <summary>An unrelated story (no TOPICS category shared with any source).</summary>
    UnrelatedDistractor,
    /// <summary>A different story sharing a TOPICS category with a source.</summary>
    SameTopicDistractor,
}

/// <summary>Kinds of planted fact change.</summary>
public enum FactChangeKind
{
    /// <summary>A number replaced by another ("12" to "15").</summary>
    NumberChanged,
    /// <summary>A hedge put before a number ("12" to "at least 12").</summary>
    NumberHedged,
    /// <summary>A weekday swapped for another.</summary>
    Weekday,
    /// <summary>A day of month or a month changed ("Feb 22" to "Feb 24", "in March" to "in June").</summary>
    Date,
    /// <summary>A capitalised name swapped with another name from the corpus.</summary>
    Name,
    /// <summary>The subject of an attribution verb swapped ("the company said" to "analysts said").</summary>
    Attribution,
}

/// <summary>
/// One sentence of a generated document: its character span in the document text, its paragraph, and the
/// parent sentence indexes it came from (two for a merge, [-1] for a sentence added from elsewhere, empty for
/// sources and distractors, which have no parent).
/// </summary>
public sealed record GoldSentence(int Index, int Start, int Length, int Paragraph, IReadOnlyList<int> SourceSentences)
{
    public string TextIn(string documentText) => documentText.Substring(Start, Length);
}

/// <summary>A planted fact change: <see cref="OldValue"/> occurs in the parent's sentence, <see cref="NewValue"/> in the derived one.</summary>
public sealed record PlantedFactChange(FactChangeKind Kind, string OldValue, string NewValue, int SourceSentence, int DerivedSentence);

/// <summary>
/// The gold record of one generated document. Sentence indexes in <see cref="GoldSentence.SourceSentences"/>,
/// <see cref="DroppedSourceSentences"/> and fact changes refer to the parent document's <see cref="Sentences"/>.
/// </summary>
public sealed record GoldDocument(
    string Id,
    string Text,
    string Published,
    int? StoryId,
    int ReutersNewId,
    string? ParentId,
    SyntheticRelation Relation,
    IReadOnlyList<GoldSentence> Sentences,
    IReadOnlyList<int> DroppedSourceSentences,
    IReadOnlyList<PlantedFactChange> FactChanges,
    IReadOnlyList<int> PaddingStoryIds);

/// <summary>A generated corpus with its gold. Documents are ordered by id.</summary>
public sealed record GoldCorpus(ulong Seed, SyntheticCorpusRequest Request, IReadOnlyList<GoldDocument> Documents)
{
    public GoldDocument Document(string id) => Documents.First(d => d.Id == id);

    public int Count(SyntheticRelation relation) => Documents.Count(d => d.Relation == relation);
}

/// <summary>
/// What to generate. Each count is the exact number of documents of that relation; <see cref="Sources"/> source
/// stories are drawn first and every derivation picks its source among them. <see cref="Chains"/> needs
/// <see cref="Excerpts"/> &gt; 0 (chains copy excerpts).
/// </summary>
public sealed record SyntheticCorpusRequest
{
    public ulong Seed { get; init; } = 1;
    public int Sources { get; init; } = 8;
    /// <summary>Minimum number of sentences of a source story.</summary>
    public int MinSentences { get; init; } = 6;
    public int Duplicates { get; init; } = 3;
    public int NearDuplicates { get; init; } = 3;
    public int Excerpts { get; init; } = 3;
    public int MovedParagraphs { get; init; } = 2;
    public int SentenceMerges { get; init; } = 2;
    public int SentenceSplits { get; init; } = 2;
    public int Partials { get; init; } = 3;
    public int FactChanges { get; init; } = 4;
    public int Chains { get; init; } = 2;
    public int UnrelatedDistractors { get; init; } = 5;
    public int SameTopicDistractors { get; init; } = 4;
    /// <summary>Upper bound of planted changes per <see cref="SyntheticRelation.FactChange"/> document (at least 1 is planted).</summary>
    public int MaxFactChangesPerDocument { get; init; } = 3;

    /// <summary>The requested number of documents per relation (sources included).</summary>
    public IReadOnlyList<(SyntheticRelation Relation, int Count)> Counts =>
    [
        (SyntheticRelation.Source, Sources), (SyntheticRelation.Duplicate, Duplicates), (SyntheticRelation.NearDuplicate, NearDuplicates),
        (SyntheticRelation.Excerpt, Excerpts), (SyntheticRelation.MovedParagraphs, MovedParagraphs), (SyntheticRelation.SentenceMerge, SentenceMerges),
        (SyntheticRelation.SentenceSplit, SentenceSplits), (SyntheticRelation.Partial, Partials), (SyntheticRelation.FactChange, FactChanges),
        (SyntheticRelation.ChainCopy, Chains), (SyntheticRelation.UnrelatedDistractor, UnrelatedDistractors),
        (SyntheticRelation.SameTopicDistractor, SameTopicDistractors),
    ];
}
