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
/// What scan keeps of one article in memory between the stages, instead of its <see cref="AnalyzedDocument"/>: its id,
/// publication date, sentence and word counts, where the rest of it (<see cref="ArticleRecord"/>: metadata, sentence
/// spans, text) lies in the scan's text <see cref="SpillFile"/>, and until the candidates are found where its
/// fingerprints lie in the fingerprint spill and its entity-anchor terms. Two objects per article (this and its id),
/// so that the garbage collector has little to trace in a pile of millions.
/// </summary>
internal sealed class ScannedArticle(string id, DateOnly? published, SpillFile records, long offset, int length, int sentences, int words)
{
    public string Id { get; } = id;

    public DateOnly? Published { get; } = published;

    public int Words { get; } = words;

    public int Sentences { get; } = sentences;

    /// <summary>Where the article's fingerprints (<see cref="FingerprintBytes"/>) lie in the fingerprint spill.</summary>
    public (long Offset, int Length) Fingerprints { get; init; }

    public int[]? Names { get; set; }

    /// <summary>The whole analysed document, kept only while the pile is small enough for the in-memory path.</summary>
    public AnalyzedDocument? Full { get; set; }

    /// <summary>The article with its text, and its sentence spans, read back from the spill.</summary>
    public (Article Article, TextSpan[] Sentences) Read() => ArticleRecord.Read(Id, records.Read(offset, length));

    /// <summary>The article with its text back.</summary>
    public Article Article() => Read().Article;
}

/// <summary>
/// A story of a large pile as scan keeps it until the output: its shape (pile indexes), its members' ids and where the
/// JSON of its derivations lies in the scan's story <see cref="SpillFile"/>.
/// </summary>
internal sealed record ToldStory(string Id, StoryShape Shape, string Source, IReadOnlyList<string> Members, long Offset, int Length);

/// <summary>
/// The stories of a scan: over <see cref="Articles"/> (sorted by id), the stories of a large pile in order, or the
/// in-memory result of a small one, and how many pairs were aligned.
/// </summary>
internal sealed record ScanOutcome(
    IReadOnlyList<ScannedArticle> Articles,
    IReadOnlyList<ToldStory> Stories,
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
/// <item>verify and tell: the pairs one connected component of the candidate graph at a time, largest first. A small
/// component is told start to finish by one thread (the threads take components in turn): its articles are analysed
/// again, each pair both ways (one score matrix), the component arranged (<see cref="StoryBuilder.Arrange"/>) and its
/// stories materialised from those analyses, so the analyses live only while it is told. A larger one is told the
/// same way on all threads; one with too many articles to analyse at once is verified in blocks of pairs keeping
/// only verdicts, and its derivations analysed again;</item>
/// <item>output (<see cref="StoryWriter"/>): documents and stories streamed.</item>
/// </list>
/// Piles of up to <see cref="StoryBuilder.ExhaustiveCandidatesUpTo"/> articles take the in-memory
/// <see cref="StoryBuilder.Build"/> path with every shared-rare-term pair. The result depends neither on the thread
/// count nor on the input order; for larger piles it equals <see cref="StoryBuilder.Build"/> over the whole pile.
/// </summary>
internal sealed class ScanPipeline : IDisposable
{
    /// <summary>Default of the verification block, the unit the component sizes below are counted in.</summary>
    public const int DefaultVerifyBlock = 2048;

    /// <summary>Candidate pairs of a large component verified together (their articles are analysed together, then dropped).</summary>
    private readonly int VerifyBlock;

    /// <summary>Pairs up to which a connected component is told start to finish by one thread.</summary>
    private int SmallComponentPairs => VerifyBlock;

    /// <summary>
    /// Articles above which a connected component is verified <see cref="VerifyBlock"/> pairs at a time instead of
    /// whole with all its articles analysed at once (16,384 by default: about 0.6 GB of analyses).
    /// </summary>
    private int LargeComponentArticles => 8 * VerifyBlock;

    /// <summary>Articles whose fingerprints are indexed together (<see cref="CandidateRetriever.AddRange"/>).</summary>
    private const int IndexChunk = 1 << 16;

    /// <summary>Stories of a large component materialised per block.</summary>
    private const int StoryBlock = 512;

    private readonly AnalysisContext _context;
    private readonly TextAnalyzer _textAnalyzer;
    private readonly PairAnalyzer _analyzer;
    private readonly StoryBuilder _builder;
    private readonly Fingerprinter _fingerprinter = new();
    private readonly CandidateFinder _names = new(minSharedTerms: 3, namesOnly: true);
    private readonly int _threads;
    private readonly SpillFile _texts = new("texts");
    private readonly SpillFile _stories = new("stories");
    private readonly SpillFile _fingerprints = new("fingerprints");

    /// <param name="verifyBlock">Candidate pairs verified per block (tests make it small to take the large-component path).</param>
    public ScanPipeline(int threads, SentenceScorer? scorer = null, int verifyBlock = DefaultVerifyBlock)
    {
        VerifyBlock = verifyBlock;
        _threads = threads <= 0 ? Environment.ProcessorCount : threads;
        _textAnalyzer = new TextAnalyzer(Core.Text.Stemming.EnglishStemmer.Default);
        _context = new AnalysisContext(_textAnalyzer);
        // The analyzer reads the term statistics when it scores, after the read stage has counted every article.
        _analyzer = (scorer ?? SentenceScorer.Lexical).CreateAnalyzer(_context);
        _builder = new StoryBuilder(_analyzer);
    }

    public void Dispose()
    {
        _texts.Dispose();
        _stories.Dispose();
        _fingerprints.Dispose();
    }

    /// <summary>The rendered derivations of <paramref name="story"/>.</summary>
    public byte[] DerivationsJson(ToldStory story) => _stories.Read(story.Offset, story.Length);

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
        var stories = VerifyAndTell(articles, pairs, progress, cancel);
        return new ScanOutcome(articles, stories, pairs.Count, skipped, files, null);
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
        // A short queue: articles waiting in it survive garbage collections, and each one survived costs a copy.
        var channel = Channel.CreateBounded<Article>(new BoundedChannelOptions(64) { SingleWriter = true });
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
                ScannedArticle scanned;
                if (Interlocked.Increment(ref seen) <= StoryBuilder.ExhaustiveCandidatesUpTo)
                {
                    // Kept whole in case the pile is small enough for the in-memory path.
                    var document = _context.Add(article);
                    scanned = Compact(article, document.Model, document.Profile);
                    scanned.Full = document;
                }
                else
                {
                    var (model, terms) = _context.Count(article);
                    scanned = Compact(article, model, terms);
                }
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

    /// <summary>What the later stages need of an analysed article (<paramref name="terms"/>: its profile, with or without character grams).</summary>
    private ScannedArticle Compact(Article article, TextModel model, DocumentProfile terms)
    {
        var record = ArticleRecord.Write(article, model.Sentences);
        return new ScannedArticle(article.Id, article.Published, _texts, _texts.Append(record), record.Length, model.Sentences.Count, model.WordCount)
        {
            // Kept on disk, not on the heap: a million articles' fingerprints would otherwise be copied from
            // generation to generation by the garbage collector until they are queried.
            Fingerprints = Spill(_fingerprints, FingerprintBytes.Write(_fingerprinter.Compute(model))),
            Names = _names.IndexedTerms(terms),
        };
    }

    private static (long Offset, int Length) Spill(SpillFile file, byte[] bytes) => (file.Append(bytes), bytes.Length);

    private DocumentFingerprints FingerprintsOf(ScannedArticle article) =>
        FingerprintBytes.Read(_fingerprints.Read(article.Fingerprints.Offset, article.Fingerprints.Length));

    /// <summary>Every candidate pair (A &lt; B, indexes into the sorted articles), sorted: fingerprint matches from either side, plus entity anchors.</summary>
    private List<CandidatePair> Candidates(List<ScannedArticle> articles, ScanProgress progress, CancellationToken cancel)
    {
        var stage = progress.Begin("indexing fingerprints", articles.Count, "articles");
        var retriever = new CandidateRetriever(new RetrievalOptions(Bands: _fingerprinter.Options.Bands, Rows: _fingerprinter.Options.Rows));
        // A chunk at a time on all threads (each owns a range of key shards): the same index as adding one by one.
        for (int start = 0; start < articles.Count; start += IndexChunk)
        {
            var chunk = new DocumentFingerprints[Math.Min(IndexChunk, articles.Count - start)];
            Parallel.For(0, chunk.Length, Options(cancel), i => chunk[i] = FingerprintsOf(articles[start + i]));
            retriever.AddRange(start, chunk, _threads);
            stage.Advance(chunk.Length);
        }
        retriever.Freeze(_threads);
        stage.Complete();

        stage = progress.Begin("matching fingerprints", articles.Count, "articles");
        var proposed = new List<long>[articles.Count];
        Parallel.For(0, articles.Count, Options(cancel), d =>
        {
            var matches = retriever.Query(FingerprintsOf(articles[d]), d);
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
        _fingerprints.Dispose(); // every article has been queried
        FingerprintPairs = keys.Count;

        stage = progress.Begin("matching entity anchors", 1, "steps");
        foreach (var p in _names.Find(articles.Select(a => a.Names!).ToList())) keys.Add(Key(p.A, p.B));
        foreach (var a in articles) a.Names = null;
        stage.Advance(1);
        stage.Complete();
        var sorted = keys.ToArray();
        Array.Sort(sorted);
        return sorted.Select(k => new CandidatePair((int)(k >> 32), (int)(k & 0xFFFF_FFFF), 0)).ToList();
    }

    /// <summary>Components of the candidate graph verified in blocks of pairs (see <see cref="LargeComponentArticles"/>), after <see cref="Run"/>.</summary>
    public int LargeComponents { get; private set; }

    /// <summary>Components of more than <see cref="SmallComponentPairs"/> pairs told whole on all threads, after <see cref="Run"/>.</summary>
    public int WholeComponents { get; private set; }

    /// <summary>Candidate pairs the fingerprints proposed (the rest came from entity anchors only), after <see cref="Run"/>.</summary>
    public int FingerprintPairs { get; private set; }

    private static long Key(int a, int b) => ((long)a << 32) | (uint)b;

    /// <summary>
    /// Verifies the candidate pairs and tells the stories, one connected component of the candidate graph at a time
    /// (see the class summary); the stories come sorted by the id of their source, numbered in that order.
    /// </summary>
    private List<ToldStory> VerifyAndTell(List<ScannedArticle> articles, List<CandidatePair> pairs, ScanProgress progress, CancellationToken cancel)
    {
        var stage = progress.Begin("verifying pairs", pairs.Count, "pairs");
        var sets = new UnionFind(articles.Count);
        foreach (var p in pairs) sets.Union(p.A, p.B);
        var byRoot = new Dictionary<int, List<CandidatePair>>();
        foreach (var p in pairs)
        {
            int root = sets.Find(p.A);
            if (!byRoot.TryGetValue(root, out var list)) byRoot[root] = list = [];
            list.Add(p);
        }

        var nodes = articles.Select(a => new StoryNode(a.Id, a.Published)).ToList();
        var told = new ConcurrentBag<ToldStory>();
        // Largest first, so that the threads finish together; each small component is told start to finish by one
        // thread, so its analysed articles live only for the few milliseconds it takes.
        var components = byRoot.Values.OrderByDescending(c => c.Count).ThenBy(c => c[0].A).ThenBy(c => c[0].B).ToList();
        int small = components.FindIndex(c => c.Count <= SmallComponentPairs);
        if (small < 0) small = components.Count;
        for (int c = 0; c < small; c++)
        {
            var component = components[c];
            int members = component.SelectMany(p => new[] { p.A, p.B }).Distinct().Count();
            if (members > LargeComponentArticles) TellLarge(articles, nodes, component, told, stage, cancel);
            else TellWhole(articles, nodes, component, told, stage, cancel);
        }
        var partitioner = Partitioner.Create(components.Skip(small), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(partitioner, Options(cancel), component => TellComponent(articles, nodes, component, told, stage));
        stage.Complete();

        return told.OrderBy(t => t.Shape.Source).Select((t, n) => t with { Id = StoryBuilder.StoryId(n) }).ToList();
    }

    /// <summary>One component on the calling thread: its articles analysed once, its pairs both ways, its stories told.</summary>
    private void TellComponent(List<ScannedArticle> articles, List<StoryNode> nodes, List<CandidatePair> pairs, ConcurrentBag<ToldStory> told, ScanProgress.Stage stage)
    {
        var docs = new Dictionary<int, AnalyzedDocument>();
        AnalyzedDocument Doc(int i)
        {
            if (!docs.TryGetValue(i, out var doc)) docs[i] = doc = Load(articles[i]);
            return doc;
        }
        var analyses = new (PairAnalysis BFromA, PairAnalysis AFromB)[pairs.Count];
        for (int k = 0; k < pairs.Count; k++) analyses[k] = _analyzer.AnalyzeBothWays(Doc(pairs[k].A), Doc(pairs[k].B));
        stage.Advance(pairs.Count);
        TellFrom(nodes, pairs, analyses, docs, told, parallel: null);
    }

    /// <summary>
    /// A component of more than <see cref="SmallComponentPairs"/> pairs among at most <see cref="LargeComponentArticles"/>
    /// articles, told whole on all threads: its articles analysed once, its pairs both ways, its stories materialised
    /// from those analyses.
    /// </summary>
    private void TellWhole(List<ScannedArticle> articles, List<StoryNode> nodes, List<CandidatePair> pairs, ConcurrentBag<ToldStory> told, ScanProgress.Stage stage, CancellationToken cancel)
    {
        WholeComponents++;
        var docs = LoadAll(articles, pairs.SelectMany(p => new[] { p.A, p.B }), cancel);
        var analyses = new (PairAnalysis BFromA, PairAnalysis AFromB)[pairs.Count];
        Parallel.For(0, pairs.Count, Options(cancel), k =>
        {
            analyses[k] = _analyzer.AnalyzeBothWays(docs[pairs[k].A], docs[pairs[k].B]);
            stage.Advance(1);
        });
        TellFrom(nodes, pairs, analyses, docs, told, Options(cancel));
    }

    /// <summary>
    /// Arranges a component from the analyses of its <paramref name="pairs"/> (both ways) and tells its stories from
    /// them, on the calling thread or, given <paramref name="parallel"/>, on all threads.
    /// </summary>
    private void TellFrom(List<StoryNode> nodes, List<CandidatePair> pairs, (PairAnalysis BFromA, PairAnalysis AFromB)[] analyses, Dictionary<int, AnalyzedDocument> docs, ConcurrentBag<ToldStory> told, ParallelOptions? parallel)
    {
        var known = new Dictionary<(int, int), PairAnalysis>(2 * pairs.Count);
        var verdicts = new List<PairVerdict>(pairs.Count);
        for (int k = 0; k < pairs.Count; k++)
        {
            var (a, b) = (pairs[k].A, pairs[k].B);
            known[(a, b)] = analyses[k].BFromA;
            known[(b, a)] = analyses[k].AFromB;
            verdicts.Add(StoryBuilder.Verdict(a, b, docs[a], docs[b], analyses[k].BFromA, analyses[k].AFromB));
        }
        var shapes = StoryBuilder.Arrange(nodes, verdicts, 1);
        void Tell(StoryShape shape) =>
            told.Add(Told(shape, _builder.Materialize(shape, 0, i => docs[i], (from, to) => known.GetValueOrDefault((from, to))), docs));
        if (parallel is null)
        {
            foreach (var shape in shapes) Tell(shape);
        }
        else
        {
            Parallel.ForEach(shapes, parallel, Tell);
        }
    }

    /// <summary>
    /// A component of more than <see cref="LargeComponentArticles"/> articles: verified <see cref="VerifyBlock"/> pairs at a
    /// time keeping only the verdicts, arranged, and its stories materialised a block at a time (their derivations
    /// analysed again), so its articles are never all in memory at once.
    /// </summary>
    private void TellLarge(List<ScannedArticle> articles, List<StoryNode> nodes, List<CandidatePair> pairs, ConcurrentBag<ToldStory> told, ScanProgress.Stage stage, CancellationToken cancel)
    {
        LargeComponents++;
        var verdicts = new PairVerdict[pairs.Count];
        for (int start = 0; start < pairs.Count; start += VerifyBlock)
        {
            int end = Math.Min(pairs.Count, start + VerifyBlock);
            var docs = LoadAll(articles, pairs.Skip(start).Take(end - start).SelectMany(p => new[] { p.A, p.B }), cancel);
            Parallel.For(start, end, Options(cancel), k =>
            {
                var p = pairs[k];
                var (bFromA, aFromB) = _analyzer.AnalyzeBothWays(docs[p.A], docs[p.B]);
                verdicts[k] = StoryBuilder.Verdict(p.A, p.B, docs[p.A], docs[p.B], bFromA, aFromB);
                stage.Advance(1);
            });
        }
        var shapes = StoryBuilder.Arrange(nodes, verdicts, 1);
        for (int start = 0; start < shapes.Count; start += StoryBlock)
        {
            var chunk = shapes.Skip(start).Take(StoryBlock).ToList();
            var docs = LoadAll(articles, chunk.SelectMany(s => s.Members), cancel);
            Parallel.ForEach(chunk, Options(cancel), shape => told.Add(Told(shape, _builder.Materialize(shape, 0, i => docs[i], (_, _) => null), docs)));
        }
    }

    /// <summary>A story with its derivations rendered to the story spill (its id is set once all stories are known).</summary>
    private ToldStory Told(StoryShape shape, Story story, Dictionary<int, AnalyzedDocument> docs)
    {
        var byId = shape.Members.ToDictionary(m => docs[m].Id, m => docs[m], StringComparer.Ordinal);
        var json = ContractJsonWriter.DerivationsJson(story, (id, i) => byId[id].Model.SentenceText(i));
        return new ToldStory(story.Id, shape, story.Source, story.Members, _stories.Append(json), json.Length);
    }

}
