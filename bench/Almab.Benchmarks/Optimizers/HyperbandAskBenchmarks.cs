using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.Hyperband;
using Almab.Algorithms.Randomness;
using BenchmarkDotNet.Attributes;

namespace Almab.Benchmarks.Optimizers;

/// <summary>
/// One Ask(1) of the multi-fidelity baselines (successive halving, Hyperband, BOHB) on the case-1 HPO emulator
/// (5-d mixed space, noise sd 0.005) with the schedule case 1 uses (MinFidelity = 1/9, eta = 3: s_max = 2), after
/// 60 trials asked one at a time and told in order (about three Hyperband cycles, so BOHB has a product-KDE model at
/// every fidelity level and draws its 64 candidates from the highest one) and with <see cref="Pending"/> asks
/// outstanding. Ask changes the state, so every measured invocation gets a freshly prepared optimizer (iteration
/// setup, one invocation per iteration).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class HyperbandAskBenchmarks
{
    private static readonly HpoEmulatorObjective Objective = new(0.005);
    private static readonly HyperbandOptions Schedule = new() { MinFidelity = 1.0 / 9 };
    private IOptimizer _optimizer = null!;

    /// <summary>The optimizer (its registry name).</summary>
    [Params("successive-halving", "hyperband", "bohb")]
    public string Optimizer { get; set; } = "hyperband";

    /// <summary>Trials outstanding when Ask is called.</summary>
    [Params(0, 3)]
    public int Pending { get; set; }

    /// <summary>Builds the optimizer, plays 60 trials at their fidelities and leaves Pending asks outstanding.</summary>
    [IterationSetup]
    public void Setup()
    {
        var seed = new Seed(20260303);
        _optimizer = Optimizer switch
        {
            "successive-halving" => new SuccessiveHalvingOptimizer(Objective.Space, seed, Schedule),
            "hyperband" => new HyperbandOptimizer(Objective.Space, seed, Schedule),
            _ => new BohbOptimizer(Objective.Space, seed, new BohbOptions { Hyperband = Schedule }),
        };

        var rng = seed.Derive("bench-noise").CreateRng();
        for (int t = 0; t < 60; t++)
        {
            Trial trial = _optimizer.Ask(1)[0];
            _optimizer.Tell(trial, Objective.Evaluate(trial.Configuration, trial.Fidelity, rng));
        }

        if (Pending > 0)
        {
            _optimizer.Ask(Pending);
        }
    }

    /// <summary>One Ask of a single configuration.</summary>
    [Benchmark]
    public Trial AskOne() => _optimizer.Ask(1)[0];
}
