using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.BestArm.Replay;

/// <summary>
/// Runs one BAIwRC episode on <see cref="RecordedPulls"/> with a single resource of budget C (SH-RR paper, section 7,
/// real-world study): the arms are shuffled (a uniform permutation from the trial's "permutation" stream, as in
/// <see cref="BestArmEpisode"/>), then each pull of arm k draws one of k's records uniformly at random from the
/// "replay" stream; the agent pulls while the total consumption is below C − 1 (the published code's stopping rule,
/// kept with seconds as the unit), and its recommendation then is the answer. A recorded pull may consume more than
/// one unit, so the total can pass C − 1 by up to the last pull's consumption: a started training run finishes.
/// </summary>
public sealed class ReplayEpisode
{
    private int[] _permutation = [];
    private readonly double[] _consumption = new double[1];
    private readonly double[] _budget = new double[1];

    /// <summary>Total consumption of the last episode.</summary>
    public double Total { get; private set; }

    /// <summary>
    /// Runs <paramref name="agent"/> on <paramref name="table"/> with budget <paramref name="budget"/> (&gt; 1, in the
    /// table's consumption unit). Streams derive from <paramref name="trialSeed"/>: "permutation", "replay", "agent".
    /// </summary>
    public BestArmOutcome Run(RecordedPulls table, IBestArmAgent agent, double budget, Seed trialSeed)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(agent);
        if (!(budget > 1) || double.IsInfinity(budget))
        {
            throw new ArgumentOutOfRangeException(nameof(budget), budget, "the budget must be finite and > 1 (the episode stops at C - 1)");
        }

        int arms = table.Arms;
        if (_permutation.Length != arms)
        {
            _permutation = new int[arms];
        }

        Seed permutationSeed = trialSeed.Derive("permutation");
        BestArmEpisode.Shuffle(_permutation, new Rng(permutationSeed));
        var rng = new Rng(trialSeed.Derive("replay"));
        _budget[0] = budget;
        agent.Reset(arms, _budget, trialSeed.Derive("agent").Value);
        double total = 0, limit = budget - 1;
        long pulls = 0;
        while (total < limit)
        {
            int chosen = agent.Choose();
            if (chosen < 0)
            {
                break;
            }

            if ((uint)chosen >= (uint)arms)
            {
                throw new InvalidOperationException($"agent '{agent.Name}' chose arm {chosen} of {arms}");
            }

            int arm = _permutation[chosen];
            int record = rng.Next(table.Count(arm));
            double reward = table.Reward(arm, record);
            _consumption[0] = table.Consumption(arm, record);
            total += _consumption[0];
            agent.Observe(chosen, reward, _consumption);
            pulls++;
        }

        Total = total;
        int recommended = agent.Recommend();
        int answer = recommended < 0 ? -1 : _permutation[recommended];
        return new BestArmOutcome(answer, pulls, answer >= 0 && answer == table.BestArm, permutationSeed.Value);
    }
}
