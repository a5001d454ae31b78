using System.Text;
using System.Text.RegularExpressions;
using WireTrace.Core.Text;
using WireTrace.Tests;

namespace WireTrace.Core.Tests.Text;

/// <summary>
/// Invariants of <see cref="TextAnalyzer"/> over a few hundred real articles from ../shared/data:
/// BBC articles (body after the title line), Reuters-21578 bodies (hard-wrapped at ~70 characters) and
/// scraped Helsinki articles (paragraphs separated by " ### ").
/// </summary>
public sealed partial class RealArticlePropertyTests
{
    private static readonly TextAnalyzer Analyzer = new(new StripSStemmer());

    public static TheoryData<string> Sources => new() { "bbc", "reuters", "helsinki" };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Spans_are_ordered_inside_the_body_and_lose_no_text(string source)
    {
        var articles = Load(source).ToList();
        Assert.True(articles.Count >= 100, $"only {articles.Count} {source} articles read");
        foreach (var (id, text, body) in articles)
        {
            CheckInvariants(id, text, body);
        }
    }

    private static void CheckInvariants(string id, string text, TextSpan body)
    {
        var model = Analyzer.Analyze(text, body);
        Assert.Same(text, model.Text);
        Assert.Equal(body, model.Body);

        int previousEnd = body.Start;
        foreach (var p in model.Paragraphs)
        {
            Assert.True(body.Contains(p), $"{id}: paragraph {p} outside body {body}");
            Assert.True(p.Start >= previousEnd, $"{id}: paragraph {p} overlaps or is out of order");
            Assert.False(p.IsEmpty, $"{id}: empty paragraph");
            previousEnd = p.End;
        }

        var covered = new bool[text.Length];
        previousEnd = body.Start;
        int expectedFirstToken = 0;
        for (int i = 0; i < model.Sentences.Count; i++)
        {
            var s = model.Sentences[i];
            Assert.Equal(i, s.Index);
            Assert.True(body.Contains(s.Span), $"{id}: sentence {s.Span} outside body {body}");
            Assert.True(s.Span.Start >= previousEnd, $"{id}: sentence {i} {s.Span} overlaps or is out of order");
            Assert.False(s.Span.IsEmpty, $"{id}: empty sentence {i}");
            Assert.True(model.Paragraphs[s.Paragraph].Contains(s.Span), $"{id}: sentence {i} crosses its paragraph");
            var sentence = model.SentenceText(i);
            Assert.Equal(text.Substring(s.Span.Start, s.Span.Length), sentence);
            Assert.Equal(sentence.Trim(), sentence);
            Assert.Equal(expectedFirstToken, s.FirstToken);
            foreach (var t in model.TokensOf(s))
            {
                Assert.True(s.Span.Contains(t.Span), $"{id}: token {t.Span} outside sentence {i} {s.Span}");
                Assert.False(t.Span.IsEmpty, $"{id}: empty token");
                Assert.False(string.IsNullOrEmpty(t.Norm), $"{id}: token {t.Span} without a norm");
            }
            expectedFirstToken += s.TokenCount;
            for (int k = s.Span.Start; k < s.Span.End; k++) covered[k] = true;
            previousEnd = s.Span.End;
        }
        Assert.Equal(model.Tokens.Count, expectedFirstToken);
        for (int k = 1; k < model.Tokens.Count; k++)
        {
            Assert.True(model.Tokens[k].Span.Start >= model.Tokens[k - 1].Span.End, $"{id}: tokens {k - 1} and {k} overlap");
        }

        // Nothing lost: every non-space character of the body is in a sentence, except " ### " separators.
        foreach (Match m in SeparatorPattern().Matches(text, body.Start))
        {
            if (m.Index + m.Length > body.End) break;
            for (int k = m.Index; k < m.Index + m.Length; k++) covered[k] = true;
        }
        for (int k = body.Start; k < body.End; k++)
        {
            if (!char.IsWhiteSpace(text[k]) && !covered[k])
            {
                Assert.Fail($"{id}: character {k} '{text[k]}' of the body is in no sentence: ...{text.Substring(Math.Max(0, k - 30), Math.Min(60, text.Length - Math.Max(0, k - 30)))}...");
            }
        }
        // Every non-space character of a sentence is in exactly one token.
        var inToken = new bool[text.Length];
        foreach (var t in model.Tokens)
        {
            for (int k = t.Span.Start; k < t.Span.End; k++) inToken[k] = true;
        }
        foreach (var s in model.Sentences)
        {
            for (int k = s.Span.Start; k < s.Span.End; k++)
            {
                Assert.True(char.IsWhiteSpace(text[k]) || inToken[k], $"{id}: character {k} '{text[k]}' is in no token");
            }
        }
    }

    [GeneratedRegex(@"(?<=^|\s)###(?=\s|$)")]
    private static partial Regex SeparatorPattern();

    /// <summary>A few hundred real articles of one source ("bbc", "reuters", "helsinki"): id, text and body span.</summary>
    internal static IEnumerable<(string Id, string Text, TextSpan Body)> Load(string source) => source switch
    {
        "bbc" => LoadBbc(),
        "reuters" => LoadReuters(),
        "helsinki" => LoadHelsinki(),
        _ => throw new ArgumentException(source),
    };

    private static IEnumerable<(string, string, TextSpan)> LoadBbc()
    {
        var root = SharedData.PathTo("bbc-news-summary", "articles");
        foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal).Take(40))
            {
                var text = Decode(File.ReadAllBytes(file));
                int nl = text.IndexOf('\n');
                yield return (file, text, TextSpan.FromBounds(nl < 0 ? text.Length : nl + 1, text.Length));
            }
        }
    }

    /// <summary>UTF-8, or Latin-1 for the one BBC file that is not UTF-8.</summary>
    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static IEnumerable<(string, string, TextSpan)> LoadReuters()
    {
        int n = 0;
        foreach (var name in new[] { "reut2-000.sgm", "reut2-011.sgm" })
        {
            var sgml = Encoding.Latin1.GetString(File.ReadAllBytes(SharedData.PathTo("reuters21578", name)));
            foreach (Match m in BodyPattern().Matches(sgml))
            {
                // The whole document is the text; the body is the span between <BODY> and </BODY>.
                var g = m.Groups[1];
                yield return ($"{name}#{n++}", sgml, new TextSpan(g.Index, g.Length));
                if (n % 100 == 0) break;
            }
        }
    }

    [GeneratedRegex(@"<BODY>(.*?)</BODY>", RegexOptions.Singleline)]
    private static partial Regex BodyPattern();

    private static IEnumerable<(string, string, TextSpan)> LoadHelsinki()
    {
        var path = SharedData.PathTo("provenance-helsinki", "helsinki_articles.csv");
        int row = 0;
        foreach (var fields in ReadCsv(File.ReadAllText(path)).Skip(1))
        {
            row++;
            if (row % 4 != 0 || fields.Count < 4) continue;
            var text = fields[3];
            yield return ($"helsinki row {row}", text, new TextSpan(0, text.Length));
        }
    }

    /// <summary>A minimal RFC 4180 reader: quoted fields with doubled quotes and newlines.</summary>
    private static IEnumerable<List<string>> ReadCsv(string csv)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return fields;
                fields = new List<string>();
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
