namespace WireTrace.Core.Analysis;

/// <summary>
/// Decides which of two related texts is the source from what is given: publication dates first, then an
/// agency's own dateline (an agency story not republished under another outlet's name), an outlet's name
/// prefixed to the text (a republished copy), containment asymmetry (the source holds what the derived
/// text has, not the other way round), then length and id.
/// </summary>
public static class DirectionEstimator
{
    /// <summary>Evidence that <paramref name="a"/> is the source of <paramref name="b"/> (score &gt; 0) or the reverse.</summary>
    /// <param name="coverage">Coverage with <paramref name="a"/> aligned as source of <paramref name="b"/>.</param>
    public static DirectionEvidence Estimate(AnalyzedDocument a, AnalyzedDocument b, Coverage coverage)
    {
        var reasons = new List<string>();
        double score = 0;
        var da = a.Article.Published;
        var db = b.Article.Published;
        if (da.HasValue && db.HasValue && da != db)
        {
            bool aFirst = da < db;
            score += aFirst ? 10 : -10; // decisive: a later text cannot be the source
            reasons.Add($"{(aFirst ? a.Id : b.Id)} was published first");
        }

        bool agencyA = IsAgencyOriginal(a), agencyB = IsAgencyOriginal(b);
        if (agencyA != agencyB)
        {
            score += agencyA ? 1.5 : -1.5;
            reasons.Add($"{(agencyA ? a.Id : b.Id)} carries the agency's own dateline ({(agencyA ? a : b).Article.Agency})");
        }

        bool prefixA = a.Article.OutletPrefix, prefixB = b.Article.OutletPrefix;
        if (prefixA != prefixB)
        {
            score += prefixA ? -1 : 1;
            reasons.Add($"{(prefixA ? a.Id : b.Id)} starts with an outlet's name ({(prefixA ? a : b).Article.Outlet}), as republished copies do");
        }

        double asymmetry = coverage.OfDerived - coverage.OfSource;
        if (Math.Abs(asymmetry) >= 0.1)
        {
            score += 4 * asymmetry;
            reasons.Add(asymmetry > 0
                ? $"{a.Id} holds {Math.Round(coverage.OfDerived * 100):0}% of {b.Id}, which holds {Math.Round(coverage.OfSource * 100):0}% of it"
                : $"{b.Id} holds {Math.Round(coverage.OfSource * 100):0}% of {a.Id}, which holds {Math.Round(coverage.OfDerived * 100):0}% of it");
        }

        if (reasons.Count == 0)
        {
            int la = a.Article.Body.Length, lb = b.Article.Body.Length;
            if (la != lb)
            {
                score += la > lb ? 0.1 : -0.1;
                reasons.Add($"{(la > lb ? a.Id : b.Id)} is the longer text");
            }
            else
            {
                score += string.CompareOrdinal(a.Id, b.Id) < 0 ? 0.01 : -0.01;
                reasons.Add("no evidence either way; ordered by id");
            }
        }
        return new DirectionEvidence(Math.Round(score, 4), reasons);
    }

    /// <summary>An agency story under the agency's own name: an agency dateline and no other outlet named.</summary>
    public static bool IsAgencyOriginal(AnalyzedDocument d)
    {
        var agency = d.Article.Agency;
        if (string.IsNullOrEmpty(agency)) return false;
        var outlet = d.Article.Outlet;
        return string.IsNullOrEmpty(outlet)
            || outlet.Contains(agency, StringComparison.OrdinalIgnoreCase)
            || agency.Contains(outlet, StringComparison.OrdinalIgnoreCase);
    }
}
