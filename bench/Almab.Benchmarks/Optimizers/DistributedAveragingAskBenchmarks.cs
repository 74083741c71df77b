using Almab.Algorithms.Bandits;
using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.AlmabDc;
using Almab.Algorithms.Randomness;
using BenchmarkDotNet.Attributes;

namespace Almab.Benchmarks.Optimizers;

/// <summary>
/// One round of <see cref="DistributedAveragingOptimizer"/> (ALMAB-DC section 2.6, eq. (8)) on the illustrative
/// example's 15 Gaussian-mixture arms (experiments/Almab.Experiments/Papers/AlmabDc/cases/illustrative-gaussian-mixture.json: three components, noise
/// sd 0.3, UCB1 with c = sqrt 2): Ask(K) after 100 told rounds, K agents evaluating the chosen arm. The Ask is one
/// UCB1 selection plus K trials. Ask changes the state (pending pulls), so every measured invocation gets a freshly
/// prepared optimizer (iteration setup, one invocation per iteration).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class DistributedAveragingAskBenchmarks
{
    private static readonly GaussianMixtureArmsObjective Objective = new(
        [new MixtureComponent(0.30, [0.15], 0.10), new MixtureComponent(0.25, [0.45], 0.08), new MixtureComponent(0.45, [0.80], 0.12)],
        Enumerable.Range(0, 15).Select(i => new[] { i / 14.0 }).ToArray(),
        0.3);

    private DistributedAveragingOptimizer _optimizer = null!;

    /// <summary>Agents per round K.</summary>
    [Params(1, 4)]
    public int Agents { get; set; } = 1;

    /// <summary>Builds the optimizer and plays 100 rounds of K pulls.</summary>
    [IterationSetup]
    public void Setup()
    {
        var seed = new Seed(20260304);
        _optimizer = new DistributedAveragingOptimizer(Objective.Space, new Ucb1Policy(Objective.Arms, Math.Sqrt(2)), "ucb-averaging");
        var rng = seed.Derive("bench-noise").CreateRng();
        for (int round = 0; round < 100; round++)
        {
            foreach (Trial trial in _optimizer.Ask(Agents))
            {
                _optimizer.Tell(trial, Objective.Evaluate(trial.Configuration, 1.0, rng));
            }
        }
    }

    /// <summary>One round: the bandit's choice handed to K agents.</summary>
    [Benchmark]
    public int AskRound() => _optimizer.Ask(Agents).Count;
}
