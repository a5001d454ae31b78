using System.Text.RegularExpressions;
using WireTrace.Core.Hashing;
using WireTrace.Core.Text;
using WireTrace.Evaluation.Datasets;

namespace WireTrace.Evaluation.Synthetic;

/// <summary>How a planted document was made from its source.</summary>
public enum PlantedKind
{
    /// <summary>The whole source with light edits (a paragraph dropped, a few words changed): a near-duplicate.</summary>
    Copy,
    /// <summary>3-6 consecutive sentences of the source, alone: an excerpt.</summary>
    Excerpt,
    /// <summary>3-5 source sentences, half of them with one word changed, inside a long unrelated article.</summary>
    PartialRewrite,
}

/// <summary>A planted pair: <see cref="Derived"/> was made from <see cref="Source"/> (document indexes).</summary>
public readonly record struct PlantedPair(int Source, int Derived, PlantedKind Kind);

/// <summary>
/// A corpus of any size for the retrieval benchmark, built from real Reuters-21578 text. Background documents
/// recombine real paragraphs (250-800 words each), walking through a seeded permutation of all paragraphs;
/// once every paragraph has been used, the next pass walks a new permutation and swaps every content word for
/// another of nearly the same frequency (within blocks of 64 by rank, stopwords, numbers and punctuation kept),
/// so text stays statistically like news while passes do not share passages by accident. A share of documents
/// (<c>plantRate</c>) is planted instead: a copy, an excerpt or a partial rewrite of an earlier background
/// document (<see cref="PlantedKind"/>), recorded in <see cref="Planted"/>. Texts are generated on demand from
/// (seed, index), so any document can be made on any thread, and the corpus is the same for a given seed.
/// </summary>
public sealed partial class BenchCorpus
{
    private const int BandSize = 64;
    private readonly string[][] _paragraphs; // sentences of each distinct paragraph
    private readonly int[] _paragraphWords;
    private readonly string[] _vocabulary; // content words by falling frequency
    private readonly Dictionary<string, int> _rank;
    private readonly ulong _seed;
    private readonly long[] _streamStart; // background: position of the first paragraph in the paragraph stream
    private readonly int[] _paragraphCount;
    private readonly PlantedPair?[] _planted;

    public BenchCorpus(IReadOnlyList<string> paragraphs, int documents, double plantRate, ulong seed)
    {
        if (documents < 1) throw new ArgumentOutOfRangeException(nameof(documents));
        _seed = seed;
        var distinct = paragraphs.Where(p => p.Split(' ').Length >= 8).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count < 10) throw new ArgumentException("too little text to build a corpus from", nameof(paragraphs));
        _paragraphs = distinct.Select(p => SimpleSentenceSplitter.Split(p).ToArray()).ToArray();
        _paragraphWords = distinct.Select(p => p.Split(' ').Length).ToArray();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in distinct)
        {
            foreach (Match m in WordPattern().Matches(p))
            {
                var w = m.Value.ToLowerInvariant();
                if (w.Length >= 3 && !Stopwords.Contains(w)) counts[w] = counts.GetValueOrDefault(w) + 1;
            }
        }
        _vocabulary = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToArray();
        _rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < _vocabulary.Length; r++) _rank[_vocabulary[r]] = r;

        Count = documents;
        _streamStart = new long[documents];
        _paragraphCount = new int[documents];
        _planted = new PlantedPair?[documents];
        var planted = new List<PlantedPair>();
        long stream = 0;
        for (int i = 0; i < documents; i++)
        {
            var random = RandomFor(i, 0);
            if (i >= 10 && random.Chance(plantRate))
            {
                for (int attempt = 0; attempt < 20; attempt++)
                {
                    int source = random.Next(i);
                    if (_planted[source] != null) continue;
                    var kind = (PlantedKind)random.Next(3);
                    _planted[i] = new PlantedPair(source, i, kind);
                    planted.Add(_planted[i]!.Value);
                    break;
                }
            }
            // Every document reserves background text: the planted partial rewrites use theirs as the host article.
            int targetWords = random.Between(250, 800);
            _streamStart[i] = stream;
            int words = 0, n = 0;
            while (words < targetWords)
            {
                words += _paragraphWords[ParagraphAt(stream + n)];
                n++;
            }
            _paragraphCount[i] = n;
            stream += n;
        }
        Planted = planted;
    }

    /// <summary>Documents in the corpus.</summary>
    public int Count { get; }

    /// <summary>The planted pairs, by derived index.</summary>
    public IReadOnlyList<PlantedPair> Planted { get; }

    /// <summary>Distinct real paragraphs the corpus is made from.</summary>
    public int ParagraphCount => _paragraphs.Length;

    /// <summary>A stable id for document <paramref name="index"/>.</summary>
    public static string IdOf(int index) => $"doc-{index:D7}";

    /// <summary>Builds a corpus from the Reuters-21578 stories in <paramref name="directory"/>.</summary>
    public static BenchCorpus FromReuters(string directory, int documents, double plantRate, ulong seed)
    {
        var paragraphs = new Reuters21578Dataset(directory).ReadStories().SelectMany(s => s.Paragraphs).ToList();
        return new BenchCorpus(paragraphs, documents, plantRate, seed);
    }

    /// <summary>The text of document <paramref name="index"/> (thread-safe, deterministic).</summary>
    public string Text(int index)
    {
        if (_planted[index] is not { } planted) return string.Join("\n\n", Background(index).Select(p => string.Join(' ', p)));
        var random = RandomFor(index, 1);
        var source = Background(planted.Source);
        switch (planted.Kind)
        {
            case PlantedKind.Copy:
            {
                var paragraphs = source.Select(p => p.ToArray()).ToList();
                if (paragraphs.Count >= 4 && random.Chance(0.5)) paragraphs.RemoveAt(paragraphs.Count - 1);
                int edits = random.Between(1, 3);
                for (int e = 0; e < edits; e++)
                {
                    var p = paragraphs[random.Next(paragraphs.Count)];
                    int s = random.Next(p.Length);
                    p[s] = EditOneWord(p[s], random);
                }
                return string.Join("\n\n", paragraphs.Select(p => string.Join(' ', p)));
            }
            case PlantedKind.Excerpt:
            {
                var reused = PickSentences(source, random.Between(3, 6), random);
                return string.Join(' ', reused);
            }
            default:
            {
                var reused = PickSentences(source, random.Between(3, 5), random)
                    .Select(s => random.Chance(0.5) ? EditOneWord(s, random) : s)
                    .ToList();
                // The host article is this document's own background text, with words swapped so it is unique.
                var host = Background(index, hostKey: index + 1).Select(p => string.Join(' ', p)).ToList();
                host.Insert(1 + random.Next(host.Count), string.Join(' ', reused));
                return string.Join("\n\n", host);
            }
        }
    }

    /// <summary>
    /// Consecutive real sentences: at least six words, ending with . ! ? or a closing quote (wire tables such as
    /// "Shr 12 cts vs 10 cts" have no full stop and would run into the next sentence); any, when too few qualify.
    /// </summary>
    private static List<string> PickSentences(List<string[]> paragraphs, int count, SeededRandom random)
    {
        var all = paragraphs.SelectMany(p => p).ToList();
        var longer = all.Where(s => s.Split(' ').Length >= 6 && s[^1] is '.' or '!' or '?' or '"' or '\u201D').ToList();
        var pool = longer.Count >= count ? longer : all;
        count = Math.Min(count, pool.Count);
        int start = random.Next(pool.Count - count + 1);
        return pool.GetRange(start, count);
    }

    private string EditOneWord(string sentence, SeededRandom random)
    {
        var words = WordPattern().Matches(sentence).Where(m => m.Length >= 4 && !Stopwords.Contains(m.Value.ToLowerInvariant())).ToList();
        if (words.Count == 0) return sentence;
        var target = words[random.Next(words.Count)];
        var replacement = _vocabulary[random.Next(Math.Min(_vocabulary.Length, 5000))];
        return sentence[..target.Index] + replacement + sentence[(target.Index + target.Length)..];
    }

    /// <summary>The background paragraphs (as sentences) of document <paramref name="index"/>.</summary>
    private List<string[]> Background(int index, long hostKey = 0)
    {
        var result = new List<string[]>(_paragraphCount[index]);
        for (int k = 0; k < _paragraphCount[index]; k++)
        {
            long position = _streamStart[index] + k;
            long pass = position / _paragraphs.Length;
            ulong key = hostKey != 0 ? 0x8000_0000_0000_0000UL | (ulong)hostKey : (ulong)pass;
            var sentences = _paragraphs[ParagraphAt(position)];
            result.Add(key == 0 ? sentences : sentences.Select(s => SwapWords(s, key)).ToArray());
        }
        return result;
    }

    /// <summary>The paragraph at a position of the stream: pass p walks the affine permutation q → (a·q + c) mod P.</summary>
    private int ParagraphAt(long position)
    {
        long p = _paragraphs.Length;
        long pass = position / p, q = position % p;
        if (pass == 0 && _seed == 0) return (int)q;
        ulong h = XxHash64.Hash((ulong)pass, _seed);
        long a = (long)(h % (ulong)p) | 1;
        while (Gcd(a, p) != 1) a += 2;
        long c = (long)((h >> 32) % (ulong)p);
        return (int)((a * q + c) % p);
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    /// <summary>Swaps every content word for another of nearly the same rank, keeping its case pattern.</summary>
    private string SwapWords(string sentence, ulong key) => WordPattern().Replace(sentence, m =>
    {
        var lower = m.Value.ToLowerInvariant();
        if (!_rank.TryGetValue(lower, out int rank)) return m.Value;
        int band = rank / BandSize;
        if ((band + 1) * BandSize > _vocabulary.Length) return m.Value; // the short last block stays
        ulong h = XxHash64.Hash(((ulong)band << 32) ^ key, _seed);
        int a = (int)(h & 63) | 1, c = (int)((h >> 8) & 63);
        var word = _vocabulary[band * BandSize + ((rank % BandSize) * a + c) % BandSize];
        if (m.Value.All(char.IsUpper) && m.Value.Length > 1) return word.ToUpperInvariant();
        return char.IsUpper(m.Value[0]) ? char.ToUpperInvariant(word[0]) + word[1..] : word;
    });

    private SeededRandom RandomFor(int index, int stream) => new(XxHash64.Hash(((ulong)index << 8) | (uint)stream, _seed));

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex WordPattern();
}
