using Almab.Algorithms.Objectives;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Baselines;

/// <summary>
/// Equal Spacing (paper 000, section 3.9: "systematic dose cycling"): a one-parameter finite design (the dose levels)
/// that cycles through evenly spaced levels in increasing order, 0, 1, ..., m - 1, 0, 1, ..., without regard to the
/// outcomes. Our choices, as the paper gives no detail: the m levels are all levels by default, or m evenly spaced
/// ones with both endpoints (index round(j (c - 1) / (m - 1)) of the c levels); an optional initial design is handed
/// out first and the cycle then starts at the lowest level; there is no budget (the caller stops asking).
/// </summary>
public sealed class EqualSpacingDesign : IOptimizer
{
    private readonly TrialLedger _ledger;
    private readonly Configuration[] _cycle;
    private long _next;

    /// <summary>Creates the cycling design.</summary>
    /// <param name="space">A space with one finite parameter (grid, integer or categorical), e.g. the case-4 doses.</param>
    /// <param name="levelCount">Number of evenly spaced levels m to cycle over; null for every level.</param>
    /// <param name="initialDesign">Points handed out before the cycle starts.</param>
    public EqualSpacingDesign(SearchSpace space, int? levelCount = null, IReadOnlyList<Configuration>? initialDesign = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (space.Dimension != 1 || space.Parameters[0].Cardinality is not long c)
        {
            throw new ArgumentException("equal-spacing: the space must have exactly one finite parameter (the dose levels)", nameof(space));
        }

        if (levelCount is int m && m < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(levelCount), m, "equal-spacing: levelCount must be >= 1");
        }

        int r = (int)Math.Min(levelCount ?? c, Math.Min(c, int.MaxValue));
        var values = GridLevels.Of(space.Parameters[0], r);
        _cycle = new Configuration[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            _cycle[i] = new Configuration([values[i]]);
        }

        _ledger = new TrialLedger("equal-spacing", space, initialDesign, null);
    }

    /// <inheritdoc />
    public string Name => "equal-spacing";

    /// <summary>The levels of one cycle, in the order they are handed out.</summary>
    public IReadOnlyList<Configuration> Cycle => _cycle;

    /// <summary>Trials asked and not yet told.</summary>
    public int PendingCount => _ledger.PendingCount;

    /// <inheritdoc />
    public IReadOnlyList<Trial> Ask(int count)
    {
        int n = _ledger.Allowance(count);
        var trials = new Trial[n];
        for (int i = 0; i < n; i++)
        {
            if (!_ledger.TryNextInitial(out var c))
            {
                c = _cycle[_next++ % _cycle.Length];
            }

            trials[i] = _ledger.Issue(c);
        }

        return trials;
    }

    /// <inheritdoc />
    public void Tell(Trial trial, Observation observation) => _ledger.Accept(trial, observation);
}
