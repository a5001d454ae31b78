using WireTrace.Core.Analysis;

namespace WireTrace.Core.Stories;

/// <summary>One edge of a derivation tree: <see cref="Derived"/> was made from <see cref="From"/>.</summary>
public sealed record Derivation(string Derived, string From, PairAnalysis Analysis);

/// <summary>A story: its source, its members (source first, then by id) and each member's derivation.</summary>
public sealed record Story(string Id, string Source, IReadOnlyList<string> Members, IReadOnlyList<Derivation> Derivations);

/// <summary>The stories of a pile, the documents in none, and how many pairs were aligned.</summary>
public sealed record StoryResult(IReadOnlyList<Story> Stories, IReadOnlyList<string> Unrelated, int CandidatePairs, int AnalysedPairs);
