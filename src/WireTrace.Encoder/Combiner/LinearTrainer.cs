using System.Numerics.Tensors;

namespace WireTrace.Encoder.Combiner;

/// <summary>The loss a <see cref="LinearTrainer"/> fits: logistic (a 0/1 target, e.g. paraphrase or not) or squared (a graded target).</summary>
public enum LinearLoss { Logistic, Squared }

/// <summary>
/// An L2-regularised linear model fitted on standardised features: <c>raw = bias + Σ weight_k · x_k</c> with the
/// standardisation folded into the weights. For <see cref="LinearLoss.Logistic"/> the probability is σ(raw).
/// </summary>
public sealed record LinearModel(double[] Weights, double Bias)
{
    /// <summary>The model's raw output for one feature vector.</summary>
    public double Raw(ReadOnlySpan<double> features) => Bias + TensorPrimitives.Dot(features, Weights);

    /// <summary>σ(<paramref name="raw"/>), computed without overflow.</summary>
    public static double Sigmoid(double raw) => raw >= 0 ? 1 / (1 + Math.Exp(-raw)) : Math.Exp(raw) / (1 + Math.Exp(raw));
}

/// <summary>The penalties of one fit: <c>½ · DenseL2 · Σ w²</c> over the encoder-vector features and <c>½ · ScalarL2 · Σ w²</c> over the first <c>ScalarCount</c> (hand-made) features, on standardised features.</summary>
public sealed record Regularisation(double DenseL2, double ScalarL2, int ScalarCount);

/// <summary>
/// Fits <see cref="LinearModel"/>s by minimising mean loss + L2 penalty with L-BFGS (10 corrections, backtracking
/// Armijo line search), from zero weights, sequentially: the same data give bit-identical weights on every run.
/// Features are standardised (mean 0, standard deviation 1 over the rows fitted; constant features are left at 0).
/// </summary>
public static class LinearTrainer
{
    private const int Memory = 10;

    /// <summary>Fits a model on <paramref name="rows"/> of <paramref name="features"/> (row-major, <paramref name="width"/> per row).</summary>
    /// <param name="maxIterations">L-BFGS iteration cap (the fit also stops when the objective changes by less than 1e-10 relative).</param>
    public static LinearModel Fit(double[] features, int width, double[] targets, IReadOnlyList<int> rows, LinearLoss loss, Regularisation penalty, int maxIterations = 500)
    {
        int n = rows.Count;
        if (n == 0) throw new ArgumentException("no rows to fit", nameof(rows));
        if (features.Length != targets.Length * width) throw new ArgumentException("features and targets disagree in length");
        var (mean, scale) = Standardisation(features, width, rows);
        var x = new double[n * width];
        var y = new double[n];
        for (int r = 0; r < n; r++)
        {
            var row = x.AsSpan(r * width, width);
            features.AsSpan(rows[r] * width, width).CopyTo(row);
            TensorPrimitives.Subtract(row, mean, row);
            TensorPrimitives.Multiply(row, scale, row);
            y[r] = targets[rows[r]];
        }
        var lambda = new double[width];
        for (int k = 0; k < width; k++) lambda[k] = k < penalty.ScalarCount ? penalty.ScalarL2 : penalty.DenseL2;

        var theta = Minimise((p, g) => Objective(p, g, x, y, width, lambda, loss), width + 1, maxIterations);

        // Fold the standardisation into the weights: w·((f − mean)·scale) + b = (w·scale)·f + (b − Σ w·scale·mean).
        var weights = new double[width];
        double bias = theta[width];
        for (int k = 0; k < width; k++)
        {
            weights[k] = theta[k] * scale[k];
            bias -= weights[k] * mean[k];
        }
        return new LinearModel(weights, bias);
    }

    private static (double[] Mean, double[] Scale) Standardisation(double[] features, int width, IReadOnlyList<int> rows)
    {
        var mean = new double[width];
        var scale = new double[width];
        foreach (int r in rows) TensorPrimitives.Add(mean, features.AsSpan(r * width, width), mean);
        TensorPrimitives.Divide(mean, rows.Count, mean);
        var centred = new double[width];
        foreach (int r in rows)
        {
            TensorPrimitives.Subtract(features.AsSpan(r * width, width), mean, centred);
            TensorPrimitives.MultiplyAdd(centred, centred, scale, scale);
        }
        for (int k = 0; k < width; k++)
        {
            double sd = Math.Sqrt(scale[k] / rows.Count);
            scale[k] = sd > 1e-12 ? 1 / sd : 0;
        }
        return (mean, scale);
    }

    /// <summary>Mean loss + penalty at <paramref name="theta"/> (weights then bias); writes the gradient.</summary>
    private static double Objective(double[] theta, double[] gradient, double[] x, double[] y, int width, double[] lambda, LinearLoss loss)
    {
        int n = y.Length;
        var weights = theta.AsSpan(0, width);
        double bias = theta[width];
        Array.Clear(gradient);
        var gw = gradient.AsSpan(0, width);
        double total = 0, gb = 0;
        for (int r = 0; r < n; r++)
        {
            var row = x.AsSpan(r * width, width);
            double z = bias + TensorPrimitives.Dot(row, weights);
            double residual;
            if (loss == LinearLoss.Logistic)
            {
                // log(1 + e^z) − y·z, stable for large |z|.
                total += (z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z))) - y[r] * z;
                residual = LinearModel.Sigmoid(z) - y[r];
            }
            else
            {
                residual = z - y[r];
                total += 0.5 * residual * residual;
            }
            TensorPrimitives.MultiplyAdd(row, residual, gw, gw);
            gb += residual;
        }
        TensorPrimitives.Divide(gw, n, gw);
        gradient[width] = gb / n;
        double value = total / n;
        for (int k = 0; k < width; k++)
        {
            value += 0.5 * lambda[k] * weights[k] * weights[k];
            gw[k] += lambda[k] * weights[k];
        }
        return value;
    }

    /// <summary>L-BFGS from the zero vector; returns the minimiser found.</summary>
    private static double[] Minimise(Func<double[], double[], double> objective, int size, int maxIterations)
    {
        var x = new double[size];
        var g = new double[size];
        double f = objective(x, g);
        var s = new List<double[]>();
        var yv = new List<double[]>();
        var rho = new List<double>();
        var direction = new double[size];
        var alpha = new double[Memory];
        var next = new double[size];
        var nextG = new double[size];
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            // Two-loop recursion: direction = −H·g.
            g.CopyTo(direction, 0);
            for (int m = s.Count - 1; m >= 0; m--)
            {
                alpha[m] = rho[m] * TensorPrimitives.Dot(s[m], direction);
                TensorPrimitives.MultiplyAdd(yv[m], -alpha[m], direction, direction);
            }
            double gamma = s.Count > 0 ? TensorPrimitives.Dot(s[^1], yv[^1]) / TensorPrimitives.Dot(yv[^1], yv[^1]) : 1 / Math.Max(1, TensorPrimitives.Norm(g));
            TensorPrimitives.Multiply(direction, gamma, direction);
            for (int m = 0; m < s.Count; m++)
            {
                double beta = rho[m] * TensorPrimitives.Dot(yv[m], direction);
                TensorPrimitives.MultiplyAdd(s[m], alpha[m] - beta, direction, direction);
            }
            TensorPrimitives.Negate(direction, direction);
            double slope = TensorPrimitives.Dot(g, direction);
            if (slope >= 0)
            {
                // Not a descent direction: restart from steepest descent.
                s.Clear(); yv.Clear(); rho.Clear();
                TensorPrimitives.Multiply(g, -1 / Math.Max(1, TensorPrimitives.Norm(g)), direction);
                slope = TensorPrimitives.Dot(g, direction);
            }

            double step = 1, nextF = double.NaN;
            bool accepted = false;
            for (int tries = 0; tries < 50; tries++)
            {
                TensorPrimitives.MultiplyAdd(direction, step, x, next);
                nextF = objective(next, nextG);
                if (nextF <= f + 1e-4 * step * slope) { accepted = true; break; }
                step *= 0.5;
            }
            if (!accepted) break;

            var sk = new double[size];
            var yk = new double[size];
            TensorPrimitives.Subtract(next, x, sk);
            TensorPrimitives.Subtract(nextG, g, yk);
            double sy = TensorPrimitives.Dot(sk, yk);
            if (sy > 1e-12)
            {
                if (s.Count == Memory) { s.RemoveAt(0); yv.RemoveAt(0); rho.RemoveAt(0); }
                s.Add(sk); yv.Add(yk); rho.Add(1 / sy);
            }
            bool converged = Math.Abs(f - nextF) <= 1e-10 * Math.Max(1, Math.Abs(f));
            (x, next) = (next, x);
            (g, nextG) = (nextG, g);
            f = nextF;
            if (converged || Math.Abs(TensorPrimitives.MaxMagnitude(g)) < 1e-8) break;
        }
        return x;
    }
}
