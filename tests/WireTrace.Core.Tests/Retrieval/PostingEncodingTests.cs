using WireTrace.Core.Retrieval;

namespace WireTrace.Core.Tests.Retrieval;

public sealed class BitCodecTests
{
    [Fact]
    public void Fields_rice_and_gamma_codes_read_back_including_edge_values()
    {
        var writer = new BitWriter(initialBytes: 1); // grows many times
        var random = new Random(9);
        var expected = new List<(int Kind, ulong Value, int Bits)>();
        ulong[] edges = [0, 1, 2, 31, 32, 33, 63, 64, 127, 128, 1000, uint.MaxValue, (1UL << 40) + 3];
        foreach (ulong v in edges)
        {
            expected.Add((0, v & ((1UL << 57) - 1), 57));
            if (v <= 100_000) expected.Add((1, v, 3)); // a Rice code of a huge value is a huge unary run
            if (v > 0) expected.Add((2, v, 0));
        }
        for (int i = 0; i < 5000; i++)
        {
            int bits = random.Next(0, 58);
            ulong value = (ulong)random.NextInt64() & (bits == 0 ? 0 : (1UL << bits) - 1);
            expected.Add((0, value, bits));
            expected.Add((1, (ulong)random.Next(0, 300), random.Next(0, 8)));
            expected.Add((2, (ulong)random.Next(1, 100_000), 0));
        }
        foreach (var (kind, value, bits) in expected)
        {
            if (kind == 0) writer.Write(value, bits);
            else if (kind == 1) writer.WriteRice(value, bits);
            else writer.WriteGamma(value);
        }
        long length = writer.BitLength;
        var bytes = writer.ToArray();
        Assert.Equal((length + 7) / 8 + 8, bytes.Length); // padded for whole-word reads
        var reader = new BitReader(bytes);
        foreach (var (kind, value, bits) in expected)
        {
            ulong read = kind == 0 ? reader.Read(bits) : kind == 1 ? reader.ReadRice(bits) : reader.ReadGamma();
            Assert.Equal(value, read);
        }
        Assert.Equal(length, reader.Position);
    }

    [Fact]
    public void Long_unary_runs_cross_word_boundaries()
    {
        var writer = new BitWriter();
        writer.Write(1, 3);
        writer.WriteRice(200, 0);  // 200 zeros, then a one
        writer.WriteRice(130, 1);
        writer.Write(5, 3);
        var reader = new BitReader(writer.ToArray());
        Assert.Equal(1UL, reader.Read(3));
        Assert.Equal(200UL, reader.ReadRice(0));
        Assert.Equal(130UL, reader.ReadRice(1));
        Assert.Equal(5UL, reader.Read(3));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        var writer = new BitWriter();
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteGamma(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write(1, 58));
        Assert.Equal(8, writer.ToArray().Length); // nothing written: padding only
    }
}

public sealed class PackedPostingsTests
{
    private static (ulong[] Entries, ushort[] Positions) Sorted(IEnumerable<(uint Key, int Doc, ushort Position)> postings)
    {
        var list = postings.Select(p => (Entry: ((ulong)p.Key << 32) | (uint)(p.Doc + 1), p.Position)).OrderBy(p => p.Entry).ThenBy(p => p.Position).ToList();
        return (list.Select(p => p.Entry).ToArray(), list.Select(p => p.Position).ToArray());
    }

    [Fact]
    public void Finds_every_key_with_its_documents_and_positions_and_round_trips()
    {
        var random = new Random(4);
        var postings = new List<(uint, int, ushort)>();
        for (int i = 0; i < 20_000; i++) postings.Add(((uint)random.Next(0, 50_000) * 7919u, random.Next(0, 3_000_000), (ushort)random.Next(0, 200)));
        postings.Add((0, 0, 0));                       // smallest key, document and position
        postings.Add((uint.MaxValue, int.MaxValue - 1, ushort.MaxValue)); // largest
        postings = postings.DistinctBy(p => (p.Item1, p.Item2)).ToList();
        var (entries, positions) = Sorted(postings);
        var packed = PackedPostings.Build(entries, positions, maxPerKey: 1000, withPositions: true);

        Assert.Equal(postings.Count, packed.Count);
        // Keys bunched in a tenth of the key space, 22-bit documents, positions to 200: about 6 bytes a posting.
        Assert.True(packed.Bytes < postings.Count * 8, $"{packed.Bytes} bytes for {postings.Count} postings");
        var buffer = new Posting[1000];
        foreach (var group in postings.GroupBy(p => p.Item1).Take(5000))
        {
            int n = packed.Find(group.Key, buffer);
            Assert.Equal(group.OrderBy(p => p.Item2).Select(p => new Posting(p.Item2, p.Item3)), buffer.Take(n));
        }
        var keys = postings.Select(p => p.Item1).ToHashSet();
        for (uint probe = 1; probe < 200_000; probe += 13)
        {
            if (!keys.Contains(probe)) Assert.Equal(0, packed.Find(probe, buffer));
        }

        var copied = new ulong[packed.EntryCount];
        var copiedPositions = new ushort[packed.EntryCount];
        packed.CopyTo(copied, copiedPositions);
        Assert.Equal(entries, copied);
        Assert.Equal(positions, copiedPositions);
    }

    [Fact]
    public void Keys_at_the_maximum_are_saturated_and_marks_survive_a_rebuild()
    {
        var postings = new List<(uint, int, ushort)>();
        for (int d = 0; d < 5; d++) postings.Add((77, d, 0));  // exactly the maximum: saturated
        for (int d = 0; d < 4; d++) postings.Add((78, d, 1));  // one under: kept
        postings.Add((79, 3, 2));
        var (entries, positions) = Sorted(postings);
        var packed = PackedPostings.Build(entries, positions, maxPerKey: 5, withPositions: false);
        var buffer = new Posting[5];
        Assert.Equal(-1, packed.Find(77, buffer));
        Assert.Equal(4, packed.Find(78, buffer));
        Assert.Equal(new Posting(3, 0), buffer[0] with { Doc = 3 }); // positions are not stored: 0
        Assert.Equal(1, packed.Find(79, buffer));
        Assert.Equal(5, packed.Count);
        Assert.Equal(1, packed.SaturatedKeys);

        // The saturated mark is an entry of its own (document + 1 = 0): a rebuild keeps it.
        var copied = new ulong[packed.EntryCount];
        packed.CopyTo(copied, new ushort[copied.Length]);
        Assert.Equal(77UL << 32, copied[0]);
        var rebuilt = PackedPostings.Build(copied, new ushort[copied.Length], maxPerKey: 5, withPositions: false);
        Assert.Equal(-1, rebuilt.Find(77, buffer));
        Assert.Equal(4, rebuilt.Find(78, buffer));
    }

    [Fact]
    public void Empty_and_single_posting_segments_work()
    {
        var buffer = new Posting[4];
        Assert.Equal(0, PackedPostings.Empty.Find(12345, buffer));
        Assert.Equal(0, PackedPostings.Build([], [], 4, true).Count);
        var one = PackedPostings.Build([(5UL << 32) | 1], [9], 4, withPositions: true);
        Assert.Equal(1, one.Find(5, buffer));
        Assert.Equal(new Posting(0, 9), buffer[0]);
        Assert.Equal(0, one.Find(4, buffer));
        Assert.Equal(0, one.Find(6, buffer));
        Assert.Throws<ArgumentException>(() => PackedPostings.Build([2UL << 32, 1UL << 32], [0, 0], 4, false));
    }
}

public sealed class PostingIndexTests
{
    [Fact]
    public void Matches_a_dictionary_model_across_merges_freezes_and_removals()
    {
        var index = new PostingIndex(maxPostingsPerKey: 5, withPositions: true);
        var random = new Random(3);
        var model = new Dictionary<uint, List<Posting>>();
        for (int doc = 0; doc < 30_000; doc++)
        {
            for (int a = 0; a < 5; a++)
            {
                // Keys spread over all shards, a few of them shared by many documents.
                uint key = (uint)random.Next(0, 40_000) * 107_377u;
                index.Add(key, doc, (ushort)a);
                (model.TryGetValue(key, out var l) ? l : model[key] = []).Add(new Posting(doc, (ushort)a));
            }
            if (doc == 20_000) index.Freeze(); // some keys now span the packed segment and the recent table
        }
        var buffer = new Posting[5];
        void Check(Func<Posting, bool> live)
        {
            foreach (var (key, list) in model)
            {
                int n = index.Find(key, buffer);
                if (list.Count >= 5) Assert.Equal(5, n); // saturated whatever removals followed
                else Assert.Equal(list.Where(live).OrderBy(p => p.Doc).ThenBy(p => p.Position), buffer.Take(n).OrderBy(p => p.Doc).ThenBy(p => p.Position));
            }
        }
        Check(_ => true);
        Assert.Equal(0, index.Find(99_999, buffer));
        index.Freeze();
        Check(_ => true);
        Assert.Equal(model.Values.Where(l => l.Count < 5).Sum(l => l.Count), index.Count);
        Assert.True(index.Bytes < index.Count * 6 + 100_000, $"{index.Bytes} bytes for {index.Count} postings");
        index.Retain(d => d % 2 == 0);
        Check(p => p.Doc % 2 == 0);
    }

    [Fact]
    public void Growing_past_many_merges_keeps_every_posting_and_freezing_releases_the_tables()
    {
        // 1.2 million postings: each shard's table fills and is merged (into pooled arrays, then emptied and
        // reused) several times while the index grows.
        var index = new PostingIndex(maxPostingsPerKey: 8, withPositions: true);
        var random = new Random(5);
        var model = new Dictionary<uint, List<Posting>>();
        for (int doc = 0; doc < 300_000; doc++)
        {
            for (int a = 0; a < 4; a++)
            {
                uint key = (uint)random.NextInt64(0, uint.MaxValue);
                if (doc % 1000 == 0) key = 77u * (uint)a; // a few keys shared by many documents: saturated
                index.Add(key, doc, (ushort)a);
                (model.TryGetValue(key, out var l) ? l : model[key] = []).Add(new Posting(doc, (ushort)a));
            }
        }
        long growing = index.Bytes;
        var buffer = new Posting[8];
        void Check()
        {
            foreach (var (key, list) in model)
            {
                if (key % 13 != 0 && list.Count < 8) continue; // a sample of the keys, and every saturated one
                int n = index.Find(key, buffer);
                if (list.Count >= 8) Assert.Equal(8, n);
                else Assert.Equal(list, buffer.Take(n).OrderBy(p => p.Doc).ThenBy(p => p.Position));
            }
        }
        Check();
        index.Freeze();
        Check();
        Assert.True(index.Bytes < growing, $"{index.Bytes} bytes frozen, {growing} while growing");
        Assert.True(index.Bytes < index.Count * 6L, $"{index.Bytes} bytes for {index.Count} postings");
    }

    [Fact]
    public void Adding_many_on_several_threads_equals_adding_one_by_one_in_any_order()
    {
        var random = new Random(11);
        int count = 60_000;
        var keys = new uint[count];
        var docs = new int[count];
        var positions = new ushort[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = (uint)random.NextInt64(0, uint.MaxValue) | (i % 10 == 0 ? 0u : 0u);
            if (i % 7 == 0) keys[i] = (uint)(i % 50) * 86_028_121u; // common keys, some saturated
            docs[i] = i / 6;
            positions[i] = (ushort)(i % 6);
        }
        var one = new PostingIndex(20, withPositions: true);
        for (int i = count - 1; i >= 0; i--) one.Add(keys[i], docs[i], positions[i]);
        var many = new PostingIndex(20, withPositions: true);
        many.AddMany(keys, docs, positions, count, maxDegreeOfParallelism: 3);
        one.Freeze(1);
        many.Freeze(4);
        Assert.Equal(one.Count, many.Count);
        Assert.Equal(one.Bytes, many.Bytes);
        var a = new Posting[20];
        var b = new Posting[20];
        foreach (uint key in keys.Distinct())
        {
            int n = one.Find(key, a);
            Assert.Equal(n, many.Find(key, b));
            Assert.Equal(a.Take(n), b.Take(n));
        }
    }
}

public sealed class PostingTableTests
{
    [Theory]
    [InlineData(0, 3_000)]
    [InlineData(6, 3_000)]
    [InlineData(6, 50)]
    public void Sorted_copy_lists_every_posting_in_key_then_document_order(int sharedTopBits, int postings)
    {
        var random = new Random(postings + sharedTopBits);
        var table = new PostingTable(maxPostingsPerKey: 4, withPositions: true, initialCapacity: 16, sharedTopBits: sharedTopBits);
        uint shard = sharedTopBits == 0 ? 0 : 37u << (32 - sharedTopBits);
        uint below = sharedTopBits == 0 ? uint.MaxValue : (1u << (32 - sharedTopBits)) - 1;
        var expected = new List<(ulong Entry, ushort Position)>();
        var perKey = new Dictionary<uint, int>();
        for (int doc = 0; doc < postings; doc++)
        {
            // Keys anywhere below the shard bits, many at the very top (their probe runs wrap to the start), some repeated.
            uint low = doc % 5 == 0 ? below - (uint)random.Next(0, 40) : (uint)random.NextInt64(0, (long)below + 1);
            uint key = shard | (doc % 7 == 0 ? below / 3 : low);
            ushort position = (ushort)random.Next(0, 100);
            bool added = table.Add(key, doc, position);
            perKey[key] = perKey.GetValueOrDefault(key) + 1;
            Assert.Equal(perKey[key] <= 4, added); // a key holds at most 4
            if (added) expected.Add((((ulong)key << 32) | (uint)(doc + 1), position));
        }
        var entries = new ulong[table.Count];
        var positions = new ushort[table.Count];
        table.CopySortedTo(entries, positions);
        expected.Sort((x, y) => x.Entry.CompareTo(y.Entry));
        Assert.Equal(expected.Select(e => e.Entry), entries);
        Assert.Equal(expected.Select(e => e.Position), positions);
    }

    [Fact]
    public void Keys_that_do_not_spread_fall_back_to_a_general_sort()
    {
        // Every key has the same home slot (they differ only in their lowest bits): probe runs as long as the table.
        var table = new PostingTable(maxPostingsPerKey: 2, withPositions: false, initialCapacity: 16);
        var expected = new List<ulong>();
        for (int i = 0; i < 4_000; i++)
        {
            uint key = (uint)(3_999 - i); // inserted in descending key order: the slot order is the reverse of the sorted order
            Assert.True(table.Add(key, i));
            expected.Add(((ulong)key << 32) | (uint)(i + 1));
        }
        var entries = new ulong[table.Count];
        table.CopySortedTo(entries, new ushort[table.Count]);
        expected.Sort();
        Assert.Equal(expected, entries);
    }

    [Fact]
    public void Insertion_sort_sorts_within_its_budget_and_gives_up_beyond_it()
    {
        ulong[] nearly = [1, 3, 2, 4, 6, 5, 7];
        ushort[] tags = [10, 30, 20, 40, 60, 50, 70];
        Assert.True(PostingOrder.TryInsertionSort(nearly, tags, maxMoves: 2));
        Assert.Equal([1UL, 2, 3, 4, 5, 6, 7], nearly);
        Assert.Equal([(ushort)10, 20, 30, 40, 50, 60, 70], tags);

        ulong[] reversed = [9, 8, 7, 6, 5, 4, 3, 2, 1];
        ushort[] reversedTags = [9, 8, 7, 6, 5, 4, 3, 2, 1];
        Assert.False(PostingOrder.TryInsertionSort(reversed, reversedTags, maxMoves: 5));
        Assert.Equal(Enumerable.Range(1, 9).Select(i => (ulong)i), reversed.Order());
        Assert.Equal(reversed.Select(e => (ushort)e), reversedTags); // positions moved with their entries
    }
}
