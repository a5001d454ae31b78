namespace WireTrace.Core.Facts;

/// <summary>The kinds of checkable facts that WireTrace extracts from news sentences.</summary>
public enum FactKind
{
    /// <summary>A quantity: <c>25</c>, <c>at least 300,000 people</c>, <c>$1.5 billion</c>, <c>40%</c>.</summary>
    Number,
    /// <summary>A calendar date (<c>2024-01-05</c>, <c>--01-05</c>, <c>2024-01</c>, <c>2019</c>) or a relative day (<c>today</c>).</summary>
    Date,
    /// <summary>A day of the week: <c>Friday</c>.</summary>
    Weekday,
    /// <summary>A month named alone: <c>in March</c>.</summary>
    Month,
    /// <summary>A capitalised name of a person, place or organisation.</summary>
    Name,
    /// <summary>Who said something: the speaker and the speech verb.</summary>
    Attribution,
    /// <summary>Text between quotation marks.</summary>
    Quote,
}
