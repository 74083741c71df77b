using Almab.Algorithms.Objectives;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.AlmabDc;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Tests.Optimizers.AlmabDc;

/// <summary>Sequential ask/tell loops and the inline random-search reference.</summary>
internal static class OptimizerRuns
{
    /// <summary>Small-budget settings for the 30-seed comparisons (fewer GP restarts keep the suite fast).</summary>
    public static AlmabDcOptions Fast(AlmabDcVariant variant) => new()
    {
        Variant = variant,
        RefitEvery = 10,
        Gp = new GaussianProcessOptions { Restarts = 1 },
    };

    /// <summary>Smallest value seen after <paramref name="budget"/> sequential evaluations.</summary>
    public static double Best(IOptimizer optimizer, Func<Configuration, double> f, int budget)
    {
        double best = double.PositiveInfinity;
        for (int t = 0; t < budget; t++)
        {
            var trial = optimizer.Ask(1)[0];
            double y = f(trial.Configuration);
            best = Math.Min(best, y);
            optimizer.Tell(trial, new Observation(y, y));
        }

        return best;
    }

    /// <summary>Random search: the best of <paramref name="budget"/> uniform space samples.</summary>
    public static double RandomSearch(SearchSpace space, Func<Configuration, double> f, int budget, Seed seed)
    {
        var rng = seed.CreateRng();
        double best = double.PositiveInfinity;
        for (int t = 0; t < budget; t++)
        {
            best = Math.Min(best, f(space.Sample(rng)));
        }

        return best;
    }
}
