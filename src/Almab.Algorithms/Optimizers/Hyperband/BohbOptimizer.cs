using Almab.Algorithms.Objectives;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Hyperband;

/// <summary>
/// BOHB (Falkner et al. 2018): Hyperband's bracket schedule (<see cref="HyperbandOptimizer"/>, same asynchronous
/// behaviour) whose new configurations come from a TPE-like pair of product KDEs per fidelity level, fitted to the
/// best TopPercent and the rest of that level's results, with the model of the highest fidelity level that has
/// enough data, a random fraction of uniform draws, and candidates from the good KDE with widened bandwidths
/// (<see cref="KdeConfigurationSource"/>, hpbandster's defaults in <see cref="BohbOptions"/>). A configuration is
/// drawn when its bracket hands it out (not all at the bracket's start), so it sees every result told so far.
/// Failed evaluations count as +inf. Asks never run out (no budget).
/// </summary>
public sealed class BohbOptimizer : IOptimizer
{
    private readonly BracketScheduler _scheduler;

    /// <summary>Creates a BOHB optimizer.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="seed">Seed of the random draws and of the model's candidates.</param>
    /// <param name="options">Settings; null for hpbandster's defaults with R = 81, eta = 3 on (1/81, 1].</param>
    public BohbOptimizer(SearchSpace space, Seed seed, BohbOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        Options = options ?? new BohbOptions();
        Options.Validate(space.Dimension);
        Brackets = HyperbandSchedule.Brackets(Options.Hyperband);
        var source = new KdeConfigurationSource(space, Options, seed.Derive("bohb").CreateRng());
        _scheduler = new BracketScheduler(Name, Brackets, Options.Hyperband.MaxBracket, source);
    }

    /// <inheritdoc />
    public string Name => "bohb";

    /// <summary>The settings in use.</summary>
    public BohbOptions Options { get; }

    /// <summary>The bracket table, s = s_max first.</summary>
    public IReadOnlyList<HyperbandBracket> Brackets { get; }

    /// <summary>Trials asked and not yet told.</summary>
    public int PendingCount => _scheduler.PendingCount;

    /// <inheritdoc />
    public IReadOnlyList<Trial> Ask(int count) => _scheduler.Ask(count);

    /// <inheritdoc />
    public void Tell(Trial trial, Observation observation) => _scheduler.Tell(trial, observation);
}
