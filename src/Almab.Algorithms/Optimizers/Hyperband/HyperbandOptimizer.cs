using Almab.Algorithms.Objectives;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Hyperband;

/// <summary>
/// Hyperband (Li et al. 2018, Algorithm 1): successive-halving brackets s = s_max, ..., 0 over and over, each starting
/// with uniform random configurations (<see cref="SearchSpace.Sample"/>) at fidelity MaxFidelity * eta^-s and keeping
/// the best 1/eta at each rung (<see cref="HyperbandSchedule"/>; with the defaults R = 81, eta = 3, five brackets).
/// Asynchronous use: when every started bracket's current rung waits for results, an ask starts the next bracket
/// instead of returning nothing (hpbandster does the same with several iterations in flight); asked one at a time and
/// told in order, the trials follow the paper's schedule exactly. Trials carry their fidelity
/// (<see cref="Trial.Fidelity"/>); a failed evaluation ranks last in its rung. Asks never run out (no budget).
/// </summary>
public sealed class HyperbandOptimizer : IOptimizer
{
    private readonly BracketScheduler _scheduler;

    /// <summary>Creates a Hyperband optimizer.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="seed">Seed of the random configurations.</param>
    /// <param name="options">Fidelity range and eta; null for R = 81, eta = 3 on (1/81, 1].</param>
    public HyperbandOptimizer(SearchSpace space, Seed seed, HyperbandOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        Options = options ?? new HyperbandOptions();
        Brackets = HyperbandSchedule.Brackets(Options);
        _scheduler = new BracketScheduler(Name, Brackets, Options.MaxBracket, new RandomConfigurationSource(space, seed.Derive("hyperband").CreateRng()));
    }

    /// <inheritdoc />
    public string Name => "hyperband";

    /// <summary>The settings in use.</summary>
    public HyperbandOptions Options { get; }

    /// <summary>The bracket table, s = s_max first.</summary>
    public IReadOnlyList<HyperbandBracket> Brackets { get; }

    /// <summary>Trials asked and not yet told.</summary>
    public int PendingCount => _scheduler.PendingCount;

    /// <summary>Brackets started so far.</summary>
    public int BracketsStarted => _scheduler.BracketsStarted;

    /// <inheritdoc />
    public IReadOnlyList<Trial> Ask(int count) => _scheduler.Ask(count);

    /// <inheritdoc />
    public void Tell(Trial trial, Observation observation) => _scheduler.Tell(trial, observation);
}
