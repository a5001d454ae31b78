using WireTrace.Encoder.Combiner;

namespace WireTrace.Encoder.Tests.Combiner;

/// <summary>The L-BFGS fits against known answers (no model, no data).</summary>
public sealed class LinearTrainerTests
{
    private static (double[] Features, double[] Targets) Data(int n, Func<double, double, double, double> target, int seed)
    {
        var random = new Random(seed);
        var features = new double[n * 3];
        var targets = new double[n];
        for (int i = 0; i < n; i++)
        {
            double a = random.NextDouble() * 4 - 2, b = random.NextDouble() * 10, c = random.NextDouble();
            (features[3 * i], features[3 * i + 1], features[3 * i + 2]) = (a, b, c);
            targets[i] = target(a, b, c);
        }
        return (features, targets);
    }

    [Fact]
    public void Unpenalised_squared_loss_recovers_the_generating_line_with_the_standardisation_folded_in()
    {
        var (x, y) = Data(300, (a, b, c) => 2 * a - 0.5 * b + 3, seed: 1);
        var model = LinearTrainer.Fit(x, 3, y, Enumerable.Range(0, 300).ToList(), LinearLoss.Squared, new Regularisation(0, 0, 0));
        Assert.Equal(2, model.Weights[0], 4);
        Assert.Equal(-0.5, model.Weights[1], 4);
        Assert.Equal(0, model.Weights[2], 4);
        Assert.Equal(3, model.Bias, 3);
        Assert.Equal(2 * 1.5 - 0.5 * 4 + 3, model.Raw([1.5, 4, 0.3]), 3);
    }

    [Fact]
    public void A_penalty_shrinks_the_weights_and_only_the_rows_asked_for_are_fitted()
    {
        var (x, y) = Data(300, (a, b, c) => 2 * a - 0.5 * b + 3, seed: 2);
        var rows = Enumerable.Range(0, 300).ToList();
        var loose = LinearTrainer.Fit(x, 3, y, rows, LinearLoss.Squared, new Regularisation(0, 0, 0));
        var tight = LinearTrainer.Fit(x, 3, y, rows, LinearLoss.Squared, new Regularisation(10, 10, 1));
        Assert.True(Math.Abs(tight.Weights[0]) < Math.Abs(loose.Weights[0]) / 2, $"{tight.Weights[0]} vs {loose.Weights[0]}");
        // Rows 0-149 follow one line, rows 150-299 are replaced by another: fitting the first half ignores the second.
        for (int i = 150; i < 300; i++) y[i] = 100;
        var half = LinearTrainer.Fit(x, 3, y, rows.Take(150).ToList(), LinearLoss.Squared, new Regularisation(0, 0, 0));
        Assert.Equal(2, half.Weights[0], 4);
    }

    [Fact]
    public void Logistic_loss_learns_a_noisy_threshold_and_fits_are_bit_identical()
    {
        var noise = new Random(3);
        var (x, y) = Data(400, (a, b, c) => a + 0.2 * (noise.NextDouble() - 0.5) > 0.5 ? 1 : 0, seed: 3);
        var rows = Enumerable.Range(0, 400).ToList();
        var model = LinearTrainer.Fit(x, 3, y, rows, LinearLoss.Logistic, new Regularisation(1e-3, 1e-3, 1));
        int correct = rows.Count(i => (LinearModel.Sigmoid(model.Raw(x.AsSpan(3 * i, 3))) >= 0.5) == (y[i] == 1));
        Assert.True(correct >= 380, $"{correct} of 400");
        Assert.True(model.Weights[0] > 5 * Math.Abs(model.Weights[1]));
        Assert.InRange(-model.Bias / model.Weights[0], 0.4, 0.6);
        var again = LinearTrainer.Fit(x, 3, y, rows, LinearLoss.Logistic, new Regularisation(1e-3, 1e-3, 1));
        Assert.Equal(model.Weights, again.Weights);
        Assert.Equal(model.Bias, again.Bias);
    }
}
