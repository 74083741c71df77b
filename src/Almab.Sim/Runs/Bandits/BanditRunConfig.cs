namespace Almab.Sim.Runs.Bandits;

/// <summary>
/// A bandit run on the simulated cluster (survey 001 sections 1.2 and 1.4). <see cref="Rewards"/> rewards are collected;
/// each pull is one job of <see cref="PullSeconds"/> nominal work; with probability <see cref="FailureProbability"/> the
/// evaluation fails after a uniform fraction of its work and <see cref="Rule"/> decides what happens. Properties
/// validate on assignment and name themselves.
/// </summary>
public sealed record BanditRunConfig
{
    /// <summary>Rewards to collect T (&gt;= 1); failed pulls do not count.</summary>
    public required int Rewards
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Rewards), value, $"Rewards (T) must be >= 1, got {value}.");
    }

    /// <summary>Nominal work of one pull in virtual seconds (finite, &gt; 0; default 1).</summary>
    public double PullSeconds
    {
        get;
        init => field = double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(PullSeconds), value, $"PullSeconds must be finite and > 0, got {value}.");
    } = 1.0;

    /// <summary>Probability that a pull's evaluation fails, in [0, 1).</summary>
    public double FailureProbability
    {
        get;
        init => field = value >= 0 && value < 1 ? value : throw new ArgumentOutOfRangeException(nameof(FailureProbability), value, $"FailureProbability must lie in [0, 1), got {value}.");
    }

    /// <summary>Retry or drop a failed pull.</summary>
    public FailureRule Rule
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Rule), value, "Rule must be Retry or Drop.");
    }
}
