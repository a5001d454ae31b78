using System.Text.Json;
using WireTrace.Core.Similarity;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using WireTrace.Tests;

namespace WireTrace.Core.Tests.Text;

/// <summary>
/// The cached token analysis (<see cref="Lexicon"/>, <see cref="Lexeme"/>) and the profiles built from it, checked
/// against expectations computed independently, token by token: the tokenizer run on each sentence, the normaliser,
/// the stemmer and the stop-word list called directly, and a plain re-implementation of the profile (FNV-1a 4-grams,
/// sort and dedupe, vocabulary ids looked up by term). Texts: real articles from ../shared/data, the samples/demo
/// corpus, and odd inputs.
/// </summary>
public sealed class LexiconTests
{
    private static readonly IStemmer Stemmer = Porter2Stemmer.Instance;

    /// <summary>Texts that stress normalisation, tokenization and the inline/overflow paths of a lexeme.</summary>
    public static TheoryData<string> OddTexts => new()
    {
        "",
        "   \n\n\t ",
        "\u201CDon\u2019t,\u201D she said \u2014 \u2018twice\u2019. It\u02BCs O\u2019Neill\u2019s.",
        "The \uFB01nance ministry (\uFF34\uFF4F\uFF4B\uFF59\uFF4F) cut x\u00B2 by \u2167 \u2026 then \u2460.",
        "Pneumonoultramicroscopicsilicovolcanoconiosis-and-antidisestablishmentarianism-and-floccinaucinihilipilification were said.",
        new string('a', 70) + " " + new string('B', 65) + "s and " + new string('z', 9) + " " + new string('z', 10) + ".",
        "On 2024-01-06 at 10:30, 300,000 people (1.5% of 1980s levels, 3rd time) paid \u00A31.13bn; F-16 and MP3 well-known.",
        "\u041C\u043E\u0441\u043A\u0432\u0430 \u0437\u0430\u044F\u0432\u0438\u043B\u0430. \u0391\u03B8\u03AE\u03BD\u03B1 \u03BB\u03AD\u03B5\u03B9. \u5317\u4EAC\u8BF4\u3002 \u0627\u0644\u0642\u0627\u0647\u0631\u0629 \u062A\u0642\u0648\u0644. \u0928\u0908 \u0926\u093F\u0932\u094D\u0932\u0940 \u0915\u0939\u0924\u0940 \u0939\u0948\u0964",
        "\u0130stanbul and ISTANBUL and istanbul; \u00C9COLE \u00E9cole e\u0301cole. Stra\u00DFe STRASSE.",
        "Emoji \U0001F600 and \U0001D400\U0001D401 letters, U.S. e.g. a.m. Amazon.com bbc.co.uk, the players' kit.",
        "well\u2011known co\u2010operate \u2212 5 \u00AD soft\u00ADhyphen non\u00A0breaking\u202Fspace.",
        "The the THE tHe. Said said SAID. 'quoted' \"double\" `back` \u00ABguillemets\u00BB \u2039single\u203A.",
        // One sentence of 600 tokens: more than Lexicon.GetAll hashes on the stack.
        string.Join(", ", Enumerable.Range(0, 300).Select(i => i % 3 == 0 ? $"word{i}" : i % 3 == 1 ? "said" : $"{i}")) + ".",
    };

    [Theory]
    [MemberData(nameof(OddTexts))]
    public void Tokens_of_odd_texts_equal_the_normaliser_stemmer_and_stopword_list_applied_directly(string text)
    {
        var model = new TextAnalyzer(Stemmer).Analyze(text);
        CheckTokens("odd text", model);
        CheckProfile("odd text", model, new Vocabulary());
    }

    [Theory]
    [InlineData("bbc")]
    [InlineData("reuters")]
    [InlineData("helsinki")]
    public void Tokens_and_profiles_of_real_articles_equal_independent_computations(string source)
    {
        var analyzer = new TextAnalyzer(Stemmer);
        var vocabulary = new Vocabulary();
        int articles = 0;
        foreach (var (id, text, body) in RealArticlePropertyTests.Load(source))
        {
            var model = analyzer.Analyze(text, body);
            CheckTokens(id, model);
            CheckProfile(id, model, vocabulary);
            articles++;
        }
        Assert.True(articles >= 100, $"only {articles} {source} articles read");
    }

    [Fact]
    public void Tokens_and_profiles_of_the_demo_corpus_equal_independent_computations()
    {
        var analyzer = new TextAnalyzer(Stemmer);
        var vocabulary = new Vocabulary();
        foreach (var (id, text) in DemoTexts())
        {
            // Twice: the second analysis is served from the warm lexicon and must not differ.
            for (int pass = 0; pass < 2; pass++)
            {
                var model = analyzer.Analyze(text);
                CheckTokens(id, model);
                CheckProfile(id, model, vocabulary);
            }
        }
    }

    [Fact]
    public void Term_ids_follow_the_vocabulary_that_asks_when_two_take_turns()
    {
        var analyzer = new TextAnalyzer(Stemmer);
        var first = new Vocabulary();
        var second = new Vocabulary();
        second.IdOf("zzz-unrelated");   // so the two vocabularies give the same terms different ids
        second.IdOf("another");
        foreach (var (id, text) in DemoTexts())
        {
            var model = analyzer.Analyze(text);
            CheckProfile(id, model, first);
            CheckProfile(id, model, second);
            CheckProfile(id, model, first);
        }
        Assert.True(first.TryGetId(Stemmer.Stem("flood"), out int a) && second.TryGetId(Stemmer.Stem("flood"), out int b) && a != b);
    }

    [Fact]
    public void Tokens_from_separate_analyzers_are_equal_and_hash_alike()
    {
        var text = DemoTexts().First().Text;
        var one = new TextAnalyzer(Stemmer).Analyze(text).Tokens;
        var other = new TextAnalyzer(Stemmer).Analyze(text).Tokens;
        Assert.Equal(one, other);
        Assert.Equal(one.Select(t => t.GetHashCode()), other.Select(t => t.GetHashCode()));
        Assert.NotEqual(one[0], one[1]);
    }

    [Fact]
    public void A_full_lexicon_starts_again_and_keeps_answering_correctly()
    {
        var lexicon = new Lexicon(Stemmer, capacity: 50);
        var words = Words().Take(3_000).ToList();
        foreach (var word in words)
        {
            CheckLexeme(word, TokenKind.Word, lexicon.Get(word, TokenKind.Word));
            Assert.InRange(lexicon.Count, 0, 50);
        }
        Assert.Same(lexicon.Get(words[^1], TokenKind.Word), lexicon.Get(words[^1], TokenKind.Word));
    }

    [Fact]
    public void Parallel_lookups_through_refills_give_the_uncached_results()
    {
        var lexicon = new Lexicon(Stemmer, capacity: 200);
        var words = Words().Distinct().Take(2_000).ToArray();
        var results = new Lexeme[words.Length];
        Parallel.For(0, words.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            results[i % words.Length] = lexicon.Get(words[i % words.Length], TokenKind.Word));
        for (int i = 0; i < words.Length; i++) CheckLexeme(words[i], TokenKind.Word, results[i]);
    }

    [Fact]
    public void The_same_characters_as_another_kind_get_their_own_analysis()
    {
        var lexicon = new Lexicon(Stemmer);
        var word = lexicon.Get("Running", TokenKind.Word);
        var other = lexicon.Get("Running", TokenKind.Punctuation);
        CheckLexeme("Running", TokenKind.Word, word);
        CheckLexeme("Running", TokenKind.Punctuation, other);
        Assert.Same(word, lexicon.Get("Running", TokenKind.Word));
    }

    [Fact]
    public void Texts_that_share_their_first_eight_characters_are_told_apart()
    {
        var lexicon = new Lexicon(Stemmer);
        var words = new[] { "internationally", "internationals", "internat", "internati", "Internationally", "internationallY" };
        var lexemes = words.Select(w => lexicon.Get(w, TokenKind.Word)).ToArray();
        for (int i = 0; i < words.Length; i++) CheckLexeme(words[i], TokenKind.Word, lexemes[i]);
        Assert.Equal(words.Length, lexemes.Distinct().Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(70)]
    [InlineData(480)]
    [InlineData(5_000)]
    public void Sorting_gram_hashes_equals_a_plain_sort(int count)
    {
        var random = new Random(count);
        var values = Enumerable.Range(0, count).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToArray();
        for (int i = 0; i + 1 < count; i += 5) values[i + 1] = values[i];   // duplicates, as repeated words give
        CheckSort(values);
        // All in one bucket (the fallback path) and all equal.
        CheckSort(values.Select(v => v & 0x00FF_FFFFu).ToArray());
        CheckSort(Enumerable.Repeat(7u, count).ToArray());
    }

    private static void CheckSort(uint[] values)
    {
        var expected = values.Order().ToArray();
        var actual = values.ToArray();
        DocumentProfile.SortHashes(actual, new uint[actual.Length]);
        Assert.Equal(expected, actual);
    }

    private static void CheckTokens(string id, TextModel model)
    {
        int next = 0;
        foreach (var sentence in model.Sentences)
        {
            var raw = new List<RawToken>();
            Tokenizer.Tokenize(model.Text, sentence.Span.Start, sentence.Span.End, raw);
            Assert.Equal(next, sentence.FirstToken);
            Assert.Equal(raw.Count, sentence.TokenCount);
            for (int k = 0; k < raw.Count; k++)
            {
                var token = model.Tokens[sentence.FirstToken + k];
                Assert.Equal(new TextSpan(raw[k].Start, raw[k].Length), token.Span);
                Assert.Equal(raw[k].Kind, token.Kind);
                CheckLexeme(token.Span.Substring(model.Text), token.Kind, token.Lexeme, id);
            }
            next += raw.Count;
        }
        Assert.Equal(next, model.Tokens.Count);
    }

    private static void CheckLexeme(string written, TokenKind kind, Lexeme lexeme, string id = "")
    {
        string norm = TextNormalizer.Normalize(written);
        bool word = kind == TokenKind.Word;
        Assert.True(norm == lexeme.Norm, $"{id}: norm of '{written}' is '{lexeme.Norm}', expected '{norm}'");
        Assert.True((word ? Stemmer.Stem(norm) : norm) == lexeme.Stem, $"{id}: stem of '{written}' is '{lexeme.Stem}'");
        Assert.True((word && Stopwords.Contains(norm)) == lexeme.IsStopword, $"{id}: stop-word flag of '{written}'");
        Assert.Equal(kind, lexeme.Kind);
        Assert.Equal(written, lexeme.Text);
        Assert.Equal(written.Length > 0 && char.IsUpper(written[0]), lexeme.StartsUpper);
        var grams = kind is TokenKind.Word or TokenKind.Number ? ExpectedGrams(norm) : [];
        Assert.Equal(grams, lexeme.Grams.ToArray());
    }

    /// <summary>The profile as its documentation defines it, computed from the tokens without any cache.</summary>
    private static void CheckProfile(string id, TextModel model, Vocabulary vocabulary)
    {
        var profile = DocumentProfile.Build(model, vocabulary);
        Assert.Equal(model.Sentences.Count, profile.Sentences.Count);
        for (int si = 0; si < model.Sentences.Count; si++)
        {
            var terms = new List<int>();
            var numbers = new List<int>();
            var names = new List<int>();
            var grams = new List<uint>();
            int content = 0;
            bool first = true;
            foreach (var token in model.TokensOf(model.Sentences[si]))
            {
                if (!token.IsContent) continue;
                content++;
                grams.AddRange(ExpectedGrams(token.Norm));
                if (token.IsNumber)
                {
                    int number = IdOf(vocabulary, token.Norm, id);
                    terms.Add(number);
                    numbers.Add(number);
                }
                else if (!token.IsStopword)
                {
                    int term = IdOf(vocabulary, token.Stem, id);
                    terms.Add(term);
                    if (!first && char.IsUpper(model.Text[token.Span.Start])) names.Add(term);
                }
                first = false;
            }
            var actual = profile.Sentences[si];
            Assert.Equal(si, actual.Index);
            Assert.Equal(content, actual.ContentTokenCount);
            Assert.Equal(terms.Distinct().Order(), actual.Terms);
            Assert.Equal(numbers.Distinct().Order(), actual.Numbers);
            Assert.Equal(names.Distinct().Order(), actual.Names);
            Assert.Equal(grams.Distinct().Order(), actual.CharGrams);
        }
    }

    private static int IdOf(Vocabulary vocabulary, string term, string id)
    {
        Assert.True(vocabulary.TryGetId(term, out int termId), $"{id}: term '{term}' has no id");
        return termId;
    }

    /// <summary>FNV-1a of every 4-character window of " norm ", or of the norm alone (xor 0x9E3779B9) when it has at most 3 characters.</summary>
    private static uint[] ExpectedGrams(string norm)
    {
        static uint Fnv(string s)
        {
            uint h = 2166136261;
            foreach (char c in s) h = (h ^ c) * 16777619;
            return h;
        }
        if (norm.Length <= 3) return [Fnv(norm) ^ 0x9E3779B9u];
        var padded = " " + norm + " ";
        return Enumerable.Range(0, padded.Length - 3).Select(i => Fnv(padded.Substring(i, 4))).Distinct().Order().ToArray();
    }

    private static IEnumerable<(string Id, string Text)> DemoTexts()
    {
        var demo = RepoPaths.PathTo("samples", "demo");
        foreach (var file in Directory.GetFiles(demo, "*.txt").Order(StringComparer.Ordinal))
        {
            yield return (Path.GetFileName(file), File.ReadAllText(file));
        }
        foreach (var line in File.ReadLines(Path.Combine(demo, "rewrites.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            yield return (json.RootElement.GetProperty("id").GetString()!, json.RootElement.GetProperty("text").GetString()!);
        }
    }

    /// <summary>The written words of the demo corpus in reading order (capitalised and not, repeated as in text).</summary>
    private static IEnumerable<string> Words()
    {
        var analyzer = new TextAnalyzer(Stemmer);
        foreach (var (_, text) in DemoTexts())
        {
            var model = analyzer.Analyze(text);
            foreach (var token in model.Tokens)
            {
                if (token.IsWord) yield return token.Span.Substring(text);
            }
        }
    }
}
