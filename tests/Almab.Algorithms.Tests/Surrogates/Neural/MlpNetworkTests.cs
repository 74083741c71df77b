using System.Text.Json;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates.Neural;

namespace Almab.Algorithms.Tests.Surrogates.Neural;

public sealed class MlpNetworkTests
{
    [Theory]
    [InlineData(MlpActivation.Tanh, 0.0, 1UL)]
    [InlineData(MlpActivation.Tanh, 0.3, 2UL)]
    [InlineData(MlpActivation.Relu, 0.1, 3UL)]
    public void GradientMatchesCentralFiniteDifferences(MlpActivation activation, double alpha, ulong seed)
    {
        var rng = new Rng(seed);
        var net = new MlpNetwork(3, [5, 4], activation);
        net.Initialize(rng);
        int n = 9;
        var x = Enumerable.Range(0, n * 3).Select(_ => rng.NextDouble()).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => rng.NextGaussian()).ToArray();
        var g = new double[net.Parameters.Length];
        net.LossAndGradient(x, y, alpha, g);
        const double h = 1e-6;
        for (int k = 0; k < g.Length; k++)
        {
            double keep = net.Parameters[k];
            net.Parameters[k] = keep + h;
            double up = net.LossAndGradient(x, y, alpha, []);
            net.Parameters[k] = keep - h;
            double down = net.LossAndGradient(x, y, alpha, []);
            net.Parameters[k] = keep;
            double fd = (up - down) / (2 * h);
            // Central differences err by O(h^2) plus rounding ~1e-16 / h; ReLU kinks are not crossed at these draws.
            Assert.True(Math.Abs(fd - g[k]) <= 1e-7 * Math.Max(1.0, Math.Abs(fd)), $"parameter {k}: analytic {g[k]:R}, finite difference {fd:R}");
        }
    }

    [Fact]
    public void PredictionsLossGradientAndAdamTrainingMatchScikitLearn()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Mlp", "mlp.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var hidden = c.GetProperty("hidden").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var activation = c.GetProperty("activation").GetString() == "tanh" ? MlpActivation.Tanh : MlpActivation.Relu;
            var xs = GpFixtures.Matrix(c, "x");
            var net = new MlpNetwork(xs[0].Length, hidden, activation);
            GpFixtures.Vector(c, "theta").CopyTo(net.Parameters, 0);
            var probe = GpFixtures.Matrix(c, "probe");
            var predicted = GpFixtures.Vector(c, "predicted");
            for (int i = 0; i < probe.Length; i++)
            {
                Assert.Equal(predicted[i], net.Predict(probe[i]), 12);
            }

            var x = xs.SelectMany(r => r).ToArray();
            var y = GpFixtures.Vector(c, "y");
            double alpha = c.GetProperty("alpha").GetDouble();
            var g = new double[net.Parameters.Length];
            Assert.Equal(c.GetProperty("loss").GetDouble(), net.LossAndGradient(x, y, alpha, g), 12);
            var expected = GpFixtures.Vector(c, "gradient");
            for (int k = 0; k < g.Length; k++)
            {
                Assert.Equal(expected[k], g[k], 12);
            }

            var adam = new AdamState(g.Length, c.GetProperty("lr").GetDouble());
            for (int s = 0; s < c.GetProperty("steps").GetInt32(); s++)
            {
                net.LossAndGradient(x, y, alpha, g);
                adam.Step(net.Parameters, g);
            }

            var trained = GpFixtures.Vector(c, "trained");
            for (int k = 0; k < trained.Length; k++)
            {
                Assert.Equal(trained[k], net.Parameters[k], 9);
            }
        }
    }

    [Fact]
    public void GlorotInitializationStaysInsideItsBound()
    {
        var net = new MlpNetwork(2, [30], MlpActivation.Tanh);
        net.Initialize(new Rng(4));
        double first = Math.Sqrt(6.0 / 32), second = Math.Sqrt(6.0 / 31);
        int split = net.WeightOffset(1);
        Assert.All(net.Parameters.Take(split), p => Assert.InRange(p, -first, first));
        Assert.All(net.Parameters.Skip(split), p => Assert.InRange(p, -second, second));
        Assert.True(net.Parameters.Take(split).Max() > 0.8 * first, "uniform draws should reach near the bound");
        Assert.Throws<ArgumentOutOfRangeException>(() => new MlpNetwork(2, [0], MlpActivation.Tanh));
        Assert.Throws<ArgumentException>(() => net.Predict([0.1]));
    }
}
