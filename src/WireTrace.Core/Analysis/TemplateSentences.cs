using WireTrace.Core.Hashing;
using WireTrace.Core.Text;

namespace WireTrace.Core.Analysis;

/// <summary>
/// Finds the template lines of each outlet in a pile: sentences that recur, word for word, on a large share of
/// one outlet's pages ("Chat with us in Facebook Messenger.", "Be the first to know.", "Back to Gallery"). Two
/// pages of one site share them whatever their stories, so they are no evidence that one page copied the other.
/// A sentence is a template of an outlet when at least <see cref="MinDocuments"/> of the outlet's documents and at
/// least <see cref="MinShare"/> of them hold it. Counting is thread-safe; ask <see cref="IsTemplate"/> only after
/// every document of the pile has been counted. Documents without an outlet have no templates.
/// </summary>
public sealed class TemplateSentences
{
    /// <summary>A template recurs in at least this many documents of its outlet.</summary>
    public const int MinDocuments = 3;

    /// <summary>And in at least this share of them.</summary>
    public const double MinShare = 1.0 / 3;

    private readonly object _lock = new();
    private readonly Dictionary<ulong, int> _sentenceDocuments = new();
    private readonly Dictionary<string, int> _outletDocuments = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Counts the distinct sentences of one document under its outlet. Thread-safe.</summary>
    public void Count(string? outlet, TextModel model)
    {
        if (string.IsNullOrWhiteSpace(outlet)) return;
        ulong outletHash = OutletHash(outlet);
        var hashes = new HashSet<ulong>();
        for (int i = 0; i < model.Sentences.Count; i++)
        {
            if (SentenceHash(model, i, outletHash) is { } h) hashes.Add(h);
        }
        lock (_lock)
        {
            _outletDocuments[outlet] = _outletDocuments.GetValueOrDefault(outlet) + 1;
            foreach (var h in hashes) _sentenceDocuments[h] = _sentenceDocuments.GetValueOrDefault(h) + 1;
        }
    }

    /// <summary>True when sentence <paramref name="sentence"/> of a document of <paramref name="outlet"/> is one of the outlet's template lines.</summary>
    public bool IsTemplate(string? outlet, TextModel model, int sentence)
    {
        if (string.IsNullOrWhiteSpace(outlet)) return false;
        if (SentenceHash(model, sentence, OutletHash(outlet)) is not { } h) return false;
        lock (_lock)
        {
            int documents = _outletDocuments.GetValueOrDefault(outlet);
            int holding = _sentenceDocuments.GetValueOrDefault(h);
            return holding >= MinDocuments && holding >= MinShare * documents;
        }
    }

    private static ulong OutletHash(string outlet) => XxHash64.Hash(outlet.Trim().ToLowerInvariant().AsSpan());

    /// <summary>
    /// A hash of the sentence's words and numbers (case, punctuation and spacing aside) under its outlet: XXH64 chained
    /// over the XXH64 of each content token's norm (kept on the token's lexeme); null for a sentence without any.
    /// </summary>
    private static ulong? SentenceHash(TextModel model, int index, ulong outletHash)
    {
        ulong h = outletHash;
        bool any = false;
        var sentence = model.Sentences[index];
        var tokens = model.Tokens;
        for (int t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
        {
            var lexeme = tokens[t].Lexeme;
            if (lexeme.Kind is not (TokenKind.Word or TokenKind.Number)) continue;
            h = XxHash64.Hash(lexeme.NormHash, h);
            any = true;
        }
        return any ? h : null;
    }
}
