using WireTrace.Core.Analysis;

namespace WireTrace.Core.Stories;

/// <summary>
/// Groups a pile of documents into stories: candidate pairs are aligned both ways; pairs with a text
/// derivation join documents into a story; the story's source is the member the direction evidence
/// favours over the others; each member's parent is chosen by a maximum spanning arborescence over
/// "how well B is explained by A" (a copy of a copy hangs off the copy), with no edge going back in
/// time. Same-event documents hang off the source of the story whose member they match best.
/// The result does not depend on the input order or the thread count.
/// </summary>
public sealed class StoryBuilder
{
    /// <summary>Margin by which another member must explain a text better than the source to become its parent.</summary>
    public const double SourcePreference = 0.01;

    private readonly PairAnalyzer _analyzer;
    private readonly ICandidateSource _candidates;

    public StoryBuilder(PairAnalyzer analyzer, ICandidateSource? candidates = null)
    {
        _analyzer = analyzer;
        _candidates = candidates ?? new CandidateFinder();
    }

    /// <param name="progress">Receives the number of pairs analysed so far and the total.</param>
    public StoryResult Build(IReadOnlyList<AnalyzedDocument> input, Action<int, int>? progress = null, int maxDegreeOfParallelism = -1)
    {
        var docs = input.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < docs.Length; i++) index[docs[i].Id] = i;

        var candidates = _candidates.Find(docs);
        var forward = new PairAnalysis[candidates.Count];
        var backward = new PairAnalysis[candidates.Count];
        int done = 0;
        Parallel.For(0, candidates.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, k =>
        {
            var c = candidates[k];
            forward[k] = _analyzer.Analyze(docs[c.A], docs[c.B]);
            backward[k] = _analyzer.Analyze(docs[c.B], docs[c.A]);
            int d = Interlocked.Increment(ref done);
            progress?.Invoke(d, candidates.Count);
        });

        // analyses[(a, b)] = b analysed as made from a.
        var analyses = new Dictionary<(int, int), PairAnalysis>();
        for (int k = 0; k < candidates.Count; k++)
        {
            analyses[(candidates[k].A, candidates[k].B)] = forward[k];
            analyses[(candidates[k].B, candidates[k].A)] = backward[k];
        }

        var derivationSets = new UnionFind(docs.Length);
        for (int k = 0; k < candidates.Count; k++)
        {
            if (forward[k].Relation.IsDerivation() || backward[k].Relation.IsDerivation())
            {
                derivationSets.Union(candidates[k].A, candidates[k].B);
            }
        }

        var stories = new List<(int Source, List<int> Members, Dictionary<int, Derivation> Parents)>();
        var inStory = new int[docs.Length];
        Array.Fill(inStory, -1);
        foreach (var component in derivationSets.Components().Where(c => c.Count > 1))
        {
            int source = ChooseSource(component, docs, analyses);
            var parents = ChooseParents(source, component, docs, analyses);
            foreach (var m in component) inStory[m] = stories.Count;
            stories.Add((source, component, parents));
        }

        AttachSameEvent(docs, candidates, forward, backward, stories, inStory);

        var ordered = stories
            .OrderBy(s => docs[s.Source].Id, StringComparer.Ordinal)
            .Select((s, n) => new Story(
                $"story-{n + 1}",
                docs[s.Source].Id,
                [docs[s.Source].Id, .. s.Members.Where(m => m != s.Source).Select(m => docs[m].Id).Order(StringComparer.Ordinal)],
                s.Members.Where(m => m != s.Source).OrderBy(m => docs[m].Id, StringComparer.Ordinal).Select(m => s.Parents[m]).ToList()))
            .ToList();
        var unrelated = Enumerable.Range(0, docs.Length).Where(i => inStory[i] < 0).Select(i => docs[i].Id).ToList();
        return new StoryResult(ordered, unrelated, candidates.Count, candidates.Count * 2);
    }

    /// <summary>The member with the most direction evidence over the others; ties to agency originals, earlier dates, then id.</summary>
    private static int ChooseSource(List<int> members, AnalyzedDocument[] docs, Dictionary<(int, int), PairAnalysis> analyses)
    {
        int best = -1;
        double bestScore = double.NegativeInfinity;
        foreach (var x in members)
        {
            double score = 0;
            foreach (var y in members)
            {
                if (x == y || !analyses.TryGetValue((x, y), out var a) || !analyses.TryGetValue((y, x), out var b)) continue;
                if (!a.Relation.IsDerivation() && !b.Relation.IsDerivation()) continue;
                score += a.Direction.Score;
            }
            if (best < 0 || score > bestScore + 1e-9 || (Math.Abs(score - bestScore) <= 1e-9 && Prefer(docs[x], docs[best])))
            {
                best = x;
                bestScore = score;
            }
        }
        return best;
    }

    private static bool Prefer(AnalyzedDocument x, AnalyzedDocument y)
    {
        bool ax = DirectionEstimator.IsAgencyOriginal(x), ay = DirectionEstimator.IsAgencyOriginal(y);
        if (ax != ay) return ax;
        var px = x.Article.Published ?? DateOnly.MaxValue;
        var py = y.Article.Published ?? DateOnly.MaxValue;
        if (px != py) return px < py;
        return string.CompareOrdinal(x.Id, y.Id) < 0;
    }

    private Dictionary<int, Derivation> ChooseParents(int source, List<int> members, AnalyzedDocument[] docs, Dictionary<(int, int), PairAnalysis> analyses)
    {
        // Local node numbers: members in id order.
        var local = members.OrderBy(m => m).ToArray();
        int root = Array.IndexOf(local, source);
        var edges = new List<WeightedEdge>();
        for (int u = 0; u < local.Length; u++)
        {
            for (int v = 0; v < local.Length; v++)
            {
                if (u == v || v == root) continue;
                if (!analyses.TryGetValue((local[u], local[v]), out var a) || !a.Relation.IsDerivation()) continue;
                var pu = docs[local[u]].Article.Published;
                var pv = docs[local[v]].Article.Published;
                if (pu.HasValue && pv.HasValue && pv < pu) continue; // no derivation back in time
                // A member hangs off the source unless another member explains it clearly better.
                edges.Add(new WeightedEdge(u, v, a.Explanation + (u == root ? SourcePreference : 0)));
            }
            // The source reaches everyone, if only weakly, so every member gets a parent.
            if (u == root)
            {
                for (int v = 0; v < local.Length; v++)
                {
                    if (v != root) edges.Add(new WeightedEdge(root, v, -1000));
                }
            }
        }
        var parent = MaximumArborescence.Solve(local.Length, root, edges);
        var result = new Dictionary<int, Derivation>();
        for (int v = 0; v < local.Length; v++)
        {
            if (v == root) continue;
            int from = local[parent[v]];
            var analysis = analyses.TryGetValue((from, local[v]), out var a) ? a : _analyzer.Analyze(docs[from], docs[local[v]]);
            result[local[v]] = new Derivation(docs[local[v]].Id, docs[from].Id, analysis);
        }
        return result;
    }

    private void AttachSameEvent(
        AnalyzedDocument[] docs,
        IReadOnlyList<CandidatePair> candidates,
        PairAnalysis[] forward,
        PairAnalysis[] backward,
        List<(int Source, List<int> Members, Dictionary<int, Derivation> Parents)> stories,
        int[] inStory)
    {
        // Best same-event match in a story, for each document outside the stories.
        var bestMatch = new Dictionary<int, (int Story, double Score)>();
        var loose = new UnionFind(docs.Length);
        var looseScore = new Dictionary<(int, int), double>();
        for (int k = 0; k < candidates.Count; k++)
        {
            var c = candidates[k];
            bool sameEvent = forward[k].Relation == Relation.SameEvent || backward[k].Relation == Relation.SameEvent;
            if (!sameEvent) continue;
            double score = Math.Max(forward[k].SameEvent.Score, backward[k].SameEvent.Score);
            foreach (var (outside, member) in new[] { (c.A, c.B), (c.B, c.A) })
            {
                if (inStory[outside] >= 0 || inStory[member] < 0) continue;
                if (!bestMatch.TryGetValue(outside, out var b) || score > b.Score || (score == b.Score && inStory[member] < b.Story))
                {
                    bestMatch[outside] = (inStory[member], score);
                }
            }
            if (inStory[c.A] < 0 && inStory[c.B] < 0)
            {
                loose.Union(c.A, c.B);
                looseScore[(c.A, c.B)] = score;
            }
        }
        foreach (var (doc, match) in bestMatch.OrderBy(p => p.Key))
        {
            var story = stories[match.Story];
            var analysis = _analyzer.Analyze(docs[story.Source], docs[doc]);
            story.Members.Add(doc);
            story.Parents[doc] = new Derivation(docs[doc].Id, docs[story.Source].Id, analysis with { Relation = Relation.SameEvent });
            inStory[doc] = match.Story;
        }

        // Documents that only report the same event as each other form a story of their own.
        foreach (var component in loose.Components().Where(c => c.Count > 1))
        {
            var members = component.Where(m => inStory[m] < 0).ToList();
            if (members.Count < 2) continue;
            int source = members.OrderBy(m => docs[m].Article.Published ?? DateOnly.MaxValue).ThenBy(m => docs[m].Id, StringComparer.Ordinal).First();
            var parents = new Dictionary<int, Derivation>();
            foreach (var m in members)
            {
                if (m == source) continue;
                var analysis = _analyzer.Analyze(docs[source], docs[m]);
                parents[m] = new Derivation(docs[m].Id, docs[source].Id, analysis with { Relation = Relation.SameEvent });
            }
            foreach (var m in members) inStory[m] = stories.Count;
            stories.Add((source, members, parents));
        }
    }

    private sealed class UnionFind
    {
        private readonly int[] _parent;

        public UnionFind(int n)
        {
            _parent = new int[n];
            for (int i = 0; i < n; i++) _parent[i] = i;
        }

        public int Find(int x)
        {
            while (_parent[x] != x) x = _parent[x] = _parent[_parent[x]];
            return x;
        }

        public void Union(int a, int b)
        {
            int x = Find(a), y = Find(b);
            if (x != y) _parent[Math.Max(x, y)] = Math.Min(x, y);
        }

        /// <summary>Components as sorted member lists, in order of their smallest member.</summary>
        public List<List<int>> Components()
        {
            var map = new SortedDictionary<int, List<int>>();
            for (int i = 0; i < _parent.Length; i++)
            {
                int r = Find(i);
                if (!map.TryGetValue(r, out var list)) map[r] = list = [];
                list.Add(i);
            }
            return [.. map.Values];
        }
    }
}
