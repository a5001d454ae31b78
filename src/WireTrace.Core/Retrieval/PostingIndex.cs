using System.Buffers;

namespace WireTrace.Core.Retrieval;

/// <summary>
/// A multimap from 32-bit keys (hashes) to postings built for size and for parallel writes. Keys are split
/// by their top bits into <see cref="Shards"/> shards; each shard has a small mutable <see cref="PostingTable"/>
/// for recent postings and a bit-packed frozen segment (<see cref="PackedPostings"/>, about 4-5 bytes per
/// posting), into which the table is merged when it holds half as many postings as the segment (so a posting is
/// re-packed about 3 times while the index grows; a growing index may hold up to a third of its postings in the
/// tables, at about 12 bytes each, until <see cref="Freeze"/>). Merges work in pooled arrays. Shards are
/// independent, so <see cref="AddMany"/> and <see cref="Freeze"/> give each thread its own shards: no locks,
/// and the content does not depend on the thread count or the order of the postings.
/// A key that reaches <see cref="MaxPostingsPerKey"/> postings is saturated: <see cref="Find"/> says so, and
/// at the next merge its postings are dropped and only the mark is kept (a removal does not undo it).
/// Writes are single-threaded (each call may use many threads inside); concurrent reads are safe between writes.
/// </summary>
public sealed class PostingIndex
{
    /// <summary>Bits of the key that choose the shard.</summary>
    public const int ShardBits = 6;

    /// <summary>Number of shards.</summary>
    public const int Shards = 1 << ShardBits;

    /// <summary>Postings a shard's mutable table may hold before it is merged, at the least.</summary>
    public const int MergeThreshold = 4096;

    private readonly Shard[] _shards;

    public PostingIndex(int maxPostingsPerKey, bool withPositions)
    {
        if (maxPostingsPerKey < 1) throw new ArgumentOutOfRangeException(nameof(maxPostingsPerKey));
        MaxPostingsPerKey = maxPostingsPerKey;
        WithPositions = withPositions;
        _shards = new Shard[Shards];
        for (int s = 0; s < Shards; s++) _shards[s] = new Shard(this);
    }

    public int MaxPostingsPerKey { get; }

    public bool WithPositions { get; }

    /// <summary>Postings held (those of saturated keys not counted once merged).</summary>
    public int Count => _shards.Sum(s => s.Count);

    public long Bytes => _shards.Sum(s => s.Bytes);

    /// <summary>The shard of a key.</summary>
    public static int ShardOf(uint key) => (int)(key >> (32 - ShardBits));

    /// <summary>Adds a posting.</summary>
    public void Add(uint key, int doc, ushort position = 0) => _shards[ShardOf(key)].Add(key, doc, position);

    /// <summary>
    /// Adds the first <paramref name="count"/> postings of the arrays (<paramref name="positions"/> may be null
    /// without positions), each thread filling its own range of shards. The postings are first grouped by shard
    /// (stably, so each shard receives them in the same order as one by one), so a thread fills one shard's table
    /// at a time while it is in cache instead of jumping between all of its shards' tables at every posting.
    /// </summary>
    public void AddMany(uint[] keys, int[] docs, ushort[]? positions, int count, int maxDegreeOfParallelism = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Math.Min(keys.Length, docs.Length));
        for (int i = 0; i < count; i++) PostingTable.CheckDoc(docs[i]);
        int partitions = Math.Clamp(maxDegreeOfParallelism <= 0 ? Environment.ProcessorCount : maxDegreeOfParallelism, 1, Shards);
        if (partitions == 1 || count < 4096)
        {
            for (int i = 0; i < count; i++) Add(keys[i], docs[i], positions?[i] ?? 0);
            return;
        }
        var shardStarts = new int[Shards + 1];
        for (int i = 0; i < count; i++) shardStarts[ShardOf(keys[i]) + 1]++;
        for (int s = 0; s < Shards; s++) shardStarts[s + 1] += shardStarts[s];
        var byShard = ArrayPool<int>.Shared.Rent(count);
        try
        {
            Span<int> next = stackalloc int[Shards];
            shardStarts.AsSpan(0, Shards).CopyTo(next);
            for (int i = 0; i < count; i++) byShard[next[ShardOf(keys[i])]++] = i;
            Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = partitions }, p =>
            {
                for (int s = p * Shards / partitions, last = (p + 1) * Shards / partitions; s < last; s++)
                {
                    var shard = _shards[s];
                    for (int j = shardStarts[s]; j < shardStarts[s + 1]; j++)
                    {
                        int i = byShard[j];
                        shard.Add(keys[i], docs[i], positions?[i] ?? 0);
                    }
                }
            });
        }
        finally
        {
            ArrayPool<int>.Shared.Return(byShard);
        }
    }

    /// <summary>Merges every shard's mutable postings into its packed segment and releases the mutable tables' space.</summary>
    public void Freeze(int maxDegreeOfParallelism = -1) =>
        Parallel.For(0, Shards, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, s => _shards[s].Merge(keepTable: false));

    /// <summary>
    /// Copies the postings of <paramref name="key"/> into <paramref name="buffer"/> (length at least
    /// <see cref="MaxPostingsPerKey"/>) and returns how many; <see cref="MaxPostingsPerKey"/> means saturated.
    /// </summary>
    public int Find(uint key, Span<Posting> buffer) => _shards[ShardOf(key)].Find(key, buffer);

    /// <summary>Drops every posting whose document fails <paramref name="keep"/>.</summary>
    public void Retain(Func<int, bool> keep)
    {
        foreach (var shard in _shards) shard.Retain(keep);
    }

    private sealed class Shard(PostingIndex owner)
    {
        private PostingTable _recent = NewTable(owner);
        private PackedPostings _frozen = PackedPostings.Empty;

        public int Count => _frozen.Count + _recent.Count;

        public long Bytes => _frozen.Bytes + _recent.Bytes;

        private static PostingTable NewTable(PostingIndex owner) => new(owner.MaxPostingsPerKey, owner.WithPositions, initialCapacity: 64, sharedTopBits: ShardBits);

        public void Add(uint key, int doc, ushort position)
        {
            _recent.Add(key, doc, position, 0); // false: the table alone holds the maximum for this key, it is saturated
            if (_recent.Count >= Math.Max(MergeThreshold, _frozen.Count / 2)) Merge(keepTable: true);
        }

        public int Find(uint key, Span<Posting> buffer)
        {
            int max = owner.MaxPostingsPerKey;
            int n = _frozen.Find(key, buffer[..max]);
            if (n < 0 || n >= max) return max;
            n += _recent.Find(key, buffer[n..max]);
            return n;
        }

        /// <summary>
        /// Packs the mutable postings into the segment. The work arrays come from the shared pool, so growing an
        /// index allocates little more than its packed segments; <paramref name="keepTable"/> keeps the emptied
        /// table's arrays for the next postings (while growing) instead of shrinking it (when freezing).
        /// </summary>
        public void Merge(bool keepTable)
        {
            if (_recent.Count == 0)
            {
                if (!keepTable && _recent.Capacity > 64) _recent = NewTable(owner);
                return;
            }
            int old = _frozen.EntryCount, total = old + _recent.Count;
            var entries = ArrayPool<ulong>.Shared.Rent(total);
            var positions = ArrayPool<ushort>.Shared.Rent(total);
            ulong[]? merged = null;
            ushort[]? mergedPositions = null;
            try
            {
                _frozen.CopyTo(entries.AsSpan(0, old), positions.AsSpan(0, old));
                _recent.CopySortedTo(entries.AsSpan(old, total - old), positions.AsSpan(old, total - old));
                if (old == 0)
                {
                    _frozen = PackedPostings.Build(entries.AsSpan(0, total), positions.AsSpan(0, total), owner.MaxPostingsPerKey, owner.WithPositions);
                }
                else
                {
                    merged = ArrayPool<ulong>.Shared.Rent(total);
                    mergedPositions = ArrayPool<ushort>.Shared.Rent(total);
                    MergeRuns(entries, positions, old, total, merged, mergedPositions);
                    _frozen = PackedPostings.Build(merged.AsSpan(0, total), mergedPositions.AsSpan(0, total), owner.MaxPostingsPerKey, owner.WithPositions);
                }
            }
            finally
            {
                ArrayPool<ulong>.Shared.Return(entries);
                ArrayPool<ushort>.Shared.Return(positions);
                if (merged != null) ArrayPool<ulong>.Shared.Return(merged);
                if (mergedPositions != null) ArrayPool<ushort>.Shared.Return(mergedPositions);
            }
            if (keepTable) _recent.Clear();
            else _recent = NewTable(owner);
        }

        /// <summary>Merges the sorted runs [0, split) and [split, end) of <paramref name="entries"/> into <paramref name="merged"/>.</summary>
        private static void MergeRuns(ulong[] entries, ushort[] positions, int split, int end, ulong[] merged, ushort[] mergedPositions)
        {
            int i = 0, j = split, w = 0;
            while (i < split && j < end)
            {
                if (entries[i] <= entries[j]) { merged[w] = entries[i]; mergedPositions[w++] = positions[i++]; }
                else { merged[w] = entries[j]; mergedPositions[w++] = positions[j++]; }
            }
            while (i < split) { merged[w] = entries[i]; mergedPositions[w++] = positions[i++]; }
            while (j < end) { merged[w] = entries[j]; mergedPositions[w++] = positions[j++]; }
        }

        public void Retain(Func<int, bool> keep)
        {
            _recent.Retain(keep);
            if (_frozen.EntryCount == 0) return;
            var entries = new ulong[_frozen.EntryCount];
            var positions = new ushort[entries.Length];
            _frozen.CopyTo(entries, positions);
            int w = 0;
            for (int i = 0; i < entries.Length; i++)
            {
                uint stored = (uint)entries[i];
                if (stored != 0 && !keep((int)(stored - 1))) continue; // saturated marks stay
                entries[w] = entries[i];
                positions[w++] = positions[i];
            }
            _frozen = PackedPostings.Build(entries.AsSpan(0, w), positions.AsSpan(0, w), owner.MaxPostingsPerKey, owner.WithPositions);
        }
    }
}
