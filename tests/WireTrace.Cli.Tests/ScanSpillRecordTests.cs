using WireTrace.Cli.Commands;
using WireTrace.Core.Documents;
using WireTrace.Core.Fingerprints;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;
using Xunit;

namespace WireTrace.Cli.Tests;

/// <summary>What scan writes to its spill files comes back exactly: an article with its metadata and sentences, and fingerprints.</summary>
public sealed class ScanSpillRecordTests
{
    [Fact]
    public void An_article_record_gives_back_the_article_and_its_sentence_spans()
    {
        const string text = "Kyiv Post - Rescuers said on Tuesday.”Ukrainian officials\u00a0added 12 more.\n\nA second “paragraph” ends here. 😀";
        var article = new Article("doc-1", "/piles/a.jsonl", text, new TextSpan(12, text.Length - 12), "Title with \"quotes\"", "Kyiv Post",
            new DateOnly(2024, 1, 6), "https://example.org/a?b=1&c=2", "AFP", "KYIV, Jan 6 (AFP)", OutletPrefix: true);
        var model = new TextAnalyzer(EnglishStemmer.Default).Analyze(article.Text, article.Body);
        Assert.True(model.Sentences.Count >= 3);

        var (back, spans) = ArticleRecord.Read("doc-1", ArticleRecord.Write(article, model.Sentences));

        Assert.Equal(article, back);
        Assert.Equal(model.Sentences.Select(s => s.Span), spans);
    }

    [Fact]
    public void An_article_record_keeps_missing_metadata_missing_and_an_empty_text_empty()
    {
        var article = new Article("x", null, string.Empty, new TextSpan(0, 0));

        var (back, spans) = ArticleRecord.Read("x", ArticleRecord.Write(article, []));

        Assert.Equal(article, back);
        Assert.Null(back.Published);
        Assert.Empty(spans);
    }

    [Fact]
    public void Fingerprint_bytes_give_back_the_fingerprints_and_refuse_bytes_that_do_not_match_their_counts()
    {
        var fingerprints = new DocumentFingerprints([1u, 2u, uint.MaxValue], [7u, 9u], [(ushort)0, (ushort)65535], sentenceCount: 4, termCount: 31);

        var bytes = FingerprintBytes.Write(fingerprints);
        var back = FingerprintBytes.Read(bytes);

        Assert.Equal(fingerprints.Sketch, back.Sketch);
        Assert.Equal(fingerprints.Anchors, back.Anchors);
        Assert.Equal(fingerprints.AnchorSentences, back.AnchorSentences);
        Assert.Equal(4, back.SentenceCount);
        Assert.Equal(31, back.TermCount);
        Assert.Throws<InvalidDataException>(() => FingerprintBytes.Read(bytes.AsSpan(0, bytes.Length - 2)));
    }
}
