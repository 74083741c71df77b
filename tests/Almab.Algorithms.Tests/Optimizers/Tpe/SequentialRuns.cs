using Almab.Algorithms.Objectives;
using Almab.Algorithms.Objectives.TestFunctions;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Tests.Optimizers.Tpe;

/// <summary>Sequential ask/tell loops on noise-free test functions, and the random-search reference.</summary>
internal static class SequentialRuns
{
    /// <summary>Smallest true value seen after <paramref name="budget"/> sequential full-fidelity evaluations.</summary>
    public static double Best(IOptimizer optimizer, TestFunctionObjective f, int budget)
    {
        double best = double.PositiveInfinity;
        for (int t = 0; t < budget; t++)
        {
            var trial = optimizer.Ask(1)[0];
            double y = f.ValueAt(trial.Configuration.Values);
            best = Math.Min(best, y);
            optimizer.Tell(trial, new Observation(y, y));
        }

        return best;
    }

    /// <summary>The best of <paramref name="budget"/> uniform draws of the space.</summary>
    public static double RandomBest(SearchSpace space, TestFunctionObjective f, int budget, Seed seed)
    {
        var rng = seed.CreateRng();
        double best = double.PositiveInfinity;
        for (int t = 0; t < budget; t++)
        {
            best = Math.Min(best, f.ValueAt(space.Sample(rng).Values));
        }

        return best;
    }
}
