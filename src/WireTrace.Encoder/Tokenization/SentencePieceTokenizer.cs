using System.Text;
using System.Text.Json;

namespace WireTrace.Encoder.Tokenization;

/// <summary>
/// SentencePiece unigram tokeniser for Universal Sentence Encoder lite, matching the JS tokenizer of
/// <c>@energetic-ai/embeddings</c> (from tfjs-models) id for id: NFKC, a leading <c>▁</c> and every
/// U+0020 space replaced by <c>▁</c>, Viterbi over the piece log-probabilities (ties go to the later
/// start), an unknown symbol becomes id 0 and runs of unknowns collapse to one.
/// </summary>
/// <remarks>
/// Two quirks of the JS original are kept on purpose, because the model was fed its output: a position
/// no piece reaches keeps score 0 (so it looks best), and the back-trace steps back by a piece's UTF-16
/// length while the lattice counts code points (they differ only for astral symbols).
/// </remarks>
public sealed class SentencePieceTokenizer
{
    /// <summary>The word-boundary marker U+2581.</summary>
    public const char Separator = '\u2581';

    /// <summary>Ids below this (unk, &lt;s&gt;, &lt;/s&gt;, three extras) are never produced by matching.</summary>
    public const int ReservedCount = 6;

    private readonly string[] _pieces;
    private readonly TrieNode _root = new();

    public SentencePieceTokenizer(IReadOnlyList<(string Piece, double Score)> vocabulary)
    {
        _pieces = new string[vocabulary.Count];
        for (int i = 0; i < vocabulary.Count; i++) _pieces[i] = vocabulary[i].Piece;
        for (int i = ReservedCount; i < vocabulary.Count; i++) Insert(vocabulary[i].Piece, vocabulary[i].Score, i);
    }

    public int VocabularySize => _pieces.Length;

    /// <summary>The piece text of an id.</summary>
    public string PieceOf(int id) => _pieces[id];

    /// <summary>Reads <c>vocab.json</c>: an array of <c>[piece, logProbability]</c> pairs.</summary>
    public static SentencePieceTokenizer Load(string vocabJsonPath)
    {
        using var stream = File.OpenRead(vocabJsonPath);
        using var doc = JsonDocument.Parse(stream);
        var list = new List<(string, double)>(doc.RootElement.GetArrayLength());
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            // Seven pieces with ':' have a null score; JS arithmetic turns null into 0, so they score 0 here too.
            var score = item[1].ValueKind == JsonValueKind.Number ? item[1].GetDouble() : 0;
            list.Add((item[0].GetString() ?? "", score));
        }
        return new SentencePieceTokenizer(list);
    }

    /// <summary>The piece ids of <paramref name="text"/> (empty for an empty text).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // called per sentence: skip the tier-0 / OSR / tier-1 recompiles
    public int[] Encode(string text)
    {
        var symbols = Symbols(Preprocess(text));
        int n = symbols.Length;
        // ends[e] = candidate pieces ending at e, in increasing start order (the JS object-key order).
        var ends = new List<Candidate>?[n + 1];
        for (int i = 0; i < n; i++)
        {
            bool any = false;
            var node = _root.Child(symbols[i]);
            for (int j = i; j < n && node != null; j++)
            {
                if (node.End)
                {
                    (ends[j + 1] ??= []).Add(new Candidate(i, node.Index, node.Score));
                    any = true;
                }
                node = j + 1 < n ? node.Child(symbols[j + 1]) : null;
            }
            if (!any) (ends[i + 1] ??= []).Add(new Candidate(i, 0, 0));
        }
        var best = new double[n + 1];
        var words = new int[n + 1];
        for (int end = 0; end <= n; end++)
        {
            if (ends[end] is not { } candidates) continue;
            foreach (var c in candidates)
            {
                double score = c.Score + best[c.Start];
                if (best[end] == 0 || score >= best[end])
                {
                    best[end] = score;
                    words[end] = c.Index;
                }
            }
        }
        var reversed = new List<int>();
        for (int at = n; at > 0; at -= _pieces[words[at]].Length) reversed.Add(words[at]);
        var result = new List<int>(reversed.Count);
        bool previousUnknown = false;
        foreach (var id in reversed)
        {
            if (!(previousUnknown && id == 0)) result.Add(id);
            previousUnknown = id == 0;
        }
        result.Reverse();
        return [.. result];
    }

    /// <summary>NFKC, then <c>▁</c> before the text and in place of every space.</summary>
    internal static string Preprocess(string text)
    {
        string normalized;
        try
        {
            normalized = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            normalized = text; // ill-formed UTF-16 (lone surrogate): keep as is
        }
        return normalized.Length > 0 ? Separator + normalized.Replace(' ', Separator) : normalized;
    }

    /// <summary>Code points (a lone surrogate stays one symbol), as JS string iteration yields them.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int[] Symbols(string s)
    {
        var list = new List<int>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                list.Add(char.ConvertToUtf32(c, s[i + 1]));
                i++;
            }
            else list.Add(c);
        }
        return [.. list];
    }

    private void Insert(string piece, double score, int index)
    {
        var symbols = Symbols(piece);
        if (symbols.Length == 0) return;
        var node = _root;
        foreach (var s in symbols) node = node.GetOrAdd(s);
        node.End = true;
        node.Score = score;
        node.Index = index;
    }

    private readonly record struct Candidate(int Start, int Index, double Score);

    private sealed class TrieNode
    {
        private Dictionary<int, TrieNode>? _children;
        public bool End;
        public double Score;
        public int Index;

        public TrieNode? Child(int symbol) => _children != null && _children.TryGetValue(symbol, out var n) ? n : null;

        public TrieNode GetOrAdd(int symbol)
        {
            _children ??= [];
            if (!_children.TryGetValue(symbol, out var n)) _children[symbol] = n = new TrieNode();
            return n;
        }
    }
}
