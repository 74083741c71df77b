using Almab.Algorithms.Objectives;
using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Objectives.TestFunctions;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.Baselines;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using BenchmarkDotNet.Attributes;

namespace Almab.Benchmarks.Optimizers;

/// <summary>
/// One Ask(1) of each baseline (paper 000, sections 3.3, 3.9, 3.10) in the state of a mid-run decision: the
/// non-adaptive searches on a 6-d continuous space after 20 trials; equal spacing and D-optimal on the 33 case-4
/// doses after 14 Bernoulli-utility cohorts (D-optimal refits both logistic curves inside the Ask); greedy
/// max-variance on the 8 x 8 case-5 grid after 20 observations with 3 pending. Ask changes the state, so every
/// measured invocation gets a freshly prepared optimizer (iteration setup, one invocation per iteration).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class BaselineAskBenchmarks
{
    private static readonly SearchSpace Cube = new(Enumerable.Range(1, 6).Select(i => Parameter.Float("x" + i, 0, 1)));
    private static readonly DoseResponseObjective Dose = new(DoseObservationModel.BernoulliUtility);
    private static readonly SpatialFieldObjective Field = new(new Seed(7));
    private IOptimizer _optimizer = null!;

    /// <summary>The baseline (its registry name).</summary>
    [Params("random-search", "grid-search", "latin-hypercube", "sobol-search", "equal-spacing", "d-optimal", "greedy-max-variance")]
    public string Baseline { get; set; } = "random-search";

    /// <summary>Builds the optimizer and plays the trials before the measured Ask.</summary>
    [IterationSetup]
    public void Setup()
    {
        var seed = new Seed(20260302);
        (_optimizer, IObjective objective, int told, int pending) = Baseline switch
        {
            "random-search" => ((IOptimizer)new RandomSearch(Cube, seed), (IObjective)new Hartmann6(), 20, 0),
            "grid-search" => (GridSearch.ForBudget(Cube, 729), new Hartmann6(), 20, 0),
            "latin-hypercube" => (new LatinHypercubeSearch(Cube, seed, 60), new Hartmann6(), 20, 0),
            "sobol-search" => (new SobolSearch(Cube, seed), new Hartmann6(), 20, 0),
            "equal-spacing" => (new EqualSpacingDesign(Dose.Space), Dose, 14, 0),
            "d-optimal" => (new DOptimalDoseDesign(Dose.Space), Dose, 14, 0),
            _ => (new GreedyMaxVarianceDesign(Field.Space), Field, 20, 3),
        };

        var rng = seed.Derive("bench-noise").CreateRng();
        for (int t = 0; t < told; t++)
        {
            Trial trial = _optimizer.Ask(1)[0];
            _optimizer.Tell(trial, objective.Evaluate(trial.Configuration, 1.0, rng));
        }

        if (pending > 0)
        {
            _optimizer.Ask(pending);
        }
    }

    /// <summary>One Ask of a single configuration.</summary>
    [Benchmark]
    public Trial AskOne() => _optimizer.Ask(1)[0];
}
