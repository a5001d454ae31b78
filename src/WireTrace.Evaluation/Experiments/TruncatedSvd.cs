using System.Numerics.Tensors;

namespace WireTrace.Evaluation.Experiments;

/// <summary>A sparse matrix stored by rows: row r's entries are <c>Columns[RowStarts[r]..RowStarts[r + 1]]</c> with <see cref="Values"/>.</summary>
public sealed record SparseRows(int[] RowStarts, int[] Columns, double[] Values, int ColumnCount)
{
    /// <summary>Number of rows.</summary>
    public int RowCount => RowStarts.Length - 1;

    /// <summary>Builds the matrix from rows of (column, value) entries.</summary>
    public static SparseRows From(IReadOnlyList<IReadOnlyList<(int Column, double Value)>> rows, int columnCount)
    {
        var starts = new int[rows.Count + 1];
        for (int r = 0; r < rows.Count; r++) starts[r + 1] = starts[r] + rows[r].Count;
        var columns = new int[starts[^1]];
        var values = new double[starts[^1]];
        for (int r = 0; r < rows.Count; r++)
        {
            for (int e = 0; e < rows[r].Count; e++)
            {
                var (column, value) = rows[r][e];
                if ((uint)column >= (uint)columnCount) throw new ArgumentOutOfRangeException(nameof(rows), $"row {r} has column {column}, outside 0..{columnCount - 1}");
                columns[starts[r] + e] = column;
                values[starts[r] + e] = value;
            }
        }
        return new SparseRows(starts, columns, values, columnCount);
    }
}

/// <summary>
/// A rank-K truncated singular value decomposition X ≈ U Σ Vᵀ of a sparse matrix, and the projection that folds a new
/// row in: z = x V, which for a row of X is its own row of U Σ. <see cref="Basis"/> holds V by rows (feature j's K
/// values at <c>Basis[j * Rank ..]</c>).
/// </summary>
public sealed class TruncatedSvd
{
    /// <summary>Makes the decomposition from its stored parts.</summary>
    public TruncatedSvd(int rank, double[] singularValues, double[] basis)
    {
        if (singularValues.Length != rank || basis.Length % rank != 0) throw new ArgumentException("the singular values and the basis disagree with the rank");
        Rank = rank;
        SingularValues = singularValues;
        Basis = basis;
    }

    /// <summary>K, the number of latent dimensions.</summary>
    public int Rank { get; }

    /// <summary>The K largest singular values, descending.</summary>
    public double[] SingularValues { get; }

    /// <summary>V (features × K), row-major.</summary>
    public double[] Basis { get; }

    /// <summary>U Σ of the fitted rows (rows × K, row-major), computed from the sketch (Q Ũ Σ) rather than by projection; null when made from stored parts.</summary>
    public double[]? FittedRows { get; private init; }

    /// <summary>Number of features (columns of the fitted matrix).</summary>
    public int FeatureCount => Basis.Length / Rank;

    /// <summary>Folds a sparse row (column, value) in: z = x V (length <see cref="Rank"/>).</summary>
    public double[] Project(IEnumerable<(int Column, double Value)> row)
    {
        var z = new double[Rank];
        foreach (var (column, value) in row)
        {
            var v = Basis.AsSpan(column * Rank, Rank);
            for (int k = 0; k < Rank; k++) z[k] += value * v[k];
        }
        return z;
    }

    /// <summary>
    /// The randomized SVD of Halko, Martinsson &amp; Tropp (2011): a Gaussian sketch of <paramref name="rank"/> +
    /// <paramref name="oversampling"/> columns, <paramref name="powerIterations"/> power iterations with
    /// re-orthonormalisation, then the exact SVD of the small projected matrix (Jacobi eigenvalues of B Bᵀ). Sequential and
    /// seeded: the same matrix gives the same decomposition, bit for bit. Each column of V is signed so that its largest
    /// entry is positive.
    /// </summary>
    public static TruncatedSvd Fit(SparseRows x, int rank, int seed, int oversampling = 10, int powerIterations = 4)
    {
        int n = x.RowCount, m = x.ColumnCount;
        int l = Math.Min(rank + oversampling, Math.Min(n, m));
        if (rank < 1 || rank > l) throw new ArgumentOutOfRangeException(nameof(rank), $"rank {rank} must lie in 1..{Math.Min(n, m)}");
        var random = new Random(seed);
        // Ω (m × l) by rows; Y = X Ω (n × l) by rows.
        var omega = new double[m * l];
        for (int i = 0; i < omega.Length; i++) omega[i] = Gaussian(random);
        var y = Multiply(x, omega, l);
        Orthonormalise(y, n, l);
        for (int q = 0; q < powerIterations; q++)
        {
            var z = MultiplyTransposed(x, y, l);
            Orthonormalise(z, m, l);
            y = Multiply(x, z, l);
            Orthonormalise(y, n, l);
        }
        // Bᵀ = Xᵀ Q (m × l); B Bᵀ = (Bᵀ)ᵀ Bᵀ (l × l).
        var bt = MultiplyTransposed(x, y, l);
        var gram = new double[l * l];
        for (int j = 0; j < m; j++)
        {
            var row = bt.AsSpan(j * l, l);
            for (int a = 0; a < l; a++)
            {
                double ra = row[a];
                if (ra == 0) continue;
                for (int b = a; b < l; b++) gram[a * l + b] += ra * row[b];
            }
        }
        for (int a = 0; a < l; a++)
        {
            for (int b = 0; b < a; b++) gram[a * l + b] = gram[b * l + a];
        }
        var (eigenvalues, eigenvectors) = SymmetricEigen(gram, l);
        var order = Enumerable.Range(0, l).OrderByDescending(i => eigenvalues[i]).ThenBy(i => i).Take(rank).ToArray();
        var singular = order.Select(i => Math.Sqrt(Math.Max(eigenvalues[i], 0))).ToArray();
        // V = Bᵀ Ũ Σ⁻¹ (m × K).
        var basis = new double[m * rank];
        var signs = new double[rank];
        for (int k = 0; k < rank; k++)
        {
            int e = order[k];
            double inverse = singular[k] > 0 ? 1 / singular[k] : 0;
            double largest = 0;
            for (int j = 0; j < m; j++)
            {
                double s = 0;
                for (int a = 0; a < l; a++) s += bt[j * l + a] * eigenvectors[a * l + e];
                basis[j * rank + k] = s * inverse;
                if (Math.Abs(basis[j * rank + k]) > Math.Abs(largest)) largest = basis[j * rank + k];
            }
            signs[k] = largest < 0 ? -1 : 1;
            if (largest < 0)
            {
                for (int j = 0; j < m; j++) basis[j * rank + k] = -basis[j * rank + k];
            }
        }
        // U Σ = Q Ũ Σ (n × K).
        var fitted = new double[n * rank];
        for (int k = 0; k < rank; k++)
        {
            int e = order[k];
            for (int r = 0; r < n; r++)
            {
                double s = 0;
                for (int a = 0; a < l; a++) s += y[r * l + a] * eigenvectors[a * l + e];
                fitted[r * rank + k] = signs[k] * s * singular[k];
            }
        }
        return new TruncatedSvd(rank, singular, basis) { FittedRows = fitted };
    }

    /// <summary>X D for a dense D (columns of X × <paramref name="width"/>, by rows): n × width, by rows.</summary>
    private static double[] Multiply(SparseRows x, double[] dense, int width)
    {
        var result = new double[x.RowCount * width];
        for (int r = 0; r < x.RowCount; r++)
        {
            var target = result.AsSpan(r * width, width);
            for (int e = x.RowStarts[r]; e < x.RowStarts[r + 1]; e++)
            {
                double value = x.Values[e];
                var source = dense.AsSpan(x.Columns[e] * width, width);
                for (int k = 0; k < width; k++) target[k] += value * source[k];
            }
        }
        return result;
    }

    /// <summary>Xᵀ D for a dense D (rows of X × <paramref name="width"/>, by rows): columns of X × width, by rows.</summary>
    private static double[] MultiplyTransposed(SparseRows x, double[] dense, int width)
    {
        var result = new double[x.ColumnCount * width];
        for (int r = 0; r < x.RowCount; r++)
        {
            var source = dense.AsSpan(r * width, width);
            for (int e = x.RowStarts[r]; e < x.RowStarts[r + 1]; e++)
            {
                double value = x.Values[e];
                var target = result.AsSpan(x.Columns[e] * width, width);
                for (int k = 0; k < width; k++) target[k] += value * source[k];
            }
        }
        return result;
    }

    /// <summary>Orthonormalises the columns of a rows × width matrix stored by rows (modified Gram–Schmidt, twice); a column that vanishes is left 0.</summary>
    private static void Orthonormalise(double[] a, int rows, int width)
    {
        var columns = new double[width][];
        for (int c = 0; c < width; c++)
        {
            var column = columns[c] = new double[rows];
            for (int r = 0; r < rows; r++) column[r] = a[r * width + c];
        }
        for (int pass = 0; pass < 2; pass++)
        {
            for (int c = 0; c < width; c++)
            {
                var column = columns[c];
                for (int p = 0; p < c; p++)
                {
                    double dot = TensorPrimitives.Dot<double>(column, columns[p]);
                    TensorPrimitives.MultiplyAdd(columns[p], -dot, column, column);
                }
                double norm = TensorPrimitives.Norm<double>(column);
                TensorPrimitives.Multiply(column, norm > 1e-12 ? 1 / norm : 0, column);
            }
        }
        for (int c = 0; c < width; c++)
        {
            var column = columns[c];
            for (int r = 0; r < rows; r++) a[r * width + c] = column[r];
        }
    }

    /// <summary>Eigenvalues and eigenvectors (column e of the returned matrix, row-major) of a symmetric matrix, by cyclic Jacobi rotations.</summary>
    internal static (double[] Values, double[] Vectors) SymmetricEigen(double[] matrix, int size)
    {
        var a = (double[])matrix.Clone();
        var v = new double[size * size];
        for (int i = 0; i < size; i++) v[i * size + i] = 1;
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, diagonal = 0;
            for (int i = 0; i < size; i++)
            {
                diagonal += a[i * size + i] * a[i * size + i];
                for (int j = i + 1; j < size; j++) off += a[i * size + j] * a[i * size + j];
            }
            if (off <= 1e-30 * Math.Max(diagonal, 1e-300)) break;
            for (int p = 0; p < size; p++)
            {
                for (int q = p + 1; q < size; q++)
                {
                    double apq = a[p * size + q];
                    if (Math.Abs(apq) < 1e-300) continue;
                    double theta = (a[q * size + q] - a[p * size + p]) / (2 * apq);
                    double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < size; k++)
                    {
                        double akp = a[k * size + p], akq = a[k * size + q];
                        a[k * size + p] = c * akp - s * akq;
                        a[k * size + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < size; k++)
                    {
                        double apk = a[p * size + k], aqk = a[q * size + k];
                        a[p * size + k] = c * apk - s * aqk;
                        a[q * size + k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < size; k++)
                    {
                        double vkp = v[k * size + p], vkq = v[k * size + q];
                        v[k * size + p] = c * vkp - s * vkq;
                        v[k * size + q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        var values = new double[size];
        for (int i = 0; i < size; i++) values[i] = a[i * size + i];
        return (values, v);
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
