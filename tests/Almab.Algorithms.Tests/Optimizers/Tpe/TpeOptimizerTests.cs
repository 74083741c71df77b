using Almab.Algorithms.Objectives;
using Almab.Algorithms.Objectives.TestFunctions;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.Tpe;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Tests.Optimizers.Contract;
using Almab.Reports.Statistics;

namespace Almab.Algorithms.Tests.Optimizers.Tpe;

/// <summary>TPE on a mixed space (log float, integer, categorical, grid): the optimizer contract, past the startup.</summary>
public sealed class TpeContractTests : OptimizerContract
{
    internal static readonly SearchSpace Mixed = new(
    [
        Parameter.Float("lr", 1e-4, 1e-1, log: true),
        Parameter.Integer("batch", 16, 256),
        Parameter.Categorical("opt", ["sgd", "adam", "rmsprop"]),
        Parameter.Integer("layers", 1, 64, log: true),
        Parameter.Grid("dose", [0.1, 0.3, 1, 3]),
    ]);

    protected override SearchSpace Space => Mixed;

    protected override int TraceLength => 20;

    protected override IOptimizer Create(Seed seed) => new TpeOptimizer(Mixed, seed, new TpeOptions { StartupTrials = 4 });
}

/// <summary>Search quality and option handling of <see cref="TpeOptimizer"/>.</summary>
public sealed class TpeOptimizerTests
{
    [Theory]
    [InlineData("branin")]
    [InlineData("hartmann6")]
    public void BeatsRandomSearchOverThirtySeeds(string function)
    {
        TestFunctionObjective f = function == "branin" ? new Branin() : new Hartmann6();
        const int budget = 60;
        var tpe = new double[30];
        var random = new double[30];
        for (int s = 0; s < 30; s++)
        {
            var seed = new Seed(1000).Derive(function).Derive(s);
            tpe[s] = SequentialRuns.Best(new TpeOptimizer(f.Space, seed), f, budget);
            random[s] = SequentialRuns.RandomBest(f.Space, f, budget, seed.Derive("random"));
        }

        var test = MannWhitneyU.Test(tpe, random, Alternative.Less);
        Assert.True(test.PValue < 0.05, $"{function}: TPE median {Median(tpe)}, random {Median(random)}, p = {test.PValue}");
    }

    [Fact]
    public void ConstantLiarSpreadsTheTrialsOfOneAsk()
    {
        // After 20 sequential trials on a 1-d space, a batch of 8 asked at once: without the liar all 8 come from the
        // same l/g and bunch up at the incumbent; with it each pending trial joins g(x) and pushes the next one away.
        // Measure: the smallest gap between batch members, averaged over 20 seeds.
        var space = new SearchSpace([Parameter.Float("x", 0, 1)]);
        double MeanMinimumGap(bool liar)
        {
            double total = 0;
            for (int s = 0; s < 20; s++)
            {
                var opt = new TpeOptimizer(space, new Seed(77).Derive(s), new TpeOptions { ConstantLiar = liar });
                for (int i = 0; i < 20; i++)
                {
                    var t = opt.Ask(1)[0];
                    opt.Tell(t, new Observation(Math.Abs(t.Configuration[0] - 0.2)));
                }

                var batch = opt.Ask(8).Select(t => t.Configuration[0]).OrderBy(v => v).ToArray();
                double gap = 1;
                for (int i = 1; i < batch.Length; i++)
                {
                    gap = Math.Min(gap, batch[i] - batch[i - 1]);
                }

                total += gap;
            }

            return total / 20;
        }

        double with = MeanMinimumGap(true), without = MeanMinimumGap(false);
        Assert.True(with > 3 * without, $"mean minimum gap with the liar {with}, without {without}");
    }

    [Fact]
    public void StartupTrialsAreUniformDrawsThenTheModelTakesOver()
    {
        var space = new SearchSpace([Parameter.Float("x", 0, 1)]);
        var opt = new TpeOptimizer(space, new Seed(8));
        var distances = new List<double>();
        for (int i = 0; i < 50; i++)
        {
            var t = opt.Ask(1)[0];
            distances.Add(Math.Abs(t.Configuration[0] - 0.7));
            opt.Tell(t, new Observation(distances[^1]));
        }

        // With the model on, the last 10 sequential proposals concentrate near the minimizer 0.7 (uniform draws
        // would average 0.29 away from it).
        var late = distances.Skip(40).ToArray();
        Assert.True(late.Average() < 0.1, $"mean distance {late.Average()}");
    }

    [Fact]
    public void BadOptionsAreRejectedByName()
    {
        var space = TpeContractTests.Mixed;
        Assert.Contains("StartupTrials", Assert.Throws<ArgumentOutOfRangeException>(() => new TpeOptimizer(space, new Seed(1), new TpeOptions { StartupTrials = 0 })).Message);
        Assert.Contains("EiCandidates", Assert.Throws<ArgumentOutOfRangeException>(() => new TpeOptimizer(space, new Seed(1), new TpeOptions { EiCandidates = 0 })).Message);
        Assert.Contains("GammaFraction", Assert.Throws<ArgumentOutOfRangeException>(() => new TpeOptimizer(space, new Seed(1), new TpeOptions { GammaFraction = 0 })).Message);
        Assert.Contains("PriorWeight", Assert.Throws<ArgumentOutOfRangeException>(() => new TpeOptimizer(space, new Seed(1), new TpeOptions { PriorWeight = double.NaN })).Message);
    }

    [Fact]
    public void GammaIsOptunasDefault()
    {
        var o = new TpeOptions();
        Assert.Equal([1, 1, 2, 2, 3, 10, 25, 25], new[] { 1, 10, 11, 20, 30, 100, 250, 1000 }.Select(o.Gamma).ToArray());
    }

    private static double Median(double[] v)
    {
        var s = v.OrderBy(x => x).ToArray();
        return 0.5 * (s[(s.Length - 1) / 2] + s[s.Length / 2]);
    }
}
