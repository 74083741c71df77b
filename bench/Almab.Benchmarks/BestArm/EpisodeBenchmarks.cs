using Almab.Algorithms.BestArm;
using Almab.Algorithms.BestArm.Agents;
using Almab.Algorithms.Randomness;
using BenchmarkDotNet.Attributes;

namespace Almab.Benchmarks.BestArm;

/// <summary>
/// One BAIwRC episode of each agent on the paper's trap/HL instance (K = 256, C = 1500, L = 1, uncorrelated
/// consumption), through <see cref="BestArmEpisode"/> with a warm agent. The pull loop allocates nothing: the memory
/// column is the per-episode constant (three generators and the seed names), independent of the thousands of pulls.
/// </summary>
[MemoryDiagnoser]
public class EpisodeBenchmarks
{
    private BestArmEnvironment _environment = null!;
    private readonly BestArmEpisode _episode = new();
    private IBestArmAgent _agent = null!;
    private long _trial;

    /// <summary>Agent name.</summary>
    [Params("sh-rr", "uniform", "ucb", "at-lucb", "dsh", "ra-ucb")]
    public string Agent { get; set; } = "sh-rr";

    /// <summary>Builds the instance and warms the agent.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (!new SyntheticInstance(RewardFamily.Trap, ConsumptionMatching.HL).TryBuild(out var instance, out string error))
        {
            throw new InvalidOperationException(error);
        }

        _environment = new BestArmEnvironment(instance!, ConsumptionModel.Uncorrelated);
        _agent = Agent switch
        {
            "sh-rr" => new ShRrAgent(),
            "uniform" => new UniformAgent(),
            "ucb" => new UcbAgent(),
            "at-lucb" => new AtLucbAgent(),
            "dsh" => new DoublingSequentialHalvingAgent(),
            _ => new ResourceAwareUcbAgent(),
        };
        for (int i = 0; i < 20; i++)
        {
            _episode.Run(_environment, _agent, new Seed(99).Derive(i));
        }
    }

    /// <summary>One episode (a fresh trial seed each time).</summary>
    [Benchmark]
    public long Episode() => _episode.Run(_environment, _agent, new Seed(7).Derive(_trial++)).Pulls;
}
