using System.Runtime.CompilerServices;
using Almab.Algorithms.BestArm.Agents;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.BestArm;

/// <summary>
/// Runs one BAIwRC episode (SH-RR paper, section 3 and 7): the arms are shuffled (a uniform permutation drawn from
/// the trial's "permutation" stream, so no lowest-index tie rule can favour the best arm), then the agent pulls
/// while every resource's total consumption is below C_l − 1; the pull that brings any total to C_l − 1 or more is
/// the last, and the agent's recommendation at that moment is the answer. A pull consumes at most one unit of each
/// resource, so no total ever exceeds C_l. Reuse one <see cref="BestArmEpisode"/> per thread: after the first
/// episode of a shape, the pull loop allocates nothing.
/// </summary>
public sealed class BestArmEpisode
{
    private int[] _permutation = [];
    private double[] _consumption = [];
    private double[] _totals = [];
    private double[] _limits = [];

    /// <summary>Total consumption of each resource in the last episode (length L).</summary>
    public ReadOnlySpan<double> Totals => _totals;

    /// <summary>
    /// Runs <paramref name="agent"/> on <paramref name="environment"/>. Streams derive from <paramref name="trialSeed"/>:
    /// "permutation" (the shuffle), "environment" (rewards and consumption), "agent" (the agent's own choices).
    /// </summary>
    public BestArmOutcome Run(BestArmEnvironment environment, IBestArmAgent agent, Seed trialSeed)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(agent);
        var instance = environment.Instance;
        int arms = instance.Arms;
        int resources = instance.Resources;
        Prepare(arms, resources);

        Seed permutationSeed = trialSeed.Derive("permutation");
        Shuffle(_permutation, new Rng(permutationSeed));
        var rng = new Rng(trialSeed.Derive("environment"));
        var budgets = instance.Budgets;
        for (int l = 0; l < resources; l++)
        {
            _totals[l] = 0;
            _limits[l] = budgets[l] - 1;
        }

        agent.Reset(arms, budgets, trialSeed.Derive("agent").Value);

        // One copy of the pull loop per known agent class: each call site then sees one sealed class, so the calls
        // are direct (no interface dispatch stub shared by all agents) and small agents inline into the loop.
        // The UCB agents' copies (with the index tree's re-play inlined) are methods of their own, so that their
        // register allocation is not shared with the other loops inlined into Run.
        long pulls = agent switch
        {
            ResourceAwareUcbAgent a => PullLoopOf(environment, a, rng, resources, arms),
            UcbAgent a => PullLoopOf(environment, a, rng, resources, arms),
            AtLucbAgent a => PullLoop(environment, a, rng, resources, arms),
            ShRrAgent a => PullLoop(environment, a, rng, resources, arms),
            DoublingSequentialHalvingAgent a => PullLoop(environment, a, rng, resources, arms),
            UniformAgent a => PullLoop(environment, a, rng, resources, arms),
            _ => PullLoop(environment, agent, rng, resources, arms),
        };

        int recommended = agent.Recommend();
        int answer = recommended < 0 ? -1 : _permutation[recommended];
        return new BestArmOutcome(answer, pulls, answer >= 0 && answer == instance.BestArm, permutationSeed.Value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long PullLoopOf(BestArmEnvironment environment, ResourceAwareUcbAgent agent, Rng rng, int resources, int arms) =>
        PullLoop(environment, agent, rng, resources, arms);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long PullLoopOf(BestArmEnvironment environment, UcbAgent agent, Rng rng, int resources, int arms) =>
        PullLoop(environment, agent, rng, resources, arms);

    /// <summary>Pulls while every resource's total is below C_l − 1 (or until the agent stops); returns the pulls.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long PullLoop(BestArmEnvironment environment, IBestArmAgent agent, Rng rng, int resources, int arms)
    {
        long pulls = 0;
        int[] permutation = _permutation;
        double[] totals = _totals, limits = _limits, consumption = _consumption;
        bool open = true;
        for (int l = 0; l < resources; l++)
        {
            open &= totals[l] < limits[l];
        }

        while (open)
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

            double reward = environment.Pull(permutation[chosen], rng, consumption);
            for (int l = 0; l < resources; l++)
            {
                double total = totals[l] + consumption[l];
                totals[l] = total;
                open &= total < limits[l];
            }

            agent.Observe(chosen, reward, consumption.AsSpan(0, resources));
            pulls++;
        }

        return pulls;
    }

    /// <summary>Fisher–Yates shuffle of the identity into <paramref name="permutation"/>: shuffled index → arm.</summary>
    public static void Shuffle(Span<int> permutation, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        for (int i = 0; i < permutation.Length; i++)
        {
            permutation[i] = i;
        }

        for (int i = permutation.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
        }
    }

    private void Prepare(int arms, int resources)
    {
        if (_permutation.Length != arms)
        {
            _permutation = new int[arms];
        }

        if (_totals.Length != resources)
        {
            _consumption = new double[resources];
            _totals = new double[resources];
            _limits = new double[resources];
        }
    }
}
