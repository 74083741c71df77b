using Almab.Algorithms.Objectives;
using Almab.Algorithms.Objectives.TestFunctions;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.Hyperband;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Reports.Statistics;
using MathNet.Numerics.Distributions;

namespace Almab.Algorithms.Tests.Optimizers.Hyperband;

/// <summary>BOHB's KDE against the closed form, and its search quality against random search.</summary>
public sealed class BohbOptimizerTests
{
    [Fact]
    public void ProductKdeIsTheNormalReferenceMixture()
    {
        // Rows (x continuous, c categorical with 3 choices). Normal reference: h = 1.06 sd n^(-1/(4 + d)) with the
        // population sd; density = mean over rows of N(x; x_i, h_x) * (1 - h_c or h_c / 2).
        double[][] rows = [[0.1, 0], [0.4, 1], [0.45, 0], [0.9, 2], [0.5, 0]];
        var kde = new ProductKde(rows, [0, 3], 1e-3);
        double Sd(int j)
        {
            double m = rows.Average(r => r[j]);
            return Math.Sqrt(rows.Sum(r => (r[j] - m) * (r[j] - m)) / rows.Length);
        }

        double factor = 1.06 * Math.Pow(5, -1.0 / 6);
        Assert.Equal(factor * Sd(0), kde.Bandwidths[0], 14);
        Assert.Equal(factor * Sd(1), kde.Bandwidths[1], 14);
        foreach (var x in new[] { new[] { 0.3, 0.0 }, [0.5, 2.0], [0.0, 1.0] })
        {
            double hx = kde.Bandwidths[0], hc = kde.Bandwidths[1];
            double expected = rows.Average(r => Normal.PDF(r[0], hx, x[0]) * (r[1] == x[1] ? 1 - hc : hc / 2));
            Assert.Equal(expected, kde.Pdf(x), 12);
        }
    }

    [Theory]
    [InlineData("branin")]
    [InlineData("hartmann6")]
    public void BeatsRandomSearchOverThirtySeeds(string function)
    {
        // Equal budgets in full-fidelity evaluations: BOHB spends 24 units (a trial at fidelity f costs f, about one
        // Hyperband cycle) and is scored by its best full-fidelity evaluation; random search evaluates 24 points.
        // The test functions do not depend on fidelity, so low-fidelity results are exact but cheap.
        TestFunctionObjective f = function == "branin" ? new Branin() : new Hartmann6();
        const double budget = 24;
        var bohb = new double[30];
        var random = new double[30];
        for (int s = 0; s < 30; s++)
        {
            var seed = new Seed(2000).Derive(function).Derive(s);
            bohb[s] = BestAtFullFidelity(new BohbOptimizer(f.Space, seed), f, budget);
            var rng = seed.Derive("random").CreateRng();
            random[s] = double.PositiveInfinity;
            for (int t = 0; t < budget; t++)
            {
                random[s] = Math.Min(random[s], f.ValueAt(f.Space.Sample(rng).Values));
            }
        }

        var test = MannWhitneyU.Test(bohb, random, Alternative.Less);
        Assert.True(test.PValue < 0.05, $"{function}: BOHB median {Median(bohb)}, random {Median(random)}, p = {test.PValue}");
    }

    [Fact]
    public void ModelBasedConfigurationsConcentrateNearTheOptimum()
    {
        // On a 2-d bowl with minimum at (0.8, 0.2), after the first two brackets (121 trials) the trials of BOHB sit
        // closer to the minimum than Hyperband's uniform ones (same schedule, same seed).
        var space = new SearchSpace([Parameter.Float("x", 0, 1), Parameter.Float("y", 0, 1)]);
        double MeanDistanceOfLaterStarts(IOptimizer opt)
        {
            var distances = new List<double>();
            for (int t = 0; t < 206; t++)
            {
                var trial = opt.Ask(1)[0];
                double d = Math.Sqrt(Math.Pow(trial.Configuration[0] - 0.8, 2) + Math.Pow(trial.Configuration[1] - 0.2, 2));
                if (t >= 121)
                {
                    distances.Add(d);
                }

                opt.Tell(trial, new Observation(d * d));
            }

            return distances.Average();
        }

        double bohb = MeanDistanceOfLaterStarts(new BohbOptimizer(space, new Seed(31)));
        double hyperband = MeanDistanceOfLaterStarts(new HyperbandOptimizer(space, new Seed(31)));
        Assert.True(bohb < 0.6 * hyperband, $"BOHB {bohb}, Hyperband {hyperband}");
    }

    private static double BestAtFullFidelity(IOptimizer optimizer, TestFunctionObjective f, double budget)
    {
        double spent = 0, best = double.PositiveInfinity;
        while (spent < budget)
        {
            var trial = optimizer.Ask(1)[0];
            double y = f.ValueAt(trial.Configuration.Values);
            spent += trial.Fidelity;
            if (trial.Fidelity == 1.0)
            {
                best = Math.Min(best, y);
            }

            optimizer.Tell(trial, new Observation(y, y));
        }

        return best;
    }

    private static double Median(double[] v)
    {
        var s = v.OrderBy(x => x).ToArray();
        return 0.5 * (s[(s.Length - 1) / 2] + s[s.Length / 2]);
    }
}
