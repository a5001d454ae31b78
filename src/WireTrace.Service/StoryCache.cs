using System.Collections.Concurrent;
using WireTrace.Reports.Html;
using WireTrace.Reports.Json;
using WireTrace.Storage;

namespace WireTrace.Service;

/// <summary>
/// The stories read by <c>GET /stories/{id}</c> and <c>GET /stories/{id}/report</c>, analysed once and rendered
/// once per store version: an entry is used only while <see cref="IArticleStore.ChangeVersion"/> is the one it was
/// loaded at, so any committed write (by this process or another one on the same database) invalidates it.
/// Concurrent requests for the same story and version share one load. At most <see cref="Capacity"/> entries are
/// kept (all are dropped when it is exceeded).
/// </summary>
internal sealed class StoryCache(StoryIndexer indexer)
{
    public const int Capacity = 256;

    private readonly ConcurrentDictionary<string, CachedStory> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// A rendering of the story at the store's current version; null when there is no such story. A load or
    /// rendering that fails is not kept (the next request tries again).
    /// </summary>
    public byte[]? Read(string id, Func<CachedStory, byte[]> rendering)
    {
        long version = indexer.Store.ChangeVersion();
        if (_entries.Count >= Capacity && !_entries.ContainsKey(id)) _entries.Clear();
        var entry = _entries.AddOrUpdate(id, _ => new CachedStory(version, id, indexer), (_, old) => old.Version == version ? old : new CachedStory(version, id, indexer));
        try
        {
            return entry.Exists ? rendering(entry) : null;
        }
        catch
        {
            _entries.TryRemove(KeyValuePair.Create(id, entry));
            throw;
        }
    }
}

/// <summary>One story as loaded at one store version, with its JSON and HTML renderings made on first use.</summary>
internal sealed class CachedStory
{
    private readonly Lazy<StorySet?> _story;
    private readonly Lazy<byte[]> _json;
    private readonly Lazy<byte[]> _html;

    public CachedStory(long version, string id, StoryIndexer indexer)
    {
        Version = version;
        _story = new(() => indexer.LoadStory(id), LazyThreadSafetyMode.ExecutionAndPublication);
        _json = new(() => Render(s => ContractJsonWriter.WriteScan(s.Body, s.Set.Documents, s.Set.Stories, [], s.Set.Similarity)), LazyThreadSafetyMode.ExecutionAndPublication);
        _html = new(() => Render(s => HtmlReportWriter.WriteScan(s.Body, s.Set.Documents, s.Set.Stories, [], s.Set.Similarity)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public long Version { get; }

    public bool Exists => _story.Value != null;

    /// <summary>The scan contract for the story.</summary>
    public byte[] Json => _json.Value;

    /// <summary>The HTML report of the story.</summary>
    public byte[] Html => _html.Value;

    private byte[] Render(Action<(MemoryStream Body, StorySet Set)> write)
    {
        var body = new MemoryStream();
        write((body, _story.Value!));
        return body.ToArray();
    }
}
