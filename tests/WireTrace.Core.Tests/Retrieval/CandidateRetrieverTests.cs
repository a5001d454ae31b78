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

public sealed class CandidateRetrieverAddRangeTests
{
    [Fact]
    public void AddRange_on_several_threads_gives_the_index_of_Add_one_by_one()
    {
        var text = new SyntheticText(12);
        var docs = new List<List<string>>();
        for (int d = 0; d < 300; d++) docs.Add(text.Sentences(text.Next(10) + 10));
        for (int d = 0; d < 40; d++) docs.Add(d % 2 == 0 ? docs[d * 3].Skip(1).ToList() : [.. text.Sentences(8), .. docs[d * 3].Take(4)]);
        var fingerprints = docs.Select(d => FingerprintTestCorpus.Fingerprint(d)).ToList();

        var one = new CandidateRetriever();
        for (int d = 0; d < fingerprints.Count; d++) one.Add(d, fingerprints[d]);
        var many = new CandidateRetriever();
        many.AddRange(0, fingerprints.Take(150).ToList(), maxDegreeOfParallelism: 4);
        many.AddRange(150, fingerprints.Skip(150).ToList(), maxDegreeOfParallelism: 2);
        Assert.Equal(one.Count, many.Count);
        for (int d = 0; d < fingerprints.Count; d++) Assert.Equal(one.Query(fingerprints[d], d), many.Query(fingerprints[d], d));
        one.Freeze(1);
        many.Freeze(3);
        Assert.Equal(one.IndexBytes, many.IndexBytes);
        Assert.Contains(many.Query(fingerprints[300], 300), m => m.DocId == 0);

        Assert.Throws<InvalidOperationException>(() => many.AddRange(5, [fingerprints[0]]));
        Assert.True(many.Remove(7));
        many.AddRange(7, [fingerprints[8]]); // a removed id may come back, under other text
        Assert.Contains(many.Query(fingerprints[8], 8), m => m.DocId == 7);
    }
}
