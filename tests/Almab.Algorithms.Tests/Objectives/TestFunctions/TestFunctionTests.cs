using Almab.Algorithms.Objectives.TestFunctions;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Tests.Objectives.TestFunctions;

/// <summary>Closed-form values, published minima and the noise model of the test functions.</summary>
public sealed class TestFunctionTests
{
    public static TheoryData<string> Functions() => ["branin", "hartmann6", "ackley-1", "ackley-5", "rosenbrock-2", "rosenbrock-7"];

    private static TestFunctionObjective Make(string name, double noiseSd = 0) => name switch
    {
        "branin" => new Branin(noiseSd),
        "hartmann6" => new Hartmann6(noiseSd),
        "ackley-1" => new Ackley(1, noiseSd),
        "ackley-5" => new Ackley(5, noiseSd),
        "rosenbrock-2" => new Rosenbrock(2, noiseSd),
        _ => new Rosenbrock(7, noiseSd),
    };

    [Theory]
    [MemberData(nameof(Functions))]
    public void PublishedMinimizersAttainTheKnownMinimumAndAreLocalMinima(string name)
    {
        var f = Make(name);
        Assert.Equal(name, f.Name);
        Assert.Equal(f.KnownMinimum, f.OptimalValue);
        foreach (var x in f.Minimizers)
        {
            Assert.True(f.Space.Contains(new Configuration(x)));

            // Published minimizers are rounded to 4-6 decimals.
            Assert.Equal(f.KnownMinimum, f.ValueAt(x), 5);
            var probe = (double[])x.Clone();
            for (int j = 0; j < x.Length; j++)
            {
                foreach (double step in new[] { -1e-2, 1e-2 })
                {
                    probe[j] = x[j] + step;
                    Assert.True(f.ValueAt(probe) > f.ValueAt(x), $"{name}: moving x{j + 1} by {step} lowers the value");
                    probe[j] = x[j];
                }
            }
        }
    }

    [Fact]
    public void ClosedFormValues()
    {
        // Branin at the origin: (0 - 6)^2 + 10 (1 - 1/(8 pi)) + 10 = 56 - 5/(4 pi).
        Assert.Equal(56 - 5 / (4 * Math.PI), new Branin().ValueAt([0.0, 0.0]), 12);
        Assert.Equal(0.397887357729738, new Branin().KnownMinimum, 14);

        // Ackley at (1, ..., 1): sqrt(mean x^2) = 1 and cos(2 pi) = 1, so f = 20 - 20 e^-0.2 in every dimension.
        Assert.Equal(20 - 20 * Math.Exp(-0.2), new Ackley(3).ValueAt([1.0, 1.0, 1.0]), 12);
        Assert.Equal(0.0, new Ackley(4).ValueAt(new double[4]));

        // Rosenbrock at the origin: d - 1 unit terms; at (2, 4): 100 (4 - 4)^2 + (2 - 1)^2 = 1.
        Assert.Equal(6.0, new Rosenbrock(7).ValueAt(new double[7]));
        Assert.Equal(1.0, new Rosenbrock(2).ValueAt([2.0, 4.0]));

        // Hartmann-6: Surjanovic and Bingham's published minimum.
        Assert.Equal(-3.32237, new Hartmann6().ValueAt(new Hartmann6().Minimizers[0]), 5);
    }

    [Fact]
    public void NoiseIsGaussianWithTheGivenSdAndTheTrueValueIsNoiseFree()
    {
        var f = new Branin(noiseSd: 0.5, costSeconds: 3);
        var x = new Configuration([1.0, 2.0]);
        double truth = f.ValueAt(x.Values);
        var rng = new Seed(17).CreateRng();
        const int n = 20000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++)
        {
            var o = f.Evaluate(x, 1.0, rng);
            Assert.Equal(truth, o.TrueValue);
            Assert.Equal(3.0, o.CostSeconds);
            double e = o.Value - truth;
            sum += e;
            sumSq += e * e;
        }

        double mean = sum / n, variance = sumSq / n - mean * mean;

        // 4 standard errors: se(mean) = 0.5 / sqrt(n) = 0.0035; se(var) = 0.25 sqrt(2 / n) = 0.0025.
        Assert.InRange(mean, -0.014, 0.014);
        Assert.InRange(variance, 0.25 - 0.01, 0.25 + 0.01);
        Assert.Equal(truth, new Branin().Evaluate(x, 1.0, rng).Value);
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Branin(noiseSd: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ackley(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rosenbrock(1));
        var f = new Hartmann6();
        var rng = new Rng(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => f.Evaluate(new Configuration(new double[6]), 0.0, rng));
        Assert.Contains("6 inputs", Assert.Throws<ArgumentException>(() => f.Evaluate(new Configuration([0.5]), 1.0, rng)).Message);
    }
}
