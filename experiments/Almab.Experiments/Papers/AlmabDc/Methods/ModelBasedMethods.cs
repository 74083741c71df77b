using Almab.Algorithms.Optimizers.Hyperband;
using Almab.Algorithms.Optimizers.Tpe;

namespace Almab.Experiments.Papers.AlmabDc.Methods;

/// <summary>Model-based baselines of ALMAB-DC sections 3.3-3.6.</summary>
public static class ModelBasedMethods
{
    /// <summary>Registers the model-based baselines.</summary>
    public static void Register(MethodRegistry registry)
    {
        registry.Add(new("tpe", "TPE in Optuna 3.x's formulation (10 random startup trials, constant liar for parallel asks)",
            c => new TpeOptimizer(c.Space, c.Seed)));

        // With budgets of 50-60 evaluations, Hyperband's usual R = 81 would spend the whole budget in its first bracket
        // at fidelity 1/81; R = 9 (fidelities 1/9, 1/3, 1 with eta = 3) gives complete brackets of 13, 6 and 3 evaluations.
        // Every evaluation counts against the budget whatever its fidelity; the case metric uses each evaluation's own
        // (fidelity-dependent) true value, so only full-fidelity results can reach the best accuracies.
        registry.Add(new("bohb", "BOHB: Hyperband (eta = 3, fidelities 1/9..1) with hpbandster's KDE configuration model",
            c => new BohbOptimizer(c.Space, c.Seed, new BohbOptions { Hyperband = new HyperbandOptions { MinFidelity = 1.0 / 9 } })));
        registry.Add(new("hyperband", "Hyperband with random configurations (eta = 3, fidelities 1/9..1)",
            c => new HyperbandOptimizer(c.Space, c.Seed, new HyperbandOptions { MinFidelity = 1.0 / 9 })));
    }
}
