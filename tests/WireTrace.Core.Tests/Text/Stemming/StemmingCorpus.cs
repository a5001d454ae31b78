using System.Text.RegularExpressions;
using WireTrace.Tests;

namespace WireTrace.Core.Tests.Text.Stemming;

/// <summary>Every distinct lower-cased word of the BBC News Summary articles (shared research data).</summary>
internal static partial class StemmingCorpus
{
    private static readonly Lazy<IReadOnlyList<string>> Words = new(Load);

    public static IReadOnlyList<string> DistinctWords => Words.Value;

    // Letters, marks, digits, apostrophes (straight and curly) and hyphens: words such as "year-earlier", "bbc's".
    [GeneratedRegex(@"[\p{L}\p{M}\p{Nd}'\u2019-]+")]
    private static partial Regex WordPattern();

    private static IReadOnlyList<string> Load()
    {
        var root = SharedData.PathTo("bbc-news-summary", "articles");
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.txt", SearchOption.AllDirectories))
        {
            foreach (Match match in WordPattern().Matches(File.ReadAllText(file)))
            {
                var word = match.Value.ToLowerInvariant();
                words.Add(word);
                // Also the parts of hyphenated words, as a tokenizer splitting on hyphens would give them.
                if (word.Contains('-'))
                {
                    foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries)) words.Add(part);
                }
            }
        }
        var list = words.ToList();
        list.Sort(StringComparer.Ordinal);
        return list;
    }
}
