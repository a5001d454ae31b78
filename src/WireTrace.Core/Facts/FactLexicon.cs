using System.Collections.Frozen;

namespace WireTrace.Core.Facts;

/// <summary>Word lists used by the fact passes. Every lookup is case-insensitive and allocation-free.</summary>
internal static class FactLexicon
{
    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(params string[] words)
        => words.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> Map<T>(IEnumerable<KeyValuePair<string, T>> pairs)
        => pairs.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] WeekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Months = Map(
        MonthNames.Select((m, i) => new KeyValuePair<string, int>(m, i + 1)));

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthAbbreviations = Map(new Dictionary<string, int>
    {
        ["Jan"] = 1, ["Feb"] = 2, ["Mar"] = 3, ["Apr"] = 4, ["Jun"] = 6, ["Jul"] = 7, ["Aug"] = 8,
        ["Sep"] = 9, ["Sept"] = 9, ["Oct"] = 10, ["Nov"] = 11, ["Dec"] = 12,
    });

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Weekdays = Map(
        WeekdayNames.Select((d, i) => new KeyValuePair<string, int>(d, i)));

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RelativeDays = Set("today", "yesterday", "tomorrow", "tonight");

    /// <summary>Words before a lone month or year that make it a date: <c>in March</c>, <c>since 2019</c>.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DatePrepositions = Set(
        "in", "since", "until", "till", "by", "early", "late", "mid", "last", "next", "this", "of", "during", "from",
        "before", "after", "through", "between", "and", "to", "end", "start", "beginning", "year", "throughout", "as", "for");

    public static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> SmallNumbers = Map(new Dictionary<string, int>
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70,
        ["eighty"] = 80, ["ninety"] = 90,
    });

    public static readonly FrozenDictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> Magnitudes = Map(new Dictionary<string, long>
    {
        ["hundred"] = 100, ["thousand"] = 1_000, ["million"] = 1_000_000, ["mln"] = 1_000_000, ["billion"] = 1_000_000_000,
        ["bln"] = 1_000_000_000, ["bn"] = 1_000_000_000, ["trillion"] = 1_000_000_000_000, ["dozen"] = 12,
    });

    /// <summary>Vague plural amounts: <c>hundreds of</c>, <c>dozens of</c>.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> VagueAmounts = Set(
        "dozens", "scores", "hundreds", "thousands", "tens", "millions", "billions");

    /// <summary>Hedges before a number, longest first so that <c>just over</c> wins over <c>over</c>.</summary>
    public static readonly string[][] Hedges = new[]
    {
        "as many as", "as much as", "as few as", "as little as", "more than", "less than", "fewer than", "at least", "at most",
        "up to", "close to", "upwards of", "in excess of", "just over", "just under", "well over", "an estimated",
        "nearly", "almost", "about", "around", "some", "over", "roughly", "approximately", "under", "estimated", "approx",
        "below", "above", "exceeding", "circa",
    }.Select(h => h.Split(' ')).OrderByDescending(h => h.Length).ToArray();

    /// <summary>Canonical units for words written after a number.</summary>
    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Units = Map(new Dictionary<string, string>
    {
        ["km"] = "km", ["kilometre"] = "km", ["kilometres"] = "km", ["kilometer"] = "km", ["kilometers"] = "km", ["kms"] = "km",
        ["mile"] = "miles", ["miles"] = "miles", ["mi"] = "miles",
        ["metre"] = "m", ["metres"] = "m", ["meter"] = "m", ["meters"] = "m",
        ["cm"] = "cm", ["centimetre"] = "cm", ["centimetres"] = "cm", ["centimeter"] = "cm", ["centimeters"] = "cm",
        ["mm"] = "mm", ["millimetre"] = "mm", ["millimetres"] = "mm", ["millimeter"] = "mm", ["millimeters"] = "mm",
        ["kg"] = "kg", ["kilogram"] = "kg", ["kilograms"] = "kg", ["kilo"] = "kg", ["kilos"] = "kg",
        ["tonne"] = "tonnes", ["tonnes"] = "tonnes", ["ton"] = "tonnes", ["tons"] = "tonnes",
        ["hectare"] = "hectares", ["hectares"] = "hectares", ["ha"] = "hectares",
        ["percent"] = "percent", ["pct"] = "percent", ["%"] = "percent",
        ["people"] = "people", ["persons"] = "people", ["person"] = "people",
        ["year"] = "years", ["years"] = "years", ["month"] = "months", ["months"] = "months",
        ["week"] = "weeks", ["weeks"] = "weeks", ["day"] = "days", ["days"] = "days",
        ["hour"] = "hours", ["hours"] = "hours", ["minute"] = "minutes", ["minutes"] = "minutes",
        ["dollar"] = "dollars", ["dollars"] = "dollars", ["usd"] = "dollars", ["$"] = "dollars",
        ["euro"] = "euros", ["euros"] = "euros", ["eur"] = "euros", ["€"] = "euros",
        ["pound"] = "pounds", ["pounds"] = "pounds", ["gbp"] = "pounds", ["£"] = "pounds", ["sterling"] = "pounds",
        ["yen"] = "yen", ["¥"] = "yen", ["yuan"] = "yuan", ["rupees"] = "rupees", ["roubles"] = "roubles", ["rubles"] = "roubles",
        ["francs"] = "francs", ["krona"] = "kronor", ["kronor"] = "kronor", ["kroner"] = "kroner",
        ["degrees"] = "degrees", ["magnitude"] = "magnitude",
    });

    /// <summary>Words that may sit between a number and its unit: <c>12 more people</c>.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UnitModifiers = Set(
        "more", "other", "additional", "new", "further", "extra", "young", "foreign", "local", "displaced", "injured",
        "wounded", "missing", "dead", "armed", "civilian", "migrant", "front-line", "elderly", "unarmed");

    /// <summary>Lower-case words that end the search for a unit after a number.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Stopwords = Set(
        "a", "an", "the", "of", "in", "on", "at", "to", "and", "or", "but", "nor", "for", "with", "from", "by", "as", "into",
        "onto", "over", "under", "after", "before", "since", "during", "about", "than", "that", "this", "these", "those",
        "which", "who", "whom", "whose", "what", "when", "where", "while", "is", "are", "was", "were", "be", "been", "being",
        "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should",
        "it", "its", "he", "she", "they", "we", "i", "you", "him", "her", "them", "us", "his", "their", "our", "my", "your",
        "not", "no", "so", "if", "then", "there", "here", "also", "said", "says", "out", "up", "down", "off", "per", "each",
        "all", "some", "any", "more", "most", "other", "such", "only", "just", "own", "same", "too", "very", "one", "both",
        "either", "neither", "between", "against", "through", "until", "because", "although", "though", "yet", "again",
        "further", "once", "were", "am", "via", "like", "among", "amid", "across", "around", "including", "according",
        "without", "within", "near", "toward", "towards", "upon", "whether", "how", "why", "now", "still", "even", "well",
        "ago", "later", "earlier", "last", "first", "next", "s", "t");

    /// <summary>Capitalised words that start a sentence but are not names (and are dropped from a leading run).</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SentenceOpeners = Set(
        "the", "a", "an", "in", "on", "at", "but", "and", "or", "so", "yet", "however", "meanwhile", "after", "before",
        "while", "when", "as", "if", "since", "although", "though", "because", "during", "for", "from", "with", "without",
        "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "his", "her", "their", "our",
        "there", "here", "then", "also", "still", "earlier", "later", "last", "according", "by", "of", "to", "some",
        "many", "most", "several", "all", "both", "no", "not", "one", "two", "three", "what", "who", "where", "why", "how",
        "asked", "under", "despite", "amid", "over", "about", "around", "until", "unlike", "like", "among", "near",
        "separately", "further", "furthermore", "moreover", "instead", "now", "today", "yesterday", "tomorrow", "once",
        "officials", "police", "rescuers", "witnesses", "residents", "authorities", "almost", "nearly", "roughly",
        "approximately", "more", "fewer", "less", "just", "only", "up", "an", "every", "each", "neither", "either",
        "speaking", "addressing", "following", "whether", "even", "if", "such", "nor", "please", "yes", "ahead", "inside",
        "outside", "beyond", "within", "throughout", "along", "across", "against", "behind", "regarding", "including", "besides");

    /// <summary>Words that title case leaves in lower case: <c>Trump and Putin Ready to Meet Amid Rising Tensions</c>.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleCaseSmallWords = Set(
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "vs",
        "via", "per", "up", "into", "onto", "over", "off", "out", "is", "s", "t");

    /// <summary>Time zone abbreviations written after a clock time (case-sensitive use: only after a time).</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TimeZones = Set(
        "GMT", "UTC", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "CET", "CEST",
        "BST", "EET", "EEST", "MSK", "IST", "JST", "AEST", "AEDT", "WIB", "SGT", "HKT");

    /// <summary>Time units of a relative timestamp: <c>1 hr 14 min ago</c>.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TimestampUnits = Set(
        "s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours",
        "d", "day", "days", "week", "weeks", "month", "months", "year", "years", "yr", "yrs");

    /// <summary>Lower-case speakers that name one person by role: <c>the president says</c>.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonRoles = Set(
        "president", "spokesman", "spokeswoman", "spokesperson", "minister", "mayor", "governor", "chief", "director",
        "chairman", "chairwoman", "secretary", "commander", "ambassador", "senator", "leader", "head", "premier", "chancellor");

    /// <summary>Capitalised words that are never names on their own.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNames = Set(
        "I", "I'm", "I've", "I'd", "I'll", "OK", "Mr", "Mrs", "Ms", "Dr");

    /// <summary>Titles kept out of a name's value: <c>President Emmanuel Macron</c> → <c>Emmanuel Macron</c>.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = Set(
        "President", "Vice", "Minister", "Secretary", "Secretary-General", "Chancellor", "Governor", "Gov", "Mayor",
        "Senator", "Sen", "Rep", "Representative", "Congressman", "Congresswoman", "Gen", "Lt", "Col", "Colonel", "Capt",
        "Captain", "Sgt", "Sergeant", "Maj", "Commander", "Admiral", "Adm", "King", "Queen", "Prince", "Princess", "Pope",
        "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "Rev", "Judge", "Ambassador", "Commissioner",
        "Spokesman", "Spokeswoman", "Spokesperson", "Chairman", "Chairwoman", "Sheikh", "Emir", "Archbishop", "Bishop",
        "Cardinal", "Prosecutor", "Superintendent", "Inspector", "Detective", "Constable", "Lieutenant", "CEO", "Ayatollah");

    /// <summary>Capitalised words that only qualify a following title: <c>Interior Minister</c>, <c>Prime Minister</c>.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleModifiers = Set(
        "Interior", "Foreign", "Defence", "Defense", "Finance", "Health", "Justice", "Home", "Prime", "Deputy", "Vice",
        "Former", "Acting", "Chief", "Attorney", "Economy", "Economic", "Trade", "Education", "Environment", "Energy",
        "Agriculture", "Labour", "Labor", "Transport", "State", "Assistant", "Senior", "Press", "Executive", "Managing",
        "Police", "Army", "Military", "Regional", "Provincial", "District", "Federal", "Presidential", "Opposition",
        "Party", "Union", "General", "Supreme", "Crown", "Grand", "Lord", "Lady", "Interim", "Culture", "Immigration",
        "Emergency", "Emergencies", "Development", "Security", "Intelligence", "Communications", "First", "Public");

    /// <summary>Lower-case name connectors: <c>Bank of England</c>, <c>Ursula von der Leyen</c>, <c>Osama bin Laden</c>.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NameConnectors = Set(
        "of", "de", "van", "von", "der", "den", "du", "da", "di", "del", "della", "la", "le", "bin", "ibn", "al", "el", "dos", "das", "y", "ben", "abu", "for");

    /// <summary>Lower-case prefixes glued with a hyphen to a name: <c>al-Assad</c>.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NamePrefixes = Set("al", "el", "ad", "as", "ash", "an", "bin", "abu");

    /// <summary>Speech verbs of attributions.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbs = Set(
        "said", "says", "say", "told", "tells", "added", "adds", "warned", "warns", "accused", "accuses", "described",
        "describes", "claimed", "announced", "announces", "stated", "insisted", "insists", "noted", "explained", "confirmed",
        "confirms", "wrote", "writes", "tweeted", "argued", "argues", "urged", "urges", "stressed", "declared", "denied",
        "denies", "admitted", "acknowledged", "alleged", "asserted", "cautioned", "recalled", "replied", "responded",
        "conceded", "reported", "posted", "predicted", "vowed", "pledged", "promised", "suggested", "indicated", "revealed",
        "disclosed", "asked", "complained", "countered", "maintained", "emphasised", "emphasized", "underlined", "observed");

    /// <summary>Verbs whose following noun phrase is the listener, not the speaker.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ListenerVerbs = Set(
        "told", "tells", "urged", "urges", "accused", "accuses", "warned", "warns", "asked", "promised", "described", "describes");

    /// <summary>Adverbs and auxiliaries that may sit between a speaker and the speech verb: <c>Okafor also said</c>.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechAdverbs = Set(
        "also", "later", "earlier", "previously", "then", "separately", "further", "again", "reportedly", "publicly",
        "repeatedly", "recently", "once", "has", "have", "had", "had", "privately", "initially", "subsequently", "quickly",
        "angrily", "flatly", "simply", "first", "had", "would", "will", "could", "has", "already", "openly");

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Pronouns = Set(
        "he", "she", "they", "it", "we", "i", "you", "who", "which");

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Determiners = Set(
        "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "one", "another", "two", "three", "several",
        "other", "local", "state", "senior", "regional");

    /// <summary>Common nouns that speak for an institution: <c>police said</c>, <c>the ministry said</c>.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AgentNouns = Set(
        "police", "officials", "official", "authorities", "ministry", "government", "army", "military", "spokesman",
        "spokeswoman", "spokesperson", "spokespeople", "witnesses", "witness", "residents", "resident", "sources", "source",
        "statement", "agency", "company", "officer", "officers", "prosecutors", "prosecutor", "investigators", "rescuers",
        "doctors", "experts", "analysts", "diplomats", "diplomat", "minister", "president", "mayor", "governor", "court",
        "report", "commission", "council", "committee", "organisers", "organizers", "firefighters", "paramedics",
        "lawyer", "lawyers", "family", "hospital", "embassy", "office", "department", "group", "party", "union",
        "board", "spokesmen", "secretary", "chief", "director", "judge", "coroner", "observers", "activists", "monitors",
        "media", "presidency", "kremlin", "administration", "operator", "regulator", "airline", "insurer", "manufacturer",
        "firm", "bank", "watchdog", "broadcaster", "newspaper", "website", "ombudsman", "service", "services");

    /// <summary>Lower-case role words skipped between a speech verb and a following name: <c>said spokesman Daniel Okafor</c>.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RoleWords = Set(
        "spokesman", "spokeswoman", "spokesperson", "minister", "official", "president", "mayor", "governor", "chief",
        "director", "chairman", "chairwoman", "head", "leader", "secretary", "commander", "ambassador", "analyst",
        "economist", "professor", "researcher", "lawyer", "attorney", "prosecutor", "senator", "deputy", "foreign",
        "interior", "defence", "defense", "prime", "police", "army", "military", "ministry", "government", "party",
        "senior", "former", "the", "a", "an", "its", "their", "his", "her", "opposition", "regional", "local", "state",
        "agency", "coach", "manager", "witness", "resident", "general", "executive", "press", "union");

    public static bool IsSmallNumber(ReadOnlySpan<char> word, out int value) => SmallNumbers.TryGetValue(word, out value);

    public static int Month(ReadOnlySpan<char> word) => Months.TryGetValue(word, out int m) ? m : 0;

    public static int MonthAbbreviation(ReadOnlySpan<char> word) => MonthAbbreviations.TryGetValue(word, out int m) ? m : 0;

    public static string MonthName(int month) => MonthNames[month - 1];

    /// <summary>The canonical weekday name, or null. Accepts a possessive (<c>Friday's</c>).</summary>
    public static string? Weekday(ReadOnlySpan<char> word)
    {
        word = StripPossessive(word);
        return Weekdays.TryGetValue(word, out int d) ? WeekdayNames[d] : null;
    }

    /// <summary>Multiplier of a magnitude suffix glued to digits: <c>5m</c>, <c>2bn</c>, <c>10k</c>.</summary>
    public static long GluedMagnitude(ReadOnlySpan<char> suffix)
    {
        if (suffix.Equals("m", StringComparison.OrdinalIgnoreCase) || suffix.Equals("mn", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("mln", StringComparison.OrdinalIgnoreCase)) return 1_000_000;
        if (suffix.Equals("bn", StringComparison.OrdinalIgnoreCase) || suffix.Equals("b", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("bln", StringComparison.OrdinalIgnoreCase)) return 1_000_000_000;
        if (suffix.Equals("k", StringComparison.OrdinalIgnoreCase)) return 1_000;
        if (suffix.Equals("tn", StringComparison.OrdinalIgnoreCase)) return 1_000_000_000_000;
        return 0;
    }

    /// <summary>Removes a trailing possessive <c>'s</c> / <c>’s</c> (or a bare trailing apostrophe).</summary>
    public static ReadOnlySpan<char> StripPossessive(ReadOnlySpan<char> word)
    {
        if (word.Length > 2 && (word[^1] == 's' || word[^1] == 'S') && SentenceScanner.IsApostrophe(word[^2])) return word[..^2];
        return word;
    }

    public static bool IsCapitalised(ReadOnlySpan<char> word) => word.Length > 0 && char.IsUpper(word[0]);

    public static bool IsLower(ReadOnlySpan<char> word) => word.Length > 0 && char.IsLower(word[0]);
}
