using WireTrace.Core.Analysis;

namespace WireTrace.Core.Stories;

/// <summary>A document as the story graph sees it: its id (the order of a pile) and publication date.</summary>
public readonly record struct StoryNode(string Id, DateOnly? Published);

/// <summary>
/// The verdict on one candidate pair (<see cref="A"/> &lt; <see cref="B"/>, node indexes), all the story graph needs of
/// its two analyses: the weight of the edge A → B (B derived from A) and of B → A, null when there is none, and
/// whether either analysis found a report of the same event, with the larger same-event score.
/// </summary>
public readonly record struct PairVerdict(int A, int B, double? WeightAB, double? WeightBA, bool SameEvent, double SameEventScore)
{
    /// <summary>The pair changes the stories: it carries a derivation edge or same-event evidence.</summary>
    public bool Matters => WeightAB.HasValue || WeightBA.HasValue || SameEvent;
}

/// <summary>Where a story member hangs: the node it was derived from, or, for <see cref="SameEvent"/>, the story source it reports the same event as.</summary>
public readonly record struct StoryParent(int From, bool SameEvent);

/// <summary>A story before its derivations are analysed: source, members (sorted node indexes) and each non-source member's parent.</summary>
public sealed record StoryShape(int Source, IReadOnlyList<int> Members, IReadOnlyDictionary<int, StoryParent> Parents);

/// <summary>
/// Groups a pile of documents into stories: candidate pairs are aligned both ways; every document gets
/// at most one parent from a maximum spanning arborescence over "how well B is explained by A" (a copy
/// of a copy hangs off the copy), with no edge going back in time; the trees are the stories and their
/// roots the sources. Same-event documents hang off the source of the story whose member they match best.
/// The result does not depend on the input order or the thread count.
/// </summary>
public sealed class StoryBuilder
{
    /// <summary>Margin by which another member must explain a text better than an agency original to become its parent.</summary>
    public const double SourcePreference = 0.01;

    /// <summary>Weight of the direction evidence (clamped to ±1) in an edge: enough to orient two equal texts, never to outweigh coverage.</summary>
    public const double DirectionWeight = 0.05;

    /// <summary>Average same-event score between the members of two groups at which they become one story (tuned on ECB+ train topics).</summary>
    public const double SameEventLinkage = 0.12;

    /// <summary>A text using less of another than this share is not placed under it (a compilation page is nobody's story source).</summary>
    public const double MinSourceShare = 0.05;

    private readonly PairAnalyzer _analyzer;
    private readonly ICandidateSource _candidates;

    public StoryBuilder(PairAnalyzer analyzer, ICandidateSource? candidates = null)
    {
        _analyzer = analyzer;
        _candidates = candidates ?? DefaultCandidates();
    }

    /// <summary>
    /// The default candidates: for a pile of up to <see cref="ExhaustiveCandidatesUpTo"/> documents, every pair
    /// sharing five rare terms (best recall, cost quadratic in a pile on one topic); above it, passage anchors and
    /// MinHash LSH for text reuse (scales to millions) plus entity anchors (three shared rare names) for independent
    /// reports of the same event.
    /// </summary>
    public static ICandidateSource DefaultCandidates() => new PileSizeCandidateSource(
        ExhaustiveCandidatesUpTo,
        new CandidateFinder(),
        new CombinedCandidateSource(new Retrieval.FingerprintCandidateSource(), new CandidateFinder(minSharedTerms: 3, namesOnly: true)));

    /// <summary>Pile size up to which the default candidates are every pair sharing rare terms.</summary>
    public const int ExhaustiveCandidatesUpTo = 500;

    /// <param name="progress">Receives the number of pairs analysed so far and the total.</param>
    public StoryResult Build(IReadOnlyList<AnalyzedDocument> input, Action<int, int>? progress = null, int maxDegreeOfParallelism = -1)
    {
        var docs = input.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();

        var candidates = _candidates.Find(docs);
        var forward = new PairAnalysis[candidates.Count];
        var backward = new PairAnalysis[candidates.Count];
        int done = 0;
        Parallel.For(0, candidates.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, k =>
        {
            var c = candidates[k];
            (forward[k], backward[k]) = _analyzer.AnalyzeBothWays(docs[c.A], docs[c.B]);
            int d = Interlocked.Increment(ref done);
            progress?.Invoke(d, candidates.Count);
        });

        // analyses[(a, b)] = b analysed as made from a.
        var analyses = new Dictionary<(int, int), PairAnalysis>();
        var verdicts = new PairVerdict[candidates.Count];
        for (int k = 0; k < candidates.Count; k++)
        {
            var (a, b) = (candidates[k].A, candidates[k].B);
            analyses[(a, b)] = forward[k];
            analyses[(b, a)] = backward[k];
            verdicts[k] = Verdict(a, b, docs[a], docs[b], forward[k], backward[k]);
        }

        var nodes = docs.Select(d => new StoryNode(d.Id, d.Article.Published)).ToArray();
        var shapes = Arrange(nodes, verdicts, maxDegreeOfParallelism);
        var stories = shapes.Select((shape, n) => Materialize(shape, n, i => docs[i], (from, to) => analyses.TryGetValue((from, to), out var a) ? a : null)).ToList();
        var inStory = new bool[docs.Length];
        foreach (var shape in shapes) foreach (var m in shape.Members) inStory[m] = true;
        var unrelated = Enumerable.Range(0, docs.Length).Where(i => !inStory[i]).Select(i => docs[i].Id).ToList();
        return new StoryResult(stories, unrelated, candidates.Count, candidates.Count * 2);
    }

    /// <summary>
    /// What the story graph keeps of the two analyses of candidate pair (<paramref name="a"/>, <paramref name="b"/>):
    /// the weight of each derivation edge (<see cref="EdgeWeight"/>) and the same-event evidence.
    /// </summary>
    public static PairVerdict Verdict(int a, int b, AnalyzedDocument docA, AnalyzedDocument docB, PairAnalysis aToB, PairAnalysis bToA)
    {
        bool sameEvent = aToB.Relation == Relation.SameEvent || bToA.Relation == Relation.SameEvent;
        return new PairVerdict(
            a,
            b,
            EdgeWeight(aToB, docA, docB),
            EdgeWeight(bToA, docB, docA),
            sameEvent,
            Math.Max(aToB.SameEvent.Score, bToA.SameEvent.Score));
    }

    /// <summary>
    /// Arranges a pile into stories from the verdicts of its candidate pairs (node indexes into
    /// <paramref name="nodes"/>, which must be sorted by id): a derivation forest, each tree re-rooted at its most
    /// central member, and groups joined by same-event evidence (see <see cref="Build"/>). Only verdicts with an
    /// edge or same-event evidence matter; the pile splits into the connected components of those, which are
    /// arranged independently (in parallel) with the same result as one pass over the whole pile. Stories come
    /// sorted by the id of their source.
    /// </summary>
    public static IReadOnlyList<StoryShape> Arrange(IReadOnlyList<StoryNode> nodes, IReadOnlyList<PairVerdict> verdicts, int maxDegreeOfParallelism = -1)
    {
        // Components over the nodes the verdicts name only, so the cost follows the verdicts, not the pile.
        var named = verdicts.Where(v => v.Matters).SelectMany(v => new[] { v.A, v.B }).Distinct().Order().ToArray();
        var slot = new Dictionary<int, int>(named.Length);
        for (int i = 0; i < named.Length; i++) slot[named[i]] = i;
        var sets = new UnionFind(named.Length);
        foreach (var v in verdicts)
        {
            if (v.Matters) sets.Union(slot[v.A], slot[v.B]);
        }
        // Each component: its verdicts and its nodes (lone nodes make no story and are left out).
        var edgesOf = new Dictionary<int, List<PairVerdict>>();
        var groups = new Dictionary<int, HashSet<int>>();
        foreach (var v in verdicts)
        {
            if (!v.Matters) continue;
            int r = named[sets.Find(slot[v.A])]; // the component's smallest node
            if (!edgesOf.TryGetValue(r, out var list))
            {
                edgesOf[r] = list = [];
                groups[r] = [];
            }
            list.Add(v);
            groups[r].Add(v.A);
            groups[r].Add(v.B);
        }
        var roots = groups.Keys.Order().ToArray();
        var shaped = new List<StoryShape>[roots.Length];
        Parallel.For(0, roots.Length, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, k =>
        {
            var members = groups[roots[k]].Order().ToList();
            var local = new Dictionary<int, int>(members.Count);
            for (int i = 0; i < members.Count; i++) local[members[i]] = i;
            var localNodes = members.Select(m => nodes[m]).ToArray();
            var localVerdicts = edgesOf[roots[k]]
                .Select(v => v with { A = local[v.A], B = local[v.B] })
                .OrderBy(v => v.A).ThenBy(v => v.B)
                .ToList();
            shaped[k] = ArrangeComponent(localNodes, localVerdicts)
                .Select(s => new StoryShape(
                    members[s.Source],
                    s.Members.Select(m => members[m]).ToList(),
                    s.Parents.ToDictionary(p => members[p.Key], p => new StoryParent(members[p.Value.From], p.Value.SameEvent))))
                .ToList();
        });
        return shaped.SelectMany(s => s).OrderBy(s => nodes[s.Source].Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The story at position <paramref name="number"/> (0-based; its id is <c>story-{number + 1}</c>) of a pile arranged by
    /// <see cref="Arrange"/> (node indexes sorted by id), with its derivations in member order: the analysis
    /// of each member as made from its parent, taken from <paramref name="known"/> when it has it, else computed;
    /// a same-event attachment keeps its analysis with the relation set to same-event.
    /// </summary>
    public Story Materialize(StoryShape shape, int number, Func<int, AnalyzedDocument> document, Func<int, int, PairAnalysis?> known)
    {
        var source = document(shape.Source);
        var others = shape.Members.Where(m => m != shape.Source).ToList(); // sorted indexes: sorted by id
        var derivations = new List<Derivation>(others.Count);
        foreach (var m in others)
        {
            var parent = shape.Parents[m];
            var from = document(parent.From);
            var derived = document(m);
            var analysis = known(parent.From, m) ?? _analyzer.Analyze(from, derived);
            if (parent.SameEvent) analysis = analysis with { Relation = Relation.SameEvent };
            derivations.Add(new Derivation(derived.Id, from.Id, analysis));
        }
        return new Story(StoryId(number), source.Id, [source.Id, .. derivations.Select(d => d.Derived)], derivations);
    }

    /// <summary>The id of the story at position <paramref name="number"/> (0-based) of a pile: <c>story-{number + 1}</c>.</summary>
    public static string StoryId(int number) => $"story-{number + 1}";

    /// <summary>One connected component: the derivation forest, re-rooted trees and same-event groups, in local indexes.</summary>
    private static List<(int Source, List<int> Members, Dictionary<int, (int From, bool SameEvent)> Parents)> ArrangeComponent(StoryNode[] docs, List<PairVerdict> verdicts)
    {
        // weights[(a, b)] = weight of the edge a → b (b derived from a), for edges that exist.
        var weights = new Dictionary<(int, int), double>();
        foreach (var v in verdicts)
        {
            if (v.WeightAB is { } ab) weights[(v.A, v.B)] = ab;
            if (v.WeightBA is { } ba) weights[(v.B, v.A)] = ba;
        }

        var parentOf = DerivationForest(docs.Length, weights);
        var stories = new List<(int Source, List<int> Members, Dictionary<int, (int From, bool SameEvent)> Parents)>();
        var inStory = new int[docs.Length];
        Array.Fill(inStory, -1);
        var trees = new UnionFind(docs.Length);
        for (int v = 0; v < docs.Length; v++)
        {
            if (parentOf[v] >= 0) trees.Union(v, parentOf[v]);
        }
        foreach (var tree in trees.Components().Where(c => c.Count > 1))
        {
            int source = tree.Single(v => parentOf[v] < 0);
            int central = MostCentral(tree, source, docs, weights);
            if (central != source)
            {
                RootTreeAt(central, tree, weights, parentOf);
                source = central;
            }
            var parents = new Dictionary<int, (int From, bool SameEvent)>();
            foreach (var v in tree)
            {
                if (v != source) parents[v] = (parentOf[v], false);
            }
            foreach (var m in tree) inStory[m] = stories.Count;
            stories.Add((source, tree, parents));
        }

        AttachSameEvent(docs, verdicts, stories, inStory);
        return stories;
    }

    /// <summary>
    /// One maximum spanning arborescence over the whole pile, rooted at a virtual node: an edge A → B for
    /// every analysis that finds B derived from A (see <see cref="EdgeWeight"/>); the virtual root reaches
    /// every document at weight 0. Each document gets at most one parent; the trees under the virtual root
    /// are the stories. Unlike connected components, one compilation page that contains many stories
    /// cannot chain them into one.
    /// </summary>
    private static int[] DerivationForest(int n, Dictionary<(int, int), double> weights)
    {
        int root = n;
        var edges = new List<WeightedEdge>();
        foreach (var ((from, to), w) in weights.OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2)) edges.Add(new WeightedEdge(from, to, w));
        for (int v = 0; v < n; v++) edges.Add(new WeightedEdge(root, v, 0));
        var parent = MaximumArborescence.Solve(n + 1, root, edges);
        var result = new int[n];
        for (int v = 0; v < n; v++) result[v] = parent[v] == root ? -1 : parent[v];
        return result;
    }

    /// <summary>
    /// The weight of the edge source → derived: how well the source explains the derived text, plus a small
    /// share of the direction evidence and a preference for agency originals; null when the analysis finds no
    /// derivation, when the derived text uses less than <see cref="MinSourceShare"/> of the source, or when the
    /// derived text was published before the source.
    /// </summary>
    private static double? EdgeWeight(PairAnalysis a, AnalyzedDocument source, AnalyzedDocument derived)
    {
        if (!a.Relation.IsDerivation() || a.Coverage.OfSource < MinSourceShare) return null;
        var ps = source.Article.Published;
        var pd = derived.Article.Published;
        if (ps.HasValue && pd.HasValue && pd < ps) return null;
        double direction = Math.Clamp(a.Direction.Score / 2, -1, 1) * DirectionWeight;
        double agency = DirectionEstimator.IsAgencyOriginal(source) ? SourcePreference : 0;
        return a.Explanation + direction + agency;
    }

    /// <summary>
    /// The member that explains the others best (the sum of its edge weights to them): the original of a
    /// story explains every copy better than a copy with edits of its own does. Members published after
    /// another member cannot be the source. Ties keep the forest's root.
    /// </summary>
    private static int MostCentral(List<int> members, int current, StoryNode[] docs, Dictionary<(int, int), double> weights)
    {
        var earliest = members.Select(m => docs[m].Published).Where(p => p.HasValue).DefaultIfEmpty(null).Min();
        int best = current;
        double bestScore = Centrality(current);
        foreach (var c in members)
        {
            if (c == current) continue;
            if (earliest.HasValue && docs[c].Published is { } pc && pc > earliest) continue;
            double score = Centrality(c);
            if (score > bestScore + 1e-9)
            {
                best = c;
                bestScore = score;
            }
        }
        return best;

        double Centrality(int c)
        {
            double total = 0;
            foreach (var m in members)
            {
                if (m != c && weights.TryGetValue((c, m), out var w)) total += w;
            }
            return total;
        }
    }

    /// <summary>Re-chooses the parents of one tree's members for a new root (a maximum arborescence inside the tree).</summary>
    private static void RootTreeAt(int root, List<int> members, Dictionary<(int, int), double> weights, int[] parentOf)
    {
        var local = members.ToArray();
        int r = Array.IndexOf(local, root);
        var edges = new List<WeightedEdge>();
        for (int u = 0; u < local.Length; u++)
        {
            for (int v = 0; v < local.Length; v++)
            {
                if (u == v || v == r) continue;
                if (weights.TryGetValue((local[u], local[v]), out var w))
                {
                    edges.Add(new WeightedEdge(u, v, w));
                }
                else if (u == r)
                {
                    edges.Add(new WeightedEdge(u, v, -1000)); // the source reaches everyone, if only weakly
                }
            }
        }
        var parent = MaximumArborescence.Solve(local.Length, r, edges);
        for (int v = 0; v < local.Length; v++) parentOf[local[v]] = v == r ? -1 : local[parent[v]];
    }

    /// <summary>
    /// Joins groups that report the same event: a group is a derivation tree or a document in none. Groups
    /// linked by a same-event pair of their members form one story; its source is the source of the largest
    /// tree (then the earliest, then by id), and the root of every other group hangs off it as
    /// <c>same-event</c>, keeping its own derived copies below it.
    /// </summary>
    private static void AttachSameEvent(
        StoryNode[] docs,
        List<PairVerdict> verdicts,
        List<(int Source, List<int> Members, Dictionary<int, (int From, bool SameEvent)> Parents)> stories,
        int[] inStory)
    {
        // Group ids: stories keep their index; a document in no story is group stories.Count + doc.
        int GroupOf(int doc) => inStory[doc] >= 0 ? inStory[doc] : stories.Count + doc;
        int groupCount = stories.Count + docs.Length;
        var size = new int[groupCount];
        for (int d = 0; d < docs.Length; d++) size[GroupOf(d)]++;
        // Average linkage over same-event evidence: two groups join when the same-event scores between their
        // members, summed and divided by the number of member pairs, reach the threshold. One chance link
        // between two large groups cannot join two events, as it would in single linkage.
        var links = new Dictionary<int, Dictionary<int, double>>();
        void AddLink(int g, int h, double score)
        {
            if (!links.TryGetValue(g, out var row)) links[g] = row = [];
            row[h] = row.GetValueOrDefault(h) + score;
        }
        foreach (var v in verdicts)
        {
            int g = GroupOf(v.A), h = GroupOf(v.B);
            if (!v.SameEvent || g == h) continue;
            AddLink(g, h, v.SameEventScore);
            AddLink(h, g, v.SameEventScore);
        }
        var events = new UnionFind(groupCount);
        while (true)
        {
            int bestG = -1, bestH = -1;
            double best = 0;
            foreach (var (g, row) in links.OrderBy(p => p.Key))
            {
                foreach (var (h, sum) in row.OrderBy(p => p.Key))
                {
                    if (h <= g) continue;
                    double average = sum / ((double)size[g] * size[h]);
                    if (average > best + 1e-12) { best = average; bestG = g; bestH = h; }
                }
            }
            if (bestG < 0 || best < SameEventLinkage) break;
            // Merge bestH into bestG: sizes and link sums add up.
            events.Union(bestG, bestH);
            size[bestG] += size[bestH];
            var merging = links[bestH];
            links.Remove(bestH);
            links[bestG].Remove(bestH);
            foreach (var (other, sum) in merging)
            {
                if (other == bestG) continue;
                links[other].Remove(bestH);
                AddLink(bestG, other, sum);
                AddLink(other, bestG, sum);
            }
            if (links[bestG].Count == 0) links.Remove(bestG);
        }

        var merged = new List<(int Source, List<int> Members, Dictionary<int, (int From, bool SameEvent)> Parents)>();
        foreach (var component in events.Components())
        {
            var trees = component.Where(g => g < stories.Count).Select(g => stories[g]).ToList();
            var singles = component.Where(g => g >= stories.Count).Select(g => g - stories.Count).ToList();
            if (trees.Count + singles.Count < 2)
            {
                if (trees.Count == 1) merged.Add(trees[0]);
                continue;
            }
            // The main group: the largest tree, then the earliest source, then by id; else the earliest single.
            var roots = trees.Select(t => (t.Source, Size: t.Members.Count))
                .Concat(singles.Select(d => (Source: d, Size: 1)))
                .OrderByDescending(r => r.Size)
                .ThenBy(r => docs[r.Source].Published ?? DateOnly.MaxValue)
                .ThenBy(r => docs[r.Source].Id, StringComparer.Ordinal)
                .ToList();
            int source = roots[0].Source;
            var members = new List<int>();
            var parents = new Dictionary<int, (int From, bool SameEvent)>();
            foreach (var t in trees)
            {
                members.AddRange(t.Members);
                foreach (var (m, d) in t.Parents) parents[m] = d;
            }
            members.AddRange(singles);
            foreach (var (root, _) in roots.Skip(1)) parents[root] = (source, true);
            members.Sort();
            merged.Add((source, members, parents));
        }
        stories.Clear();
        stories.AddRange(merged);
    }
}
