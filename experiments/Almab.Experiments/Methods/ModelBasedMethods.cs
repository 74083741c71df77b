using Almab.Algorithms.Optimizers.Tpe;

namespace Almab.Experiments.Methods;

/// <summary>Model-based baselines of ALMAB-DC sections 3.3-3.6.</summary>
public static class ModelBasedMethods
{
    /// <summary>Registers the model-based baselines.</summary>
    public static void Register(MethodRegistry registry)
    {
        registry.Add(new("tpe", "TPE in Optuna 3.x's formulation (10 random startup trials, constant liar for parallel asks)",
            c => new TpeOptimizer(c.Space, c.Seed)));
    }
}
