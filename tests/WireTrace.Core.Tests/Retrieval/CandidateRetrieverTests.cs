using WireTrace.Core.Fingerprints;
using WireTrace.Core.Retrieval;
using WireTrace.Core.Tests.Fingerprints;

namespace WireTrace.Core.Tests.Retrieval;

public sealed class CandidateRetrieverTests
{
    private static (CandidateRetriever Retriever, List<List<string>> Docs) Indexed(int count, int seed)
    {
        var text = new SyntheticText(seed);
        var retriever = new CandidateRetriever();
        var docs = new List<List<string>>();
        for (int d = 0; d < count; d++)
        {
            var sentences = text.Sentences(text.Next(15) + 15);
            docs.Add(sentences);
            retriever.Add(d, FingerprintTestCorpus.Fingerprint(sentences));
        }
        return (retriever, docs);
    }

    [Fact]
    public void Anchor_index_finds_a_three_sentence_reuse_inside_a_long_unrelated_article()
    {
        var (retriever, docs) = Indexed(400, 5);
        var text = new SyntheticText(99);
        var source = docs[123];
        // 40 sentences of other text with three source sentences in the middle, one of them lightly edited.
        var derived = text.Sentences(40);
        var edited = source[8].Replace(source[8].Split(' ')[4], "substitutex");
        derived.InsertRange(20, [source[7], edited, source[9]]);
        var query = FingerprintTestCorpus.Fingerprint(derived);

        var match = Assert.Single(retriever.Query(query), m => m.DocId == 123);
        Assert.True(match.SharedAnchors >= 4, $"shared {match.SharedAnchors}");
        Assert.Equal(0, match.LshBands); // whole-document similarity is low: LSH alone would miss it
        Assert.InRange(match.QueryFirstSentence, 20, 22);
        Assert.InRange(match.QueryLastSentence, 20, 22);
        Assert.InRange(match.CandidateFirstSentence, 7, 9);
        Assert.InRange(match.CandidateLastSentence, 7, 9);
        Assert.True(match.QueryContainment < 0.15, $"query containment {match.QueryContainment}");
        Assert.True(match.CandidateContainment > match.QueryContainment);
        Assert.True(retriever.Query(query).Count <= 2, "unrelated documents were proposed");
    }

    [Fact]
    public void An_excerpt_is_contained_in_its_source_and_not_the_reverse()
    {
        var (retriever, docs) = Indexed(50, 8);
        var excerpt = FingerprintTestCorpus.Fingerprint(docs[10].Take(5));
        var match = Assert.Single(retriever.Query(excerpt));
        Assert.Equal(10, match.DocId);
        Assert.True(match.QueryContainment > 0.9, $"{match.QueryContainment}");
        Assert.True(match.CandidateContainment < 0.5, $"{match.CandidateContainment}");
    }

    [Fact]
    public void Add_remove_query_is_incremental()
    {
        var (retriever, docs) = Indexed(40, 21);
        var copy = FingerprintTestCorpus.Fingerprint(docs[3]);
        Assert.Contains(retriever.Query(copy), m => m.DocId == 3 && m.NearDuplicate);
        Assert.Equal(40, retriever.Count);

        Assert.True(retriever.Remove(3));
        Assert.False(retriever.Remove(3));
        Assert.DoesNotContain(retriever.Query(copy), m => m.DocId == 3);
        Assert.Equal(39, retriever.Count);

        // Query does not add; re-adding the id under other text finds the new text only.
        retriever.Add(3, FingerprintTestCorpus.Fingerprint(docs[4]));
        Assert.DoesNotContain(retriever.Query(copy), m => m.DocId == 3);
        Assert.Contains(retriever.Query(FingerprintTestCorpus.Fingerprint(docs[4])), m => m.DocId == 3);
        Assert.Throws<InvalidOperationException>(() => retriever.Add(3, copy));

        // Removing many triggers a compaction; the survivors are still found and the index shrinks.
        long before = retriever.IndexBytes;
        for (int d = 10; d < 40; d++) retriever.Remove(d);
        Assert.True(retriever.IndexBytes < before);
        Assert.Contains(retriever.Query(FingerprintTestCorpus.Fingerprint(docs[5])), m => m.DocId == 5);
        Assert.DoesNotContain(retriever.Query(FingerprintTestCorpus.Fingerprint(docs[20])), m => m.DocId == 20);
    }

    [Fact]
    public void Pairs_do_not_depend_on_thread_count_or_input_order()
    {
        var text = new SyntheticText(4);
        var docs = new List<List<string>>();
        for (int d = 0; d < 120; d++) docs.Add(text.Sentences(15));
        // Plant reuse: copies and excerpts of earlier documents.
        for (int d = 0; d < 30; d++) docs.Add(d % 2 == 0 ? docs[d].Skip(2).ToList() : [.. text.Sentences(10), .. docs[d].Take(4)]);
        var fingerprints = docs.Select(d => FingerprintTestCorpus.Fingerprint(d)).ToList();

        var one = CandidateRetriever.FindPairs(fingerprints, maxDegreeOfParallelism: 1);
        var many = CandidateRetriever.FindPairs(fingerprints, maxDegreeOfParallelism: 4);
        Assert.Equal(one, many);
        Assert.True(one.Count >= 30);

        var order = Enumerable.Range(0, docs.Count).ToArray();
        new Random(1).Shuffle(order);
        var shuffled = CandidateRetriever.FindPairs(order.Select(i => fingerprints[i]).ToList(), maxDegreeOfParallelism: 3);
        var mapped = shuffled.Select(p => (Math.Min(order[p.A], order[p.B]), Math.Max(order[p.A], order[p.B]))).Order().ToList();
        Assert.Equal(one.Select(p => (p.A, p.B)).Order().ToList(), mapped);
    }

    [Fact]
    public void Fingerprints_are_deterministic_and_anchors_distinct()
    {
        var text = new SyntheticText(2);
        var sentences = text.Sentences(30);
        var a = FingerprintTestCorpus.Fingerprint(sentences);
        var b = FingerprintTestCorpus.Fingerprint(sentences);
        Assert.Equal(a.Sketch, b.Sketch);
        Assert.Equal(a.Anchors, b.Anchors);
        Assert.Equal(a.Anchors.Length, a.Anchors.Distinct().Count());
        Assert.InRange(a.Anchors.Length, 50, 60); // two per sentence, minus rare collisions
    }

    [Fact]
    public void Too_common_anchors_are_ignored()
    {
        var retriever = new CandidateRetriever(new RetrievalOptions(MaxAnchorFrequency: 3, MinLshBands: 99));
        var text = new SyntheticText(6);
        var boilerplate = text.Sentences(3);
        for (int d = 0; d < 5; d++) retriever.Add(d, FingerprintTestCorpus.Fingerprint([.. text.Sentences(10), .. boilerplate]));
        Assert.Empty(retriever.Query(FingerprintTestCorpus.Fingerprint(boilerplate)));
    }
}

public sealed class PostingIndexTests
{
    [Fact]
    public void Frozen_and_recent_postings_are_found_together_and_saturation_counts_both()
    {
        var index = new PostingIndex(maxPostingsPerKey: 5, withPositions: true);
        var random = new Random(3);
        var expected = new Dictionary<uint, List<Posting>>();
        for (int doc = 0; doc < 30_000; doc++)
        {
            for (int a = 0; a < 5; a++)
            {
                uint key = (uint)random.Next(0, 40_000);
                var posting = new Posting(doc, (ushort)a);
                bool added = index.Add(key, doc, (ushort)a);
                var list = expected.TryGetValue(key, out var l) ? l : expected[key] = [];
                Assert.Equal(list.Count < 5, added);
                if (added) list.Add(posting);
            }
            if (doc == 20_000) index.Freeze(); // some keys now span the sorted segment and the recent table
        }
        Assert.Equal(expected.Values.Sum(l => l.Count), index.Count);
        var buffer = new Posting[5];
        foreach (var (key, list) in expected.Take(3000))
        {
            int n = index.Find(key, buffer);
            Assert.Equal(list.OrderBy(p => p.Doc).ThenBy(p => p.Position), buffer.Take(n).OrderBy(p => p.Doc).ThenBy(p => p.Position));
        }
        Assert.Equal(0, index.Find(99_999, buffer));

        long before = index.Bytes;
        index.Freeze();
        Assert.True(index.Bytes < before);
        Assert.True(index.Bytes < index.Count * 10.5 + 300_000, $"{index.Bytes} bytes for {index.Count} postings");
        index.Retain(d => d % 2 == 0);
        foreach (var (key, list) in expected.Take(500))
        {
            int n = index.Find(key, buffer);
            Assert.Equal(list.Count(p => p.Doc % 2 == 0), n);
        }
    }
}
