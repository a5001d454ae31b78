namespace WireTrace.Encoder.Combiner;

/// <summary>
/// An ensemble of regression trees of one fixed depth whose summed outputs are a logit (gradient boosting with the
/// logistic loss): <c>raw = bias + Σ tree_t(x)</c>. Each tree is stored heap-ordered (node <c>i</c> has children
/// <c>2i + 1</c> and <c>2i + 2</c>): a node with feature −1 is a leaf and holds the tree's output; otherwise a row goes
/// left when its feature is at most the node's threshold. Thresholds and outputs are float32 values, as stored.
/// </summary>
public sealed class BoostedTrees
{
    /// <summary>Makes the ensemble from its arrays (each of length <c>trees × (2^(depth+1) − 1)</c>).</summary>
    public BoostedTrees(int width, int depth, double bias, int[] features, float[] thresholds, float[] values)
    {
        if (depth < 1 || depth > 8) throw new ArgumentOutOfRangeException(nameof(depth), depth, "tree depth must be 1 to 8");
        NodesPerTree = (1 << (depth + 1)) - 1;
        if (features.Length % NodesPerTree != 0 || thresholds.Length != features.Length || values.Length != features.Length)
            throw new ArgumentException($"tree arrays must hold a whole number of depth-{depth} trees ({NodesPerTree} nodes each)");
        for (int i = 0; i < features.Length; i++)
        {
            if (features[i] >= width || features[i] < -1) throw new ArgumentException($"node {i} splits on feature {features[i]}, outside 0..{width - 1}");
            if (features[i] >= 0 && i % NodesPerTree >= NodesPerTree / 2) throw new ArgumentException($"node {i} splits below the depth of its tree");
        }
        Width = width;
        Depth = depth;
        Bias = bias;
        Features = features;
        Thresholds = thresholds;
        Values = values;
    }

    /// <summary>How many leading features of a row the trees read.</summary>
    public int Width { get; }

    public int Depth { get; }

    /// <summary>The starting logit (log-odds of the training targets).</summary>
    public double Bias { get; }

    /// <summary>Split feature per node (−1 for a leaf).</summary>
    public int[] Features { get; }

    public float[] Thresholds { get; }

    /// <summary>Output per leaf node (shrinkage included).</summary>
    public float[] Values { get; }

    /// <summary>Nodes per tree: 2^(depth+1) − 1.</summary>
    public int NodesPerTree { get; }

    /// <summary>Number of trees.</summary>
    public int Count => Features.Length / NodesPerTree;

    /// <summary>The logit of the first <paramref name="trees"/> trees (all by default) for a row (only its first <see cref="Width"/> features are read).</summary>
    public double Raw(ReadOnlySpan<double> row, int? trees = null)
    {
        int count = trees ?? Count;
        double raw = Bias;
        for (int t = 0; t < count; t++) raw += Leaf(row, t);
        return raw;
    }

    /// <summary>The output of tree <paramref name="tree"/> for a row.</summary>
    public double Leaf(ReadOnlySpan<double> row, int tree)
    {
        int offset = tree * NodesPerTree, node = 0;
        while (Features[offset + node] >= 0)
        {
            node = row[Features[offset + node]] <= Thresholds[offset + node] ? 2 * node + 1 : 2 * node + 2;
        }
        return Values[offset + node];
    }
}

/// <summary>How <see cref="BoostingTrainer"/> grows trees: count, depth, shrinkage (learning rate), the least training rows in a leaf, the L2 penalty on leaf outputs, and the most candidate thresholds per feature.</summary>
public sealed record BoostingOptions(int Trees = 200, int Depth = 3, double Shrinkage = 0.05, int MinLeafRows = 20, double LeafL2 = 1, int Bins = 32);

/// <summary>
/// Fits <see cref="BoostedTrees"/> to 0/1 targets by gradient boosting with the logistic loss (Friedman 2001; leaf
/// outputs by one Newton step, −G / (H + λ), as in XGBoost). Splits are searched over at most
/// <see cref="BoostingOptions.Bins"/> thresholds per feature (midpoints between quantiles of the training rows, as
/// float32), by the largest gain in the penalised second-order objective; ties keep the first feature and threshold.
/// Everything runs sequentially in a fixed order, so the same data give the same trees, bit for bit.
/// </summary>
public static class BoostingTrainer
{
    /// <summary>Fits trees on the first <paramref name="width"/> features of <paramref name="rows"/> of the row-major <paramref name="features"/> (<paramref name="stride"/> values per row).</summary>
    public static BoostedTrees Fit(double[] features, int stride, int width, double[] targets, IReadOnlyList<int> rows, BoostingOptions options)
    {
        int n = rows.Count;
        if (n == 0) throw new ArgumentException("no rows to fit", nameof(rows));
        if (width > stride || features.Length != targets.Length * stride) throw new ArgumentException("features, width and targets disagree");
        var thresholds = Thresholds(features, stride, width, rows, options.Bins);
        // bins[f * n + r]: the index of the first threshold at or above row r's value of feature f (thresholds.Length when above all).
        var bins = new byte[width * n];
        for (int f = 0; f < width; f++)
        {
            var edges = thresholds[f];
            for (int r = 0; r < n; r++)
            {
                double x = features[rows[r] * stride + f];
                int b = 0;
                while (b < edges.Length && x > edges[b]) b++;
                bins[f * n + r] = (byte)b;
            }
        }
        var y = rows.Select(r => targets[r]).ToArray();
        double positive = Math.Clamp(y.Average(), 1e-6, 1 - 1e-6);
        double bias = (float)Math.Log(positive / (1 - positive));
        var raw = Enumerable.Repeat(bias, n).ToArray();
        var g = new double[n];
        var h = new double[n];
        int nodesPerTree = (1 << (options.Depth + 1)) - 1;
        var splitFeatures = new int[options.Trees * nodesPerTree];
        var splitThresholds = new float[splitFeatures.Length];
        var values = new float[splitFeatures.Length];
        var nodeOf = new int[n];
        for (int t = 0; t < options.Trees; t++)
        {
            for (int r = 0; r < n; r++)
            {
                double p = LinearModel.Sigmoid(raw[r]);
                g[r] = p - y[r];
                h[r] = Math.Max(p * (1 - p), 1e-12);
            }
            Array.Clear(nodeOf);
            int offset = t * nodesPerTree;
            splitFeatures.AsSpan(offset, nodesPerTree).Fill(-1);
            for (int node = 0; node < nodesPerTree; node++)
            {
                if (!Reached(nodeOf, node, out var members)) continue;
                bool atBottom = node >= nodesPerTree / 2;
                var split = atBottom ? null : BestSplit(members, bins, n, thresholds, g, h, options);
                if (split is { } s)
                {
                    splitFeatures[offset + node] = s.Feature;
                    splitThresholds[offset + node] = thresholds[s.Feature][s.Bin];
                    foreach (int r in members) nodeOf[r] = bins[s.Feature * n + r] <= s.Bin ? 2 * node + 1 : 2 * node + 2;
                }
                else
                {
                    double sg = 0, sh = 0;
                    foreach (int r in members) { sg += g[r]; sh += h[r]; }
                    float value = (float)(-options.Shrinkage * sg / (sh + options.LeafL2));
                    values[offset + node] = value;
                    foreach (int r in members) raw[r] += value;
                    foreach (int r in members) nodeOf[r] = -1;
                }
            }
        }
        return new BoostedTrees(width, options.Depth, bias, splitFeatures, splitThresholds, values);
    }

    /// <summary>The rows now at <paramref name="node"/> (in row order); false when none are.</summary>
    private static bool Reached(int[] nodeOf, int node, out List<int> members)
    {
        members = [];
        for (int r = 0; r < nodeOf.Length; r++)
        {
            if (nodeOf[r] == node) members.Add(r);
        }
        return members.Count > 0;
    }

    private readonly record struct Split(int Feature, int Bin);

    private static Split? BestSplit(List<int> members, byte[] bins, int n, float[][] thresholds, double[] g, double[] h, BoostingOptions options)
    {
        double totalG = 0, totalH = 0;
        foreach (int r in members) { totalG += g[r]; totalH += h[r]; }
        double parent = totalG * totalG / (totalH + options.LeafL2);
        double bestGain = 1e-9;
        Split? best = null;
        var histogramG = new double[options.Bins + 1];
        var histogramH = new double[options.Bins + 1];
        var histogramN = new int[options.Bins + 1];
        for (int f = 0; f < thresholds.Length; f++)
        {
            int edges = thresholds[f].Length;
            if (edges == 0) continue;
            Array.Clear(histogramG);
            Array.Clear(histogramH);
            Array.Clear(histogramN);
            foreach (int r in members)
            {
                int b = bins[f * n + r];
                histogramG[b] += g[r];
                histogramH[b] += h[r];
                histogramN[b]++;
            }
            double leftG = 0, leftH = 0;
            int leftN = 0;
            for (int b = 0; b < edges; b++)
            {
                leftG += histogramG[b];
                leftH += histogramH[b];
                leftN += histogramN[b];
                int rightN = members.Count - leftN;
                if (leftN < options.MinLeafRows) continue;
                if (rightN < options.MinLeafRows) break;
                double rightG = totalG - leftG, rightH = totalH - leftH;
                double gain = leftG * leftG / (leftH + options.LeafL2) + rightG * rightG / (rightH + options.LeafL2) - parent;
                if (gain > bestGain) (bestGain, best) = (gain, new Split(f, b));
            }
        }
        return best;
    }

    /// <summary>Per feature, up to <paramref name="bins"/> distinct float32 thresholds: midpoints between neighbouring distinct values at evenly spaced ranks.</summary>
    private static float[][] Thresholds(double[] features, int stride, int width, IReadOnlyList<int> rows, int bins)
    {
        if (bins < 1 || bins > 255) throw new ArgumentOutOfRangeException(nameof(bins), bins, "bins must be 1 to 255");
        var result = new float[width][];
        var values = new double[rows.Count];
        for (int f = 0; f < width; f++)
        {
            for (int r = 0; r < rows.Count; r++) values[r] = features[rows[r] * stride + f];
            Array.Sort(values);
            var distinct = new List<double>();
            foreach (double v in values)
            {
                if (distinct.Count == 0 || v != distinct[^1]) distinct.Add(v);
            }
            var edges = new SortedSet<float>();
            if (distinct.Count <= bins + 1)
            {
                for (int i = 0; i + 1 < distinct.Count; i++) edges.Add((float)((distinct[i] + distinct[i + 1]) / 2));
            }
            else
            {
                for (int q = 1; q <= bins; q++)
                {
                    double at = values[(int)((long)q * (values.Length - 1) / (bins + 1))];
                    int i = distinct.BinarySearch(at);
                    if (i + 1 < distinct.Count) edges.Add((float)((distinct[i] + distinct[i + 1]) / 2));
                }
            }
            result[f] = edges.ToArray();
        }
        return result;
    }
}
