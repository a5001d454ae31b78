namespace WireTrace.Core.Stories;

/// <summary>A directed weighted edge between node indexes.</summary>
public readonly record struct WeightedEdge(int From, int To, double Weight);

/// <summary>
/// Maximum spanning arborescence (Chu-Liu/Edmonds): for a fixed root, each other node gets exactly one
/// parent so that the total weight of the chosen edges is maximal and no cycle forms. Ties go to the
/// smaller parent index, so the result is deterministic.
/// </summary>
public static class MaximumArborescence
{
    /// <summary>Returns parent[v] for every node (-1 for the root and for nodes no edge reaches).</summary>
    public static int[] Solve(int nodeCount, int root, IReadOnlyList<WeightedEdge> edges)
    {
        var usable = new List<Edge>();
        for (int k = 0; k < edges.Count; k++)
        {
            var e = edges[k];
            if (e.To != root && e.From != e.To) usable.Add(new Edge(e.From, e.To, e.Weight, k));
        }
        var parent = new int[nodeCount];
        Array.Fill(parent, -1);
        foreach (var k in SolveEdges(nodeCount, root, usable)) parent[edges[k].To] = edges[k].From;
        return parent;
    }

    /// <summary>An edge of a (possibly contracted) graph, with the index of the original edge it stands for.</summary>
    private readonly record struct Edge(int From, int To, double Weight, int Origin);

    /// <summary>The chosen edges, as indexes of the original edges (kept through contractions).</summary>
    private static List<int> SolveEdges(int n, int root, List<Edge> edges)
    {
        // Best incoming edge per node.
        var best = new int[n];
        Array.Fill(best, -1);
        for (int k = 0; k < edges.Count; k++)
        {
            var e = edges[k];
            int b = best[e.To];
            if (b < 0 || e.Weight > edges[b].Weight || (e.Weight == edges[b].Weight && e.From < edges[b].From)) best[e.To] = k;
        }

        // Find cycles among the best incoming edges.
        var cycleOf = new int[n];
        Array.Fill(cycleOf, -1);
        var visit = new int[n];
        Array.Fill(visit, -1);
        int cycles = 0;
        for (int v = 0; v < n; v++)
        {
            int x = v;
            while (x != root && best[x] >= 0 && visit[x] < 0 && cycleOf[x] < 0)
            {
                visit[x] = v;
                x = edges[best[x]].From;
            }
            if (x != root && best[x] >= 0 && visit[x] == v && cycleOf[x] < 0)
            {
                int y = x;
                do
                {
                    cycleOf[y] = cycles;
                    y = edges[best[y]].From;
                } while (y != x);
                cycles++;
            }
        }

        if (cycles == 0)
        {
            var result = new List<int>();
            for (int v = 0; v < n; v++)
            {
                if (best[v] >= 0) result.Add(edges[best[v]].Origin);
            }
            return result;
        }

        // Contract: every cycle becomes one node; other nodes keep their own (renumbered).
        var map = new int[n];
        int next = cycles;
        for (int v = 0; v < n; v++) map[v] = cycleOf[v] >= 0 ? cycleOf[v] : next++;
        // Each contracted edge's Origin is its index in this level's edge list.
        var contracted = new List<Edge>();
        for (int k = 0; k < edges.Count; k++)
        {
            var e = edges[k];
            int u = map[e.From], w = map[e.To];
            if (u == w) continue;
            double weight = cycleOf[e.To] >= 0 ? e.Weight - edges[best[e.To]].Weight : e.Weight;
            contracted.Add(new Edge(u, w, weight, k));
        }
        var sub = SolveEdges(next, map[root], contracted);

        // Expand: the chosen edge entering a cycle replaces the best edge of the node it enters.
        var result2 = new List<int>();
        var entered = new bool[n];
        foreach (var k in sub)
        {
            var e = edges[k];
            result2.Add(e.Origin);
            if (cycleOf[e.To] >= 0) entered[e.To] = true;
        }
        for (int v = 0; v < n; v++)
        {
            if (cycleOf[v] >= 0 && !entered[v]) result2.Add(edges[best[v]].Origin);
        }
        return result2;
    }
}
