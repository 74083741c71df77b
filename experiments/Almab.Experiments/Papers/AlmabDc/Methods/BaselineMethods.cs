using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.Baselines;
using Almab.Experiments.Papers.AlmabDc.Cases;

namespace Almab.Experiments.Papers.AlmabDc.Methods;

/// <summary>The non-ALMAB baselines of ALMAB-DC sections 3.3, 3.9 and 3.10; every one starts from the case's fixed initial design when it has one.</summary>
public static class BaselineMethods
{
    /// <summary>Registers random, random-distinct, grid, lhs, lhs-repaired, sobol, equal-spacing, d-optimal and greedy-max-variance.</summary>
    public static void Register(MethodRegistry registry)
    {
        registry.Add(new("random", "uniform random search (with replacement on finite spaces)",
            c => new RandomSearch(c.Space, c.Seed, c.Evaluations, Initial(c))));
        registry.Add(new("grid", "grid search of exactly the budget: a mixed-level grid, the rest from the next finer grid (finite grids enumerated)",
            c => GridSearch.FillingBudget(c.Space, c.Evaluations, Initial(c))));
        registry.Add(new("lhs", "Latin hypercube of the budget left after the initial design",
            c => new LatinHypercubeSearch(c.Space, c.Seed, Math.Max(1, c.Evaluations - c.InitialDesign.Count), Initial(c))));
        registry.Add(new("random-distinct", "section 3.10 reading: uniform random search without replacement (finite spaces; the initial design counts as drawn)",
            c => new RandomSearch(c.Space, c.Seed, c.Evaluations, Initial(c), withoutReplacement: true)));
        registry.Add(new("lhs-repaired", "section 3.10 reading: Latin hypercube snapped to the grid with collisions moved to the nearest free cell",
            c => new LatinHypercubeSearch(c.Space, c.Seed, Math.Max(1, c.Evaluations - c.InitialDesign.Count), Initial(c), repairCollisions: true)));
        registry.Add(new("sobol", "scrambled Sobol sequence (Joe-Kuo directions, digital shift)",
            c => new SobolSearch(c.Space, c.Seed, scramble: true, c.Evaluations, Initial(c))));
        registry.Add(new("equal-spacing", "section 3.9: systematic cycling over the dose levels",
            c => new EqualSpacingDesign(c.Space, null, Initial(c))));
        registry.Add(new("d-optimal", "section 3.9: sequential D-optimal design for the efficacy and toxicity logistic models",
            CreateDOptimal));
        registry.Add(new("greedy-max-variance", "section 3.10: next point of maximal GP posterior variance (paper's kernel)",
            CreateGreedy));
    }

    private static IReadOnlyList<Algorithms.Spaces.Configuration>? Initial(MethodContext c) => c.InitialDesign.Count > 0 ? c.InitialDesign : null;

    private static IOptimizer CreateDOptimal(MethodContext c)
    {
        if (c.Case.Objective is not DoseResponseSpec { Observation: Algorithms.Objectives.Cases.DoseObservationModel.BernoulliUtility } dose)
        {
            throw new ArgumentException($"d-optimal needs the binary (bernoulli-utility) dose-response outcomes; case '{c.Case.Id}' does not have them");
        }

        return new DOptimalDoseDesign(c.Space, new DOptimalDoseOptions { Lambda = dose.Lambda, InitialDesign = Initial(c) });
    }

    private static IOptimizer CreateGreedy(MethodContext c)
    {
        var s = c.Case.Surrogate;
        var kernel = CaseSurrogate.GpOptions(s, c.Space, c.Seed).Kernel;
        return new GreedyMaxVarianceDesign(c.Space, new GreedyMaxVarianceOptions
        {
            Kernel = kernel,
            LengthScale = s.LengthScale, // native units, as the case file gives it
            SignalVariance = s.SignalVariance,
            NoiseSd = s.NoiseSd,
            InitialDesign = Initial(c),
        });
    }
}
