using System.Collections.Frozen;

namespace WireTrace.Core.Text;

/// <summary>
/// The word lists behind sentence segmentation. Abbreviations are matched case-sensitively, without
/// their final full stop (<c>Mr</c>, <c>U.S</c>, <c>e.g</c>), so that the ordinary words "no", "miss" or
/// "gen" are never taken for one.
/// </summary>
internal static class Abbreviations
{
    /// <summary>Titles and particles that are always followed by more of the same sentence (a name, a case).</summary>
    private static readonly FrozenSet<string> NeverFinal = FrozenSet.ToFrozenSet(
    [
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gov", "Sen", "Rep", "Reps", "Gen", "Lt", "Col", "Capt", "Cpt", "Sgt",
        "Cpl", "Pvt", "Maj", "Adm", "Cmdr", "Cdr", "Brig", "Rev", "Revd", "Hon", "Pres", "Supt", "Insp", "Det",
        "Messrs", "Mme", "Mlle", "Mt", "Ft", "Fr", "Msgr", "Atty", "Amb", "Sec", "Gens", "Sens", "Drs",
        "vs", "v", "cf", "viz", "approx", "ca", "eg", "ie",
        "e.g", "i.e", "E.g", "I.e",
    ], StringComparer.Ordinal);

    /// <summary>Abbreviations that only abbreviate when a number follows (<c>No. 10</c>, <c>Vol. 2</c>).</summary>
    private static readonly FrozenSet<string> BeforeNumber = FrozenSet.ToFrozenSet(
    [
        "No", "Nos", "no", "nos", "Vol", "vol", "Vols", "Art", "art", "Fig", "fig", "Figs", "pp", "p", "Ch", "ch",
        "Para", "para", "Pt", "pt", "Ex", "Rs", "Nr", "nr", "tel", "Tel", "ext", "Ext", "op", "Op",
    ], StringComparer.Ordinal);

    /// <summary>
    /// Abbreviations that may end a sentence (a company, a month, a street, a country): they end it only
    /// when the next word is a common sentence starter (see <see cref="IsSentenceStarter"/>).
    /// </summary>
    private static readonly FrozenSet<string> MayBeFinal = FrozenSet.ToFrozenSet(
    [
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "Inc", "Corp", "Ltd", "Co", "Cos", "Plc", "PLC", "Bros", "Assn", "Dept", "Univ", "Inst", "Intl", "Mfg",
        "Jr", "Sr", "Snr", "Jnr", "Esq", "St", "Ste", "Ave", "Rd", "Blvd", "Sq", "Hwy", "Pl", "Ct",
        "etc", "al", "esp", "est", "incl", "misc", "max", "min", "govt", "Govt",
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky",
        "La", "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn",
        "Tex", "Va", "Vt", "Wash", "Wis", "Wisc", "Wyo",
        "U.S", "U.K", "U.N", "E.U", "U.S.A", "U.A.E", "D.C", "L.A", "N.Y", "a.m", "p.m", "A.M", "P.M",
        "B.C", "A.D", "Ph.D", "M.D", "B.A", "M.A", "M.P", "Q.C", "U.S.S.R",
    ], StringComparer.Ordinal);

    /// <summary>
    /// Words that typically open an English sentence. After an abbreviation that may end a sentence
    /// ("in the U.S. The talks ...") one of these decides for a boundary; a name-like word ("U.S. Steel",
    /// "Jan. Smith") does not.
    /// </summary>
    private static readonly FrozenSet<string> Starters = FrozenSet.ToFrozenSet(
    [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "My",
        "Your", "This", "That", "These", "Those", "There", "Here", "But", "And", "Or", "So", "Yet", "Nor",
        "In", "On", "At", "For", "From", "By", "With", "Without", "Within", "To", "Of", "Under", "Over", "After",
        "Before", "During", "Since", "Until", "Among", "Amid", "Despite", "Although", "Though", "While", "When",
        "Whenever", "Where", "If", "Unless", "As", "Because", "Once", "However", "Meanwhile", "Moreover",
        "Furthermore", "Nevertheless", "Still", "Also", "Then", "Now", "Today", "Yesterday", "Tomorrow",
        "Last", "Next", "Earlier", "Later", "Some", "Many", "Most", "Much", "Several", "Few", "All", "Both",
        "Each", "Every", "Other", "Others", "Another", "Such", "No", "Not", "None", "One", "Two", "Three",
        "What", "Which", "Who", "Whom", "Whose", "Why", "How", "Is", "Are", "Was", "Were", "Do", "Does", "Did",
        "Has", "Have", "Had", "Will", "Would", "Can", "Could", "Should", "May", "Might", "Must", "Let",
        "According", "Asked", "Instead", "Indeed", "Even", "Only", "Just", "Already", "Overall", "Officials",
        "Analysts", "Police", "Mr", "Mrs", "Ms", "Dr", "Yes", "Thus", "Hence", "Besides", "Like", "Unlike",
        "Following", "Speaking", "Citing", "About", "Around", "More", "Less", "Either", "Neither",
    ], StringComparer.Ordinal);

    /// <summary>First- and second-person words, typical of quoted speech rather than reported text.</summary>
    private static readonly FrozenSet<string> SpeechWords = FrozenSet.ToFrozenSet(
    [
        "I", "I'm", "I've", "I'll", "I'd", "I\u2019m", "I\u2019ve", "I\u2019ll", "I\u2019d", "me", "my", "My", "mine", "myself",
        "we", "We", "we're", "We're", "we've", "We've", "we'll", "We'll", "us", "our", "Our", "ours", "ourselves",
        "you", "You", "you're", "You're", "you've", "You've", "your", "Your", "yours", "yourself",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechWordsLookup = SpeechWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NeverFinalLookup = NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BeforeNumberLookup = BeforeNumber.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MayBeFinalLookup = MayBeFinal.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StartersLookup = Starters.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsNeverFinal(ReadOnlySpan<char> word) => NeverFinalLookup.Contains(word);

    public static bool IsBeforeNumber(ReadOnlySpan<char> word) => BeforeNumberLookup.Contains(word);

    public static bool IsMayBeFinal(ReadOnlySpan<char> word) => MayBeFinalLookup.Contains(word);

    public static bool IsSpeechWord(ReadOnlySpan<char> word) => SpeechWordsLookup.Contains(word);

    public static bool IsSentenceStarter(ReadOnlySpan<char> word) => StartersLookup.Contains(word);
}
