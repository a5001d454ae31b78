namespace WireTrace.Core.Stories;

/// <summary>Disjoint sets over 0..n-1 (path halving); the representative of each set is its smallest member.</summary>
public sealed class UnionFind
{
    private readonly int[] _parent;

    public UnionFind(int n)
    {
        _parent = new int[n];
        for (int i = 0; i < n; i++) _parent[i] = i;
    }

    /// <summary>The smallest member of <paramref name="x"/>'s set.</summary>
    public int Find(int x)
    {
        while (_parent[x] != x) x = _parent[x] = _parent[_parent[x]];
        return x;
    }

    /// <summary>Joins the sets of <paramref name="a"/> and <paramref name="b"/>.</summary>
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
