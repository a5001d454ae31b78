using WireTrace.Core.Stories;

namespace WireTrace.Core.Tests.Stories;

public sealed class MaximumArborescenceTests
{
    [Fact]
    public void Chooses_best_parent_per_node_when_no_cycle()
    {
        var edges = new[] { new WeightedEdge(0, 1, 5), new WeightedEdge(0, 2, 1), new WeightedEdge(1, 2, 4) };
        var parent = MaximumArborescence.Solve(3, 0, edges);
        Assert.Equal([-1, 0, 1], parent);
    }

    [Fact]
    public void Breaks_a_cycle_at_its_cheapest_entry()
    {
        // 1 and 2 prefer each other (weight 10); the root reaches 1 with 3 and 2 with 1:
        // best tree is 0→1 (3) + 1→2 (10) = 13, not 0→2 (1) + 2→1 (10) = 11.
        var edges = new[]
        {
            new WeightedEdge(0, 1, 3), new WeightedEdge(0, 2, 1),
            new WeightedEdge(1, 2, 10), new WeightedEdge(2, 1, 10),
        };
        var parent = MaximumArborescence.Solve(3, 0, edges);
        Assert.Equal([-1, 0, 1], parent);
    }

    [Fact]
    public void Copy_of_a_copy_hangs_off_the_copy()
    {
        // source 0, excerpt 1, copy-of-excerpt 2: the copy is explained best by the excerpt.
        var edges = new[]
        {
            new WeightedEdge(0, 1, 0.9), new WeightedEdge(0, 2, 0.85),
            new WeightedEdge(1, 2, 0.99), new WeightedEdge(2, 1, 0.97),
        };
        Assert.Equal([-1, 0, 1], MaximumArborescence.Solve(3, 0, edges));
    }

    [Fact]
    public void Nested_cycles_are_contracted_and_expanded()
    {
        // Brute force over all parent assignments of a 5-node graph checks the optimum.
        var rng = new Random(7);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = 5;
            var edges = new List<WeightedEdge>();
            for (int u = 0; u < n; u++)
            {
                for (int v = 1; v < n; v++)
                {
                    if (u != v && rng.NextDouble() < 0.7) edges.Add(new WeightedEdge(u, v, Math.Round(rng.NextDouble() * 10, 2)));
                }
            }
            var parent = MaximumArborescence.Solve(n, 0, edges);
            double best = BruteForce(n, edges);
            if (double.IsNegativeInfinity(best)) continue;
            Assert.Equal(best, Total(parent, edges), 6);
        }
    }

    [Fact]
    public void Unreachable_nodes_have_no_parent()
    {
        var parent = MaximumArborescence.Solve(3, 0, [new WeightedEdge(0, 1, 1)]);
        Assert.Equal([-1, 0, -1], parent);
    }

    private static double Total(int[] parent, List<WeightedEdge> edges)
    {
        double total = 0;
        for (int v = 1; v < parent.Length; v++)
        {
            if (parent[v] < 0) return double.NegativeInfinity;
            total += edges.Where(e => e.From == parent[v] && e.To == v).Max(e => e.Weight);
        }
        return total;
    }

    private static double BruteForce(int n, List<WeightedEdge> edges)
    {
        double best = double.NegativeInfinity;
        var parent = new int[n];
        void Recurse(int v)
        {
            if (v == n)
            {
                if (IsTree(parent)) best = Math.Max(best, Total(parent, edges));
                return;
            }
            foreach (var e in edges.Where(e => e.To == v).Select(e => e.From).Distinct())
            {
                parent[v] = e;
                Recurse(v + 1);
            }
        }
        parent[0] = -1;
        Recurse(1);
        return best;
    }

    private static bool IsTree(int[] parent)
    {
        for (int v = 1; v < parent.Length; v++)
        {
            int x = v, steps = 0;
            while (x != 0 && steps++ <= parent.Length) x = parent[x];
            if (x != 0) return false;
        }
        return true;
    }
}
