using System.Globalization;
using System.Text.RegularExpressions;
using WireTrace.Reports.Html;

namespace WireTrace.Reports.Tests;

/// <summary>
/// The report's text colours against the backgrounds they sit on pass WCAG 2.1 AA for normal text (contrast
/// ratio at least 4.5:1), computed from the stylesheet itself with the WCAG relative-luminance formula.
/// </summary>
public sealed partial class ContrastTests
{
    private static readonly Dictionary<string, string> Vars = ParseVars();

    [Theory]
    [InlineData("--ink", "--page")]
    [InlineData("--ink", "--soft")]
    [InlineData("--ink", "--rep-bg")]
    [InlineData("--ink", "--ins-bg")]
    [InlineData("--ink", "--del-bg")]
    [InlineData("--muted", "--page")]
    [InlineData("--muted", "--soft")]
    [InlineData("--del-line", "--del-bg")]
    [InlineData("--ins-line", "--ins-bg")]
    [InlineData("--fact", "--fact-bg")]
    [InlineData("--accent", "--page")]
    public void Text_colours_pass_AA_on_their_backgrounds(string text, string background)
        => Assert.True(Ratio(Vars[text], Vars[background]) >= 4.5, $"{text} on {background}: {Ratio(Vars[text], Vars[background]):F2}");

    [Fact]
    public void White_text_passes_AA_on_every_relation_badge()
    {
        var badges = BadgeRegex().Matches(HtmlAssets.Css).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.True(badges.Count >= 7, "relation badge colours not found in the stylesheet");
        foreach (var (name, colour) in badges)
        {
            Assert.True(Ratio("#ffffff", colour) >= 4.5, $".rel-{name} {colour}: {Ratio("#ffffff", colour):F2}");
        }
    }

    [Fact]
    public void The_formula_matches_known_ratios()
    {
        Assert.Equal(21.0, Ratio("#000000", "#ffffff"), 2);
        Assert.Equal(4.54, Ratio("#767676", "#ffffff"), 2);
    }

    private static double Ratio(string a, string b)
    {
        double la = Luminance(a), lb = Luminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            double c = int.Parse(hex.AsSpan(1 + offset, 2), NumberStyles.HexNumber) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(0) + 0.7152 * Channel(2) + 0.0722 * Channel(4);
    }

    private static Dictionary<string, string> ParseVars()
        => VarRegex().Matches(HtmlAssets.Css).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [GeneratedRegex(@"(--[a-z-]+):(#[0-9a-fA-F]{6})")]
    private static partial Regex VarRegex();

    [GeneratedRegex(@"\.rel-([a-z-]+)\{background:(#[0-9a-fA-F]{6})\}")]
    private static partial Regex BadgeRegex();
}
