using Almab.Algorithms.Objectives;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Hyperband;

/// <summary>
/// Successive halving (Jamieson and Talwalkar 2016, as the inner loop of Li et al. 2018, Algorithm 1): one bracket s of
/// the Hyperband table, repeated: n uniform random configurations at fidelity MaxFidelity * eta^-s, the best 1/eta
/// promoted to eta times the fidelity until MaxFidelity. By default s = s_max (the most aggressive bracket: 81
/// configurations at 1/81 down to one at full fidelity for R = 81, eta = 3). As in <see cref="HyperbandOptimizer"/>,
/// an ask that finds every running bracket waiting for results starts a new one. Asks never run out (no budget).
/// </summary>
public sealed class SuccessiveHalvingOptimizer : IOptimizer
{
    private readonly BracketScheduler _scheduler;

    /// <summary>Creates a successive-halving optimizer.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="seed">Seed of the random configurations.</param>
    /// <param name="options">Fidelity range and eta; null for R = 81, eta = 3 on (1/81, 1].</param>
    /// <param name="bracket">The bracket s in [0, s_max]; null for s_max.</param>
    public SuccessiveHalvingOptimizer(SearchSpace space, Seed seed, HyperbandOptions? options = null, int? bracket = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        Options = options ?? new HyperbandOptions();
        var all = HyperbandSchedule.Brackets(Options);
        int s = bracket ?? Options.MaxBracket;
        if (s < 0 || s > Options.MaxBracket)
        {
            throw new ArgumentOutOfRangeException(nameof(bracket), bracket, $"successive-halving: bracket must be in [0, s_max = {Options.MaxBracket}]");
        }

        Bracket = all[Options.MaxBracket - s];
        _scheduler = new BracketScheduler(Name, [Bracket], Options.MaxBracket, new RandomConfigurationSource(space, seed.Derive("successive-halving").CreateRng()));
    }

    /// <inheritdoc />
    public string Name => "successive-halving";

    /// <summary>The settings in use.</summary>
    public HyperbandOptions Options { get; }

    /// <summary>The bracket that is repeated.</summary>
    public HyperbandBracket Bracket { get; }

    /// <summary>Trials asked and not yet told.</summary>
    public int PendingCount => _scheduler.PendingCount;

    /// <inheritdoc />
    public IReadOnlyList<Trial> Ask(int count) => _scheduler.Ask(count);

    /// <inheritdoc />
    public void Tell(Trial trial, Observation observation) => _scheduler.Tell(trial, observation);
}
