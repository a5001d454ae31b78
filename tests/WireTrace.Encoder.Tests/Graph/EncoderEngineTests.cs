namespace WireTrace.Encoder.Tests.Graph;

/// <summary>
/// The three engines against each other on the reference sentences: the planned forward pass on plain
/// kernels (the non-SIMD path) gives the SIMD vectors and the JS reference's; the graph interpreter agrees too;
/// chunked, multi-threaded encoding gives every sentence its one-alone vector.
/// </summary>
[Collection(InstalledModelCollection.Name)]
public sealed class EncoderEngineTests(InstalledModelFixture model)
{
    [Fact]
    public void The_plain_path_gives_the_SIMD_vectors_and_the_JS_reference()
    {
        var plain = UniversalSentenceEncoder.Load(model.Directory, new EncoderOptions(EncoderEngine.Plain, Threads: 1));
        Assert.Equal("forward pass, scalar kernels", plain.EngineDescription);
        var texts = ReferenceFixture.Sentences.Select(s => s.Text).ToList();
        var slow = plain.Encode(texts);
        var fast = model.Encoder.Encode(texts);
        for (int i = 0; i < texts.Count; i++)
        {
            var label = ReferenceFixture.Sentences[i].Label;
            Assert.True(UniversalSentenceEncoder.Cosine(slow[i], fast[i]) >= 0.99999, $"plain vs SIMD: {label}");
            Assert.True(UniversalSentenceEncoder.Cosine(slow[i], ReferenceFixture.Sentences[i].Vector) >= 0.999, $"plain vs JS: {label}");
        }
    }

    [Fact]
    public void The_graph_interpreter_agrees_with_the_forward_pass_alone_and_batched()
    {
        var graph = UniversalSentenceEncoder.Load(model.Directory, new EncoderOptions(EncoderEngine.Graph));
        Assert.Equal("graph interpreter", graph.EngineDescription);
        // The first 6 STS sentences and the hand-written edge cases (unknown pieces, tabs, CJK, one letter).
        var texts = ReferenceFixture.Sentences.Take(6).Concat(ReferenceFixture.Sentences.TakeLast(8)).Select(s => s.Text).ToList();
        var batch = graph.Encode(texts);
        var fast = model.Encoder.Encode(texts);
        for (int i = 0; i < texts.Count; i++)
        {
            Assert.True(UniversalSentenceEncoder.Cosine(batch[i], fast[i]) >= 0.99999, $"graph batch vs forward pass: {texts[i]}");
            Assert.True(UniversalSentenceEncoder.Cosine(graph.Encode(texts[i]), fast[i]) >= 0.99999, $"graph alone vs forward pass: {texts[i]}");
        }
    }

    [Fact]
    public void Chunked_parallel_encoding_equals_one_by_one_encoding()
    {
        var texts = ReferenceFixture.Sentences.Select(s => s.Text).Concat(["", "A plane is taking off."]).ToList();
        var together = model.Encoder.Encode(texts);
        var sequential = UniversalSentenceEncoder.Load(model.Directory, new EncoderOptions(Threads: 1));
        for (int i = 0; i < texts.Count; i++)
        {
            var alone = sequential.Encode(texts[i]);
            if (texts[i].Length == 0) Assert.All(together[i], v => Assert.Equal(0f, v));
            else Assert.True(UniversalSentenceEncoder.Cosine(alone, together[i]) >= 0.999999, $"chunked vs alone: {texts[i]}");
        }
    }
}
