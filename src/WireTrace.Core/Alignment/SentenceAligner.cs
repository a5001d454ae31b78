using System.Buffers;
using WireTrace.Core.Similarity;

namespace WireTrace.Core.Alignment;

/// <summary>
/// Aligns the sentences of a derived article with those of its source, in any order: one to one,
/// merges (n source sentences in one derived), splits (one source sentence in n derived) and moved
/// paragraphs. Seeds are pairs similar on their own evidence; extension then accepts weaker pairs
/// that continue the order of aligned neighbours (a paraphrased sentence inside a paraphrased
/// passage), while a lone weak overlap (an outlet's own inserted sentence) stays unaligned.
/// </summary>
public sealed class SentenceAligner
{
    private readonly ISentenceSimilarity _similarity;
    private readonly AlignerOptions _options;

    public SentenceAligner(ISentenceSimilarity similarity, AlignerOptions? options = null)
    {
        _similarity = similarity;
        _options = options ?? AlignerOptions.Default;
    }

    public AlignmentResult Align(DocumentProfile source, DocumentProfile derived)
    {
        int cells = derived.Sentences.Count * source.Sentences.Count;
        var scores = ArrayPool<SimilarityScore>.Shared.Rent(cells);
        try
        {
            _similarity.ScoreMatrix(derived, source, scores.AsSpan(0, cells));
            return Align(source, derived, scores);
        }
        finally
        {
            ArrayPool<SimilarityScore>.Shared.Return(scores);
        }
    }

    /// <summary>
    /// Aligns <paramref name="b"/> as derived from <paramref name="a"/> and <paramref name="a"/> as derived from
    /// <paramref name="b"/>, the same as two calls of <see cref="Align(DocumentProfile, DocumentProfile)"/>, from one
    /// matrix of scores (a similarity is symmetric: the second matrix is the first transposed, containments swapped).
    /// </summary>
    public (AlignmentResult BFromA, AlignmentResult AFromB) AlignBothWays(DocumentProfile a, DocumentProfile b)
    {
        int na = a.Sentences.Count, nb = b.Sentences.Count;
        // The matrices live only during this call (results keep no scores), so they are rented.
        var forward = ArrayPool<SimilarityScore>.Shared.Rent(nb * na);
        var backward = ArrayPool<SimilarityScore>.Shared.Rent(na * nb);
        try
        {
            _similarity.ScoreMatrix(b, a, forward.AsSpan(0, nb * na));
            for (int i = 0; i < nb; i++)
            {
                for (int j = 0; j < na; j++)
                {
                    var s = forward[i * na + j];
                    backward[j * nb + i] = new SimilarityScore(s.Score, s.ContainmentOfB, s.ContainmentOfA);
                }
            }
            return (Align(a, b, forward), Align(b, a, backward));
        }
        finally
        {
            ArrayPool<SimilarityScore>.Shared.Return(forward);
            ArrayPool<SimilarityScore>.Shared.Return(backward);
        }
    }

    /// <param name="scores">Derived sentence i against source sentence j at <c>i * source.Sentences.Count + j</c>.</param>
    private AlignmentResult Align(DocumentProfile source, DocumentProfile derived, SimilarityScore[] scores)
    {
        int n = derived.Sentences.Count, m = source.Sentences.Count;
        var links = new List<int>?[n];

        // Best source for each derived sentence and best derived for each source sentence.
        var best = new int[n];
        var bestForSource = new int[m];
        Array.Fill(best, -1);
        Array.Fill(bestForSource, -1);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double s = scores[i * m + j].Score;
                if (s <= 0) continue;
                if (best[i] < 0 || s > scores[i * m + best[i]].Score) best[i] = j;
                if (bestForSource[j] < 0 || s > scores[bestForSource[j] * m + j].Score) bestForSource[j] = i;
            }
        }

        Seed(scores, links, best, bestForSource, m);
        Extend(scores, links, best, derived, m);
        JoinSplits(scores, links, derived, m);
        JoinMerges(source, derived, scores, links, m);
        KeepSplitsContiguous(scores, links, m);
        return Build(source, derived, scores, links, m);
    }

    private void Seed(SimilarityScore[] scores, List<int>?[] links, int[] best, int[] bestForSource, int m)
    {
        for (int i = 0; i < links.Length; i++)
        {
            int j = best[i];
            if (j < 0) continue;
            double s = scores[i * m + j].Score;
            if (s >= _options.SeedThreshold || (s >= _options.MutualSeedThreshold && bestForSource[j] == i))
            {
                links[i] = [j];
            }
        }
    }

    /// <summary>Accepts weaker pairs that continue the order of aligned neighbours, until nothing changes.</summary>
    private void Extend(SimilarityScore[] scores, List<int>?[] links, int[] best, DocumentProfile derived, int m)
    {
        int n = links.Length;
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = 0; i < n; i++)
            {
                if (links[i] != null || best[i] < 0 || derived.Sentences[i].IsEmpty) continue;
                int bestJ = -1;
                double bestS = 0;
                for (int d = 1; d <= _options.ExtendGap; d++)
                {
                    // Previous aligned neighbour: expect the source sentence after its own.
                    if (i - d >= 0 && links[i - d] is { } prev)
                    {
                        Consider(scores, i, prev[^1] + d, m, ref bestJ, ref bestS);
                    }
                    if (i + d < n && links[i + d] is { } next)
                    {
                        Consider(scores, i, next[0] - d, m, ref bestJ, ref bestS);
                    }
                }
                if (bestJ < 0) continue;
                double globalBest = scores[i * m + best[i]].Score;
                if (bestS >= _options.ExtendThreshold && bestS >= 0.75 * globalBest)
                {
                    links[i] = [bestJ];
                    changed = true;
                }
            }
        }
    }

    private void Consider(SimilarityScore[] scores, int i, int expected, int m, ref int bestJ, ref double bestS)
    {
        for (int j = Math.Max(0, expected - _options.ExtendWindow); j <= Math.Min(m - 1, expected + _options.ExtendWindow); j++)
        {
            double s = scores[i * m + j].Score;
            if (s > bestS || (s == bestS && bestJ >= 0 && j < bestJ))
            {
                bestS = s;
                bestJ = j;
            }
        }
    }

    /// <summary>An unaligned derived sentence beside one aligned to j, and mostly made of j's words, is the other half of a split.</summary>
    private void JoinSplits(SimilarityScore[] scores, List<int>?[] links, DocumentProfile derived, int m)
    {
        for (int i = 0; i < links.Length; i++)
        {
            if (links[i] != null || derived.Sentences[i].IsEmpty) continue;
            foreach (int neighbour in (ReadOnlySpan<int>)[i - 1, i + 1])
            {
                if (neighbour < 0 || neighbour >= links.Length || links[neighbour] is not { Count: 1 } other) continue;
                var s = scores[i * m + other[0]];
                if (s.ContainmentOfA >= 0.6 && s.Score >= 0.75 * _options.ExtendThreshold)
                {
                    links[i] = [other[0]];
                    break;
                }
            }
        }
    }

    /// <summary>A source sentence beside the one a derived sentence renders is merged in when the derived sentence holds most of it too.</summary>
    private void JoinMerges(DocumentProfile source, DocumentProfile derived, SimilarityScore[] scores, List<int>?[] links, int m)
    {
        var used = new int[m];
        foreach (var l in links)
        {
            if (l == null) continue;
            foreach (var j in l) used[j]++;
        }
        for (int i = 0; i < links.Length; i++)
        {
            if (links[i] is not { } l) continue;
            foreach (int direction in (ReadOnlySpan<int>)[-1, 1])
            {
                while (true)
                {
                    int k = direction < 0 ? l.Min() - 1 : l.Max() + 1;
                    if (k < 0 || k >= m || used[k] > 0 || source.Sentences[k].IsEmpty) break;
                    var s = scores[i * m + k];
                    if (s.ContainmentOfB < _options.MergeContainment) break;
                    var current = l.ToArray();
                    double before = _similarity.Containment(derived, i, source, current);
                    double after = _similarity.Containment(derived, i, source, [.. current, k]);
                    if (after - before < _options.MergeGain) break;
                    l.Add(k);
                    used[k]++;
                }
            }
            l.Sort();
        }
    }

    /// <summary>
    /// A source sentence rendered by several derived sentences is a split only when they stand together: of
    /// the runs of adjacent derived sentences linked to it, the run with the best pair keeps the link; the
    /// other links are dropped (a chance match far away is not half of a split).
    /// </summary>
    private static void KeepSplitsContiguous(SimilarityScore[] scores, List<int>?[] links, int m)
    {
        var linkedFrom = new List<int>?[m];
        for (int i = 0; i < links.Length; i++)
        {
            if (links[i] == null) continue;
            foreach (var j in links[i]!) (linkedFrom[j] ??= []).Add(i);
        }
        for (int j = 0; j < m; j++)
        {
            if (linkedFrom[j] is not { Count: > 1 } from) continue;
            // Runs of adjacent derived indexes (already ascending).
            var runs = new List<List<int>> { new() { from[0] } };
            for (int k = 1; k < from.Count; k++)
            {
                if (from[k] == from[k - 1] + 1) runs[^1].Add(from[k]);
                else runs.Add([from[k]]);
            }
            if (runs.Count == 1) continue;
            var keep = runs.OrderByDescending(r => r.Max(i => scores[i * m + j].Score)).ThenBy(r => r[0]).First();
            foreach (var run in runs)
            {
                if (run == keep) continue;
                foreach (var i in run)
                {
                    links[i]!.Remove(j);
                    if (links[i]!.Count == 0) links[i] = null;
                }
            }
        }
    }

    private AlignmentResult Build(DocumentProfile source, DocumentProfile derived, SimilarityScore[] scores, List<int>?[] links, int m)
    {
        int n = links.Length;
        // Connected components of the bipartite links: derived i is node i, source j is node n + j.
        var parent = new int[n + m];
        for (int x = 0; x < parent.Length; x++) parent[x] = x;
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        for (int i = 0; i < n; i++)
        {
            if (links[i] == null) continue;
            foreach (var j in links[i]!)
            {
                int a = Find(i), b = Find(n + j);
                if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }
        var groups = new SortedDictionary<int, (List<int> D, List<int> S)>();
        for (int i = 0; i < n; i++)
        {
            if (links[i] == null) continue;
            int root = Find(i);
            if (!groups.TryGetValue(root, out var g)) groups[root] = g = ([], []);
            g.D.Add(i);
        }
        var sourceUsed = new bool[m];
        for (int j = 0; j < m; j++)
        {
            int root = Find(n + j);
            if (groups.TryGetValue(root, out var g))
            {
                g.S.Add(j);
                sourceUsed[j] = true;
            }
        }

        var ordered = groups.Values.OrderBy(g => g.D[0]).ToList();
        var inOrder = LongestIncreasing(ordered.Select(g => g.S[0]).ToArray());
        var alignments = new List<SentenceAlignment>(ordered.Count);
        for (int k = 0; k < ordered.Count; k++)
        {
            var (d, s) = ordered[k];
            var diff = WordDiff.Compute(source.Model, s, derived.Model, d);
            double similarity = GroupSimilarity(source, derived, scores, d, s, m);
            var kind = (d.Count, s.Count) switch
            {
                (1, 1) => diff.KeptWords == diff.SourceWords && diff.KeptWords == diff.DerivedWords ? AlignmentKind.Verbatim
                    : diff.KeptShare >= _options.NearVerbatimKeptShare ? AlignmentKind.NearVerbatim
                    : AlignmentKind.Paraphrase,
                (1, _) => AlignmentKind.Merge,
                (_, 1) => AlignmentKind.Split,
                _ => d.Count >= s.Count ? AlignmentKind.Split : AlignmentKind.Merge,
            };
            alignments.Add(new SentenceAlignment(d, s, kind, similarity, diff, !inOrder[k]));
        }

        var added = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (links[i] == null && !derived.Sentences[i].IsEmpty) added.Add(i);
        }
        var dropped = new List<int>();
        for (int j = 0; j < m; j++)
        {
            if (!sourceUsed[j] && !source.Sentences[j].IsEmpty) dropped.Add(j);
        }
        return new AlignmentResult(alignments, added, dropped);
    }

    /// <summary>One to one: the pair score. Groups: the mean, weighted by length, of how much each side's sentences are held by the other side.</summary>
    private double GroupSimilarity(DocumentProfile source, DocumentProfile derived, SimilarityScore[] scores, List<int> d, List<int> s, int m)
    {
        if (d.Count == 1 && s.Count == 1) return scores[d[0] * m + s[0]].Score;
        double total = 0, weight = 0;
        var sArray = s.ToArray();
        var dArray = d.ToArray();
        foreach (var i in d)
        {
            double w = Math.Max(1, derived.Sentences[i].ContentTokenCount);
            total += w * _similarity.Containment(derived, i, source, sArray);
            weight += w;
        }
        foreach (var j in s)
        {
            double w = Math.Max(1, source.Sentences[j].ContentTokenCount);
            total += w * _similarity.Containment(source, j, derived, dArray);
            weight += w;
        }
        return weight > 0 ? total / weight : 0;
    }

    /// <summary>Marks the members of one longest strictly increasing subsequence (ties go to the earliest).</summary>
    internal static bool[] LongestIncreasing(int[] values)
    {
        int k = values.Length;
        var result = new bool[k];
        if (k == 0) return result;
        var tailIndex = new int[k];
        var previous = new int[k];
        int length = 0;
        for (int x = 0; x < k; x++)
        {
            int lo = 0, hi = length;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (values[tailIndex[mid]] < values[x]) lo = mid + 1;
                else hi = mid;
            }
            previous[x] = lo > 0 ? tailIndex[lo - 1] : -1;
            tailIndex[lo] = x;
            if (lo == length) length++;
        }
        for (int x = tailIndex[length - 1]; x >= 0; x = previous[x]) result[x] = true;
        return result;
    }
}
