using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using WireTrace.Core.Analysis;
using WireTrace.Core.Documents;
using WireTrace.Core.Fingerprints;
using WireTrace.Core.Retrieval;
using WireTrace.Core.Similarity;
using WireTrace.Core.Stories;
using WireTrace.Core.Text;
using WireTrace.Ingest;
using WireTrace.Reports.Json;

namespace WireTrace.Cli.Commands;

/// <summary>
/// What scan keeps of one article between the stages, instead of its <see cref="AnalyzedDocument"/>: the article
/// without its text, the text as UTF-8, the sentence spans and word count (for the JSON output), and until the
/// candidates are found its fingerprints and entity-anchor terms.
/// </summary>
internal sealed class ScannedArticle(Article stub, byte[] text, int[] sentenceSpans, int words)
{
    public Article Stub { get; } = stub;

    public string Id => Stub.Id;

    public int Words { get; } = words;

    public int Sentences => sentenceSpans.Length / 2;

    public DocumentFingerprints? Fingerprints { get; set; }

    public int[]? Names { get; set; }

    /// <summary>The whole analysed document, kept only while the pile is small enough for the in-memory path.</summary>
    public AnalyzedDocument? Full { get; set; }

    /// <summary>The article with its text back.</summary>
    public Article Article() => Stub with { Text = Encoding.UTF8.GetString(text) };

    public IReadOnlyList<TextSpan> SentenceSpans()
    {
        var spans = new TextSpan[Sentences];
        for (int i = 0; i < spans.Length; i++) spans[i] = TextSpan.FromBounds(sentenceSpans[2 * i], sentenceSpans[2 * i + 1]);
        return spans;
    }
}

/// <summary>The stories of a scan: the arranged shapes over <see cref="Articles"/> (sorted by id) and how many pairs were aligned.</summary>
internal sealed record ScanOutcome(
    IReadOnlyList<ScannedArticle> Articles,
    IReadOnlyList<StoryShape> Shapes,
    int CandidatePairs,
    IReadOnlyList<ReportSkip> Skipped,
    int Files,
    StoryResult? InMemory);

/// <summary>
/// The scan as a staged pipeline with bounded memory, for piles of millions of articles:
/// <list type="number">
/// <item>read: one thread reads the inputs into a bounded channel; workers analyse each article (the term statistics
/// of the whole pile), fingerprint it and keep a <see cref="ScannedArticle"/>; the analysed document is dropped;</item>
/// <item>candidates: articles sorted by id are indexed in a <see cref="CandidateRetriever"/> and each is queried
/// (in parallel); entity anchors (three shared rare names) add same-event candidates, as the default
/// <see cref="StoryBuilder.DefaultCandidates"/> does for large piles;</item>
/// <item>verify: the pairs, in order, a block at a time: the block's articles are analysed again (in parallel), each
/// pair is analysed both ways and only its <see cref="PairVerdict"/> is kept;</item>
/// <item>stories: <see cref="StoryBuilder.Arrange"/> over the verdicts, one connected component at a time;</item>
/// <item>output (<see cref="StoryWriter"/>): documents and stories streamed, derivations analysed a block at a time.</item>
/// </list>
/// Piles of up to <see cref="StoryBuilder.ExhaustiveCandidatesUpTo"/> articles take the in-memory
/// <see cref="StoryBuilder.Build"/> path with every shared-rare-term pair. The result depends neither on the thread
/// count nor on the input order; for larger piles it equals <see cref="StoryBuilder.Build"/> over the whole pile.
/// </summary>
internal sealed class ScanPipeline
{
    /// <summary>Candidate pairs verified per block (their articles are analysed together, then dropped).</summary>
    private const int VerifyBlock = 2048;

    private readonly AnalysisContext _context;
    private readonly TextAnalyzer _textAnalyzer;
    private readonly PairAnalyzer _analyzer;
    private readonly StoryBuilder _builder;
    private readonly Fingerprinter _fingerprinter = new();
    private readonly CandidateFinder _names = new(minSharedTerms: 3, namesOnly: true);
    private readonly int _threads;

    public ScanPipeline(int threads, SentenceScorer? scorer = null)
    {
        _threads = threads <= 0 ? Environment.ProcessorCount : threads;
        _textAnalyzer = new TextAnalyzer(Core.Text.Stemming.EnglishStemmer.Default);
        _context = new AnalysisContext(_textAnalyzer);
        // The analyzer reads the term statistics when it scores, after the read stage has counted every article.
        _analyzer = (scorer ?? SentenceScorer.Lexical).CreateAnalyzer(_context);
        _builder = new StoryBuilder(_analyzer);
    }

    public PairAnalyzer Analyzer => _analyzer;

    public StoryBuilder Builder => _builder;

    public int Threads => _threads;

    public ScanOutcome Run(IEnumerable<string> paths, ScanProgress progress, CancellationToken cancel)
    {
        var (articles, skipped, files) = Read(paths, progress, cancel);
        if (articles.Count == 0) return new ScanOutcome(articles, [], 0, skipped, files, null);
        if (articles.Count <= StoryBuilder.ExhaustiveCandidatesUpTo)
        {
            var stage = progress.Begin("aligning pairs", 1, "pairs");
            var result = _builder.Build(articles.Select(a => a.Full!).ToList(), (done, total) =>
            {
                stage.SetTotal(total);
                stage.Advance(done - stage.Done);
            }, _threads);
            stage.Complete();
            return new ScanOutcome(articles, [], result.CandidatePairs, skipped, files, result);
        }
        foreach (var a in articles) a.Full = null;
        var pairs = Candidates(articles, progress, cancel);
        var verdicts = Verify(articles, pairs, progress, cancel);
        var arrange = progress.Begin("building stories", 1, "steps");
        var shapes = StoryBuilder.Arrange(articles.Select(a => new StoryNode(a.Id, a.Stub.Published)).ToList(), verdicts, _threads);
        arrange.Advance(1);
        arrange.Complete();
        return new ScanOutcome(articles, shapes, pairs.Count, skipped, files, null);
    }

    /// <summary>Analyses an article again (same vocabulary and statistics as the read stage; nothing is counted twice).</summary>
    public AnalyzedDocument Load(ScannedArticle article)
    {
        var full = article.Article();
        var model = _textAnalyzer.Analyze(full.Text, full.Body);
        return new AnalyzedDocument(full, model, DocumentProfile.Build(model, _context.Vocabulary));
    }

    /// <summary>Analyses <paramref name="indexes"/> in parallel.</summary>
    public Dictionary<int, AnalyzedDocument> LoadAll(IReadOnlyList<ScannedArticle> articles, IEnumerable<int> indexes, CancellationToken cancel)
    {
        var loaded = new ConcurrentDictionary<int, AnalyzedDocument>();
        Parallel.ForEach(indexes.Distinct(), Options(cancel), i => loaded[i] = Load(articles[i]));
        return new Dictionary<int, AnalyzedDocument>(loaded);
    }

    public ParallelOptions Options(CancellationToken cancel) => new() { MaxDegreeOfParallelism = _threads, CancellationToken = cancel };

    private (List<ScannedArticle> Articles, List<ReportSkip> Skipped, int Files) Read(IEnumerable<string> paths, ScanProgress progress, CancellationToken cancel)
    {
        var reader = new CorpusReader();
        var problems = new List<SkippedInput>();
        var files = reader.Discover(paths, problems);
        var skipped = new ConcurrentQueue<ReportSkip>(problems.Select(p => new ReportSkip(p.Path, p.Line, p.Reason)));
        var stage = progress.Begin("reading and analysing", files.Sum(f => f.Length), "bytes");
        var channel = Channel.CreateBounded<Article>(new BoundedChannelOptions(1024) { SingleWriter = true });
        var articles = new ConcurrentBag<ScannedArticle>();
        int seen = 0;

        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var file in files)
                {
                    foreach (var item in reader.Read(file, cancel))
                    {
                        if (item is ArticleRead read) await channel.Writer.WriteAsync(read.Article, cancel);
                        else if (item is InputSkipped s) skipped.Enqueue(new ReportSkip(s.Skipped.Path, s.Skipped.Line, s.Skipped.Reason));
                    }
                }
            }
            finally
            {
                channel.Writer.Complete();
            }
        }, cancel);
        var workers = Enumerable.Range(0, _threads).Select(_ => Task.Run(async () =>
        {
            await foreach (var article in channel.Reader.ReadAllAsync(cancel))
            {
                var document = _context.Add(article);
                var scanned = Compact(document);
                if (Interlocked.Increment(ref seen) <= StoryBuilder.ExhaustiveCandidatesUpTo) scanned.Full = document;
                articles.Add(scanned);
                stage.Advance(Encoding.UTF8.GetByteCount(article.Text) + 32);
            }
        }, cancel)).ToArray();
        Task.WaitAll([producer, .. workers], cancel);
        stage.Complete();

        var sorted = articles.ToList();
        sorted.Sort((x, y) => string.CompareOrdinal(x.Id, y.Id));
        return (sorted, [.. skipped], files.Count); // one reader thread: skips keep the reading order
    }

    /// <summary>What the later stages need of an analysed article.</summary>
    private ScannedArticle Compact(AnalyzedDocument document)
    {
        var model = document.Model;
        var spans = new int[model.Sentences.Count * 2];
        for (int i = 0; i < model.Sentences.Count; i++)
        {
            spans[2 * i] = model.Sentences[i].Span.Start;
            spans[2 * i + 1] = model.Sentences[i].Span.End;
        }
        var article = document.Article;
        return new ScannedArticle(article with { Text = string.Empty }, Encoding.UTF8.GetBytes(article.Text), spans, model.WordCount)
        {
            Fingerprints = _fingerprinter.Compute(model),
            Names = _names.IndexedTerms(document),
        };
    }

    /// <summary>Every candidate pair (A &lt; B, indexes into the sorted articles), sorted: fingerprint matches from either side, plus entity anchors.</summary>
    private List<CandidatePair> Candidates(List<ScannedArticle> articles, ScanProgress progress, CancellationToken cancel)
    {
        var stage = progress.Begin("indexing fingerprints", articles.Count, "articles");
        var retriever = new CandidateRetriever(new RetrievalOptions(Bands: _fingerprinter.Options.Bands, Rows: _fingerprinter.Options.Rows));
        for (int d = 0; d < articles.Count; d++)
        {
            retriever.Add(d, articles[d].Fingerprints!);
            if ((d & 1023) == 1023) stage.Advance(1024);
        }
        retriever.Freeze();
        stage.Advance(articles.Count - stage.Done);
        stage.Complete();

        stage = progress.Begin("matching fingerprints", articles.Count, "articles");
        var proposed = new List<long>[articles.Count];
        Parallel.For(0, articles.Count, Options(cancel), d =>
        {
            var matches = retriever.Query(articles[d].Fingerprints!, d);
            if (matches.Count > 0)
            {
                var keys = new List<long>(matches.Count);
                foreach (var m in matches) keys.Add(Key(Math.Min(d, m.DocId), Math.Max(d, m.DocId)));
                proposed[d] = keys;
            }
            stage.Advance(1);
        });
        var keys = new HashSet<long>();
        foreach (var list in proposed)
        {
            if (list != null) keys.UnionWith(list);
        }
        stage.Complete();
        FingerprintPairs = keys.Count;

        stage = progress.Begin("matching entity anchors", 1, "steps");
        foreach (var p in _names.Find(articles.Select(a => a.Names!).ToList())) keys.Add(Key(p.A, p.B));
        foreach (var a in articles)
        {
            a.Fingerprints = null;
            a.Names = null;
        }
        stage.Advance(1);
        stage.Complete();
        var sorted = keys.ToArray();
        Array.Sort(sorted);
        return sorted.Select(k => new CandidatePair((int)(k >> 32), (int)(k & 0xFFFF_FFFF), 0)).ToList();
    }

    /// <summary>Candidate pairs the fingerprints proposed (the rest came from entity anchors only), after <see cref="Run"/>.</summary>
    public int FingerprintPairs { get; private set; }

    private static long Key(int a, int b) => ((long)a << 32) | (uint)b;

    /// <summary>Both analyses of every pair, a block of pairs at a time; only the verdicts are kept.</summary>
    private PairVerdict[] Verify(List<ScannedArticle> articles, List<CandidatePair> pairs, ScanProgress progress, CancellationToken cancel)
    {
        var stage = progress.Begin("verifying pairs", pairs.Count, "pairs");
        var verdicts = new PairVerdict[pairs.Count];
        for (int start = 0; start < pairs.Count; start += VerifyBlock)
        {
            int end = Math.Min(pairs.Count, start + VerifyBlock);
            var block = pairs.GetRange(start, end - start);
            var docs = LoadAll(articles, block.SelectMany(p => new[] { p.A, p.B }), cancel);
            Parallel.For(start, end, Options(cancel), k =>
            {
                var p = pairs[k];
                var a = docs[p.A];
                var b = docs[p.B];
                verdicts[k] = StoryBuilder.Verdict(p.A, p.B, a, b, _analyzer.Analyze(a, b), _analyzer.Analyze(b, a));
                stage.Advance(1);
            });
        }
        stage.Complete();
        return verdicts;
    }
}
