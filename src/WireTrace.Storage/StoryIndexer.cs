using WireTrace.Core.Analysis;
using WireTrace.Core.Documents;
using WireTrace.Core.Stories;
using WireTrace.Core.Text;
using WireTrace.Core.Text.Stemming;

namespace WireTrace.Storage;

/// <summary>Analysed documents and the stories found among them.</summary>
public sealed record StorySet(IReadOnlyList<AnalyzedDocument> Documents, StoryResult Stories, string Similarity);

/// <summary>
/// Keeps the stories of an <see cref="IArticleStore"/> up to date. New and changed articles are stored
/// pending; <see cref="RecomputePending"/> loads the pending articles, the stored articles that share at
/// least <see cref="MinSharedTerms"/> rare terms with one of them, and all members of those articles'
/// stories, runs <see cref="StoryBuilder"/> over that set and stores the assignments. Story ids are the id of
/// the story's source article. <see cref="Match"/> does the same for articles that are not stored.
/// Not itself synchronised: callers serialise writers (the store serialises each write).
/// </summary>
public sealed class StoryIndexer
{
    /// <summary>Shared rare terms that make a stored article a candidate (as <see cref="CandidateFinder"/>).</summary>
    public const int MinSharedTerms = 5;

    /// <summary>Terms held by more stored articles than this are too common to propose candidates (in a store of more than 50).</summary>
    public const int MaxDocumentFrequency = 100;

    /// <summary>At most this many stored candidates per article (those sharing the most rare terms) join its neighbourhood.</summary>
    public const int MaxCandidatesPerArticle = 30;

    /// <summary>Relation name stored for a story's source.</summary>
    public const string SourceRelation = "source";

    private readonly IArticleStore _store;
    private readonly TextAnalyzer _textAnalyzer;

    public StoryIndexer(IArticleStore store, TextAnalyzer? textAnalyzer = null)
    {
        _store = store;
        _textAnalyzer = textAnalyzer ?? new TextAnalyzer(EnglishStemmer.Default);
    }

    public IArticleStore Store => _store;

    /// <summary>An article with its posting terms (analyses its body).</summary>
    public IndexedArticle Prepare(Article article) => new(article, ArticleTerms.Of(_textAnalyzer.Analyze(article.Text, article.Body)));

    /// <summary>Analyses a batch in parallel and stores it (one transaction).</summary>
    public AddOutcome Add(IReadOnlyList<Article> batch)
    {
        var prepared = new IndexedArticle[batch.Count];
        Parallel.For(0, batch.Count, i => prepared[i] = Prepare(batch[i]));
        return _store.Add(prepared);
    }

    /// <summary>
    /// Recomputes the stories of the pending articles and stores them; returns how many articles were
    /// recomputed (the pending ones, their candidates and story peers).
    /// </summary>
    /// <param name="progress">Pairs analysed so far and their total.</param>
    /// <remarks>Runs under <see cref="IArticleStore.LockStories"/>, so recomputations never overlap (across processes for PostgreSQL).</remarks>
    public int RecomputePending(Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        using var storyLock = _store.LockStories();
        var pending = _store.PendingIds();
        if (pending.Count == 0) return 0;
        // When everything is pending (a first import) the neighbourhood is the whole store.
        var set = pending.Count == _store.Count()
            ? pending
            : Neighbourhood(_store.GetMany(pending).Select(Prepare).ToList(), excluded: null, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var articles = _store.GetMany(set);
        var result = Build(articles, progress, cancellationToken);
        var assignments = ToAssignments(result.Stories);
        // Pending ids removed meanwhile are simply not found; the set is what was recomputed.
        _store.ReplaceAssignments(set.Union(pending).ToList(), assignments);
        return set.Count;
    }

    /// <summary>
    /// The stories the given articles would join, without storing them: the articles are analysed together
    /// with their stored candidates and those candidates' story peers. Stored articles with the same id as
    /// a query article are replaced by it. Returns only the stories holding a query article; query articles in
    /// none are the unrelated. Story ids are the sources' ids, as in the store.
    /// </summary>
    public StorySet Match(IReadOnlyList<Article> queries, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        var queryIds = queries.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var set = Neighbourhood(queries.Select(Prepare).ToList(), queryIds, cancellationToken);
        var articles = _store.GetMany(set.Where(id => !queryIds.Contains(id))).Concat(queries).ToList();
        var all = Build(articles, progress, cancellationToken);
        var stories = all.Stories.Stories.Where(s => s.Members.Any(queryIds.Contains)).Select(s => s with { Id = s.Source }).ToList();
        var keep = stories.SelectMany(s => s.Members).Concat(queryIds).ToHashSet(StringComparer.Ordinal);
        var unrelated = all.Stories.Unrelated.Where(queryIds.Contains).ToList();
        return new StorySet(
            all.Documents.Where(d => keep.Contains(d.Id)).ToList(),
            new StoryResult(stories, unrelated, all.Stories.CandidatePairs, all.Stories.AnalysedPairs),
            all.Similarity);
    }

    /// <summary>
    /// A stored story with each derivation re-analysed (parent → member) among the story's members; the
    /// stored relation and parent are kept. Null when there is no such story.
    /// </summary>
    public StorySet? LoadStory(string storyId)
    {
        var assignments = _store.Story(storyId);
        if (assignments.Count == 0) return null;
        var articles = _store.GetMany(assignments.Select(a => a.ArticleId));
        var context = new AnalysisContext(_textAnalyzer);
        var docs = articles.Select(context.Add).ToList();
        var byId = docs.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var analyzer = context.CreateAnalyzer();
        var source = assignments.First(a => a.Parent == null || a.ArticleId == a.Source).Source;
        var derivations = new List<Derivation>();
        foreach (var a in assignments.Where(a => a.Parent != null).OrderBy(a => a.ArticleId, StringComparer.Ordinal))
        {
            if (!byId.TryGetValue(a.ArticleId, out var derived) || !byId.TryGetValue(a.Parent!, out var parent)) continue;
            var analysis = analyzer.Analyze(parent, derived);
            if (RelationNames.TryParse(a.Relation, out var stored) && stored != analysis.Relation)
            {
                analysis = analysis with { Relation = stored };
            }
            derivations.Add(new Derivation(derived.Id, parent.Id, analysis));
        }
        var members = new List<string> { source };
        members.AddRange(derivations.Select(d => d.Derived));
        var story = new Story(storyId, source, members, derivations);
        return new StorySet(docs, new StoryResult([story], [], 0, derivations.Count), analyzer.Similarity.Name);
    }

    /// <summary>
    /// Stories of a set of articles analysed together (their own vocabulary and term statistics). Cancellation is
    /// observed between pair analyses.
    /// </summary>
    public StorySet Build(IReadOnlyList<Article> articles, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        var context = new AnalysisContext(_textAnalyzer);
        var docs = new AnalyzedDocument[articles.Count];
        Parallel.For(0, articles.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => docs[i] = context.Add(articles[i]));
        var analyzer = context.CreateAnalyzer();
        try
        {
            var result = new StoryBuilder(analyzer).Build(docs, (done, total) =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke(done, total);
            });
            return new StorySet(docs, result, analyzer.Similarity.Name);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    /// <summary>Assignments with story id = source id.</summary>
    public static IReadOnlyList<StoryAssignment> ToAssignments(StoryResult result)
    {
        var list = new List<StoryAssignment>();
        foreach (var s in result.Stories)
        {
            list.Add(new StoryAssignment(s.Source, s.Source, s.Source, null, SourceRelation, 1));
            foreach (var d in s.Derivations)
            {
                list.Add(new StoryAssignment(d.Derived, s.Source, s.Source, d.From, d.Analysis.Relation.ToContractName(), d.Analysis.Confidence));
            }
        }
        return list;
    }

    /// <summary>
    /// The ids to analyse with the given articles: theirs, their best <see cref="MaxCandidatesPerArticle"/> stored
    /// candidates, and the story peers of those.
    /// </summary>
    private IReadOnlyList<string> Neighbourhood(IReadOnlyList<IndexedArticle> articles, HashSet<string>? excluded, CancellationToken cancellationToken)
    {
        long count = _store.Count();
        // As CandidateFinder: in a small pile every shared term is informative.
        int maxDf = Math.Max(MaxDocumentFrequency, count <= 50 ? (int)count + articles.Count : 0);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var own = articles.Select(a => a.Article.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var a in articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (excluded == null) ids.Add(a.Article.Id);
            var best = _store.FindCandidates(a.Terms, MinSharedTerms, maxDf)
                .OrderByDescending(c => c.SharedTerms).ThenBy(c => c.Id, StringComparer.Ordinal)
                .Take(MaxCandidatesPerArticle);
            foreach (var c in best)
            {
                if (excluded == null || !excluded.Contains(c.Id)) ids.Add(c.Id);
            }
        }
        var withPeers = _store.WithStoryPeers(ids).Where(id => excluded == null || !excluded.Contains(id));
        return excluded == null ? withPeers.ToList() : withPeers.Where(id => !own.Contains(id)).ToList();
    }
}
