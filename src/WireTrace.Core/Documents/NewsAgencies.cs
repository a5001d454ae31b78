namespace WireTrace.Core.Documents;

/// <summary>Names of news agencies as they appear in datelines and bylines, with their canonical form.</summary>
public static class NewsAgencies
{
    private static readonly Dictionary<string, string> Canonical = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AFP"] = "AFP", ["Agence France-Presse"] = "AFP", ["Agence France Presse"] = "AFP",
        ["Reuters"] = "Reuters", ["Reuter"] = "Reuters", ["Thomson Reuters"] = "Reuters",
        ["AP"] = "AP", ["Associated Press"] = "AP", ["The Associated Press"] = "AP",
        ["dpa"] = "dpa", ["AAP"] = "AAP", ["ANSA"] = "ANSA", ["EFE"] = "EFE", ["Xinhua"] = "Xinhua",
        ["TASS"] = "TASS", ["ITAR-TASS"] = "TASS", ["UPI"] = "UPI", ["Bloomberg"] = "Bloomberg", ["CNN"] = "CNN",
        ["IANS"] = "IANS", ["PTI"] = "PTI", ["ANI"] = "ANI", ["Kyodo"] = "Kyodo", ["Yonhap"] = "Yonhap",
        ["Interfax"] = "Interfax", ["RIA Novosti"] = "RIA Novosti", ["Anadolu"] = "Anadolu", ["Sputnik"] = "Sputnik",
        ["Bernama"] = "Bernama", ["KUNA"] = "KUNA", ["WAM"] = "WAM", ["APA"] = "APA", ["Belga"] = "Belga",
        ["ANP"] = "ANP", ["Lusa"] = "Lusa", ["NTB"] = "NTB", ["Ritzau"] = "Ritzau", ["CTK"] = "CTK", ["PAP"] = "PAP",
        ["MTI"] = "MTI", ["Europa Press"] = "Europa Press", ["CP"] = "CP", ["The Canadian Press"] = "CP",
        ["Canadian Press"] = "CP", ["CNN Wire"] = "CNN", ["CNN Wires"] = "CNN",
    };

    /// <summary>The canonical name of an agency (e.g. <c>Reuter</c> → <c>Reuters</c>), or null when the name is unknown.</summary>
    public static string? Canonicalize(string name)
    {
        var collapsed = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Canonical.TryGetValue(collapsed, out var canonical) ? canonical : null;
    }
}
