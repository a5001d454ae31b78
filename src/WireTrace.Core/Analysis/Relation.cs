namespace WireTrace.Core.Analysis;

/// <summary>How a derived article relates to its source.</summary>
public enum Relation
{
    /// <summary>No text derivation and no shared event.</summary>
    Unrelated,
    /// <summary>Same text after normalisation.</summary>
    Duplicate,
    /// <summary>Essentially all of the source and little else, with small edits.</summary>
    NearDuplicate,
    /// <summary>Most of the derived text comes from the source, mostly verbatim, but only part of the source.</summary>
    Excerpt,
    /// <summary>Most of the derived text comes from the source, mostly reworded.</summary>
    Paraphrase,
    /// <summary>A substantial part comes from the source; the rest is the outlet's own material.</summary>
    Partial,
    /// <summary>No text derivation, but the same event: shared names, numbers, time.</summary>
    SameEvent,
}

public static class RelationNames
{
    /// <summary>The contract's name of a relation: <c>near-duplicate</c>, <c>same-event</c>, ...</summary>
    public static string ToContractName(this Relation relation) => relation switch
    {
        Relation.Unrelated => "unrelated",
        Relation.Duplicate => "duplicate",
        Relation.NearDuplicate => "near-duplicate",
        Relation.Excerpt => "excerpt",
        Relation.Paraphrase => "paraphrase",
        Relation.Partial => "partial",
        Relation.SameEvent => "same-event",
        _ => throw new ArgumentOutOfRangeException(nameof(relation)),
    };

    public static bool TryParse(string name, out Relation relation)
    {
        foreach (var r in Enum.GetValues<Relation>())
        {
            if (r.ToContractName() == name)
            {
                relation = r;
                return true;
            }
        }
        relation = Relation.Unrelated;
        return false;
    }

    /// <summary>True for the relations that mean text was taken from the source.</summary>
    public static bool IsDerivation(this Relation relation)
        => relation is Relation.Duplicate or Relation.NearDuplicate or Relation.Excerpt or Relation.Paraphrase or Relation.Partial;
}
