using WireTrace.Evaluation.Experiments;

namespace WireTrace.Evaluation.Tests.Experiments;

/// <summary>The randomized truncated SVD against matrices with a known answer (no model, no data).</summary>
public sealed class TruncatedSvdTests
{
    /// <summary>A rows × columns matrix of rank 3 (sum of three outer products of random vectors), mostly zeros like a term matrix.</summary>
    private static (double[] Dense, SparseRows Sparse) LowRank(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var dense = new double[rows * columns];
        for (int k = 0; k < 3; k++)
        {
            var a = Enumerable.Range(0, rows).Select(_ => random.NextDouble() < 0.4 ? random.NextDouble() * (3 - k) : 0).ToArray();
            var b = Enumerable.Range(0, columns).Select(_ => random.NextDouble() < 0.4 ? random.NextDouble() : 0).ToArray();
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++) dense[r * columns + c] += a[r] * b[c];
            }
        }
        var sparse = SparseRows.From(Enumerable.Range(0, rows)
            .Select(r => (IReadOnlyList<(int, double)>)Enumerable.Range(0, columns).Where(c => dense[r * columns + c] != 0).Select(c => (c, dense[r * columns + c])).ToList())
            .ToList(), columns);
        return (dense, sparse);
    }

    [Fact]
    public void A_rank_3_matrix_is_reconstructed_from_3_dimensions()
    {
        var (dense, sparse) = LowRank(60, 40, seed: 1);
        var svd = TruncatedSvd.Fit(sparse, rank: 3, seed: 5);
        Assert.True(svd.SingularValues[0] >= svd.SingularValues[1] && svd.SingularValues[1] >= svd.SingularValues[2] && svd.SingularValues[2] > 1e-6);
        for (int r = 0; r < 60; r++)
        {
            // x ≈ (x V) Vᵀ when X has rank 3.
            var row = Enumerable.Range(0, 40).Select(c => (c, dense[r * 40 + c])).Where(e => e.Item2 != 0).ToList();
            var z = svd.Project(row);
            for (int c = 0; c < 40; c++)
            {
                double rebuilt = 0;
                for (int k = 0; k < 3; k++) rebuilt += z[k] * svd.Basis[c * 3 + k];
                Assert.Equal(dense[r * 40 + c], rebuilt, 8);
            }
        }
    }

    [Fact]
    public void The_basis_is_orthonormal_and_a_fitted_row_folds_in_to_its_own_row_of_U_sigma()
    {
        var (dense, sparse) = LowRank(50, 30, seed: 2);
        var svd = TruncatedSvd.Fit(sparse, rank: 2, seed: 3);
        for (int a = 0; a < 2; a++)
        {
            for (int b = 0; b < 2; b++)
            {
                double dot = Enumerable.Range(0, 30).Sum(c => svd.Basis[c * 2 + a] * svd.Basis[c * 2 + b]);
                Assert.Equal(a == b ? 1 : 0, dot, 8);
            }
        }
        // The projections of all rows are U Σ: their columns are orthogonal with squared norms σ².
        var z = Enumerable.Range(0, 50).Select(r => svd.Project(Enumerable.Range(0, 30).Select(c => (c, dense[r * 30 + c])))).ToList();
        Assert.Equal(svd.SingularValues[0] * svd.SingularValues[0], z.Sum(v => v[0] * v[0]), 6);
        Assert.Equal(svd.SingularValues[1] * svd.SingularValues[1], z.Sum(v => v[1] * v[1]), 6);
        Assert.Equal(0, z.Sum(v => v[0] * v[1]), 6);
    }

    [Fact]
    public void Every_fitted_row_folds_in_to_its_own_row_of_U_sigma()
    {
        var (dense, sparse) = LowRank(45, 35, seed: 4);
        var svd = TruncatedSvd.Fit(sparse, rank: 3, seed: 6);
        var fitted = svd.FittedRows!;
        for (int r = 0; r < 45; r++)
        {
            var z = svd.Project(Enumerable.Range(0, 35).Select(c => (c, dense[r * 35 + c])));
            for (int k = 0; k < 3; k++) Assert.Equal(fitted[r * 3 + k], z[k], 8);
        }
    }

    [Fact]
    public void The_same_matrix_and_seed_give_the_same_decomposition_bit_for_bit()
    {
        var (_, sparse) = LowRank(40, 25, seed: 3);
        var first = TruncatedSvd.Fit(sparse, rank: 3, seed: 9);
        var second = TruncatedSvd.Fit(sparse, rank: 3, seed: 9);
        Assert.Equal(first.Basis, second.Basis);
        Assert.Equal(first.SingularValues, second.SingularValues);
    }

    [Fact]
    public void Jacobi_finds_the_eigenvalues_of_a_small_symmetric_matrix()
    {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3 with eigenvectors (1, -1) and (1, 1) over √2.
        var (values, vectors) = TruncatedSvd.SymmetricEigen([2, 1, 1, 2], 2);
        var sorted = values.Order().ToArray();
        Assert.Equal(1, sorted[0], 12);
        Assert.Equal(3, sorted[1], 12);
        int big = values[0] > values[1] ? 0 : 1;
        Assert.Equal(Math.Abs(vectors[0 * 2 + big]), Math.Abs(vectors[1 * 2 + big]), 12);
        Assert.Equal(Math.Sign(vectors[0 * 2 + big]), Math.Sign(vectors[1 * 2 + big]));
    }
}
