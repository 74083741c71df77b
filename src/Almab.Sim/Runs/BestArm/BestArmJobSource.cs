using Almab.Algorithms.BestArm;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;

namespace Almab.Sim.Runs.BestArm;

/// <summary>
/// Drives a sequential BAIwRC agent on the simulated cluster: each pull is a job whose nominal work is the pull's
/// consumption of the time resource (virtual seconds), drawn when the pull is dispatched. The agents are sequential
/// (the next choice needs the last observation), so one pull is in flight at a time; the cluster's clocks, faults
/// and latencies still shape the wall-clock axis. The episode rule is <see cref="BestArmEpisode"/>'s: pulls continue
/// while every resource total is below C_l − 1, with the same shuffle and streams, so answers are identical.
/// </summary>
internal sealed class BestArmJobSource : IJobSource
{
    private readonly BestArmEnvironment _environment;
    private readonly IBestArmAgent _agent;
    private readonly int[] _permutation;
    private readonly Rng _rng;
    private readonly double[] _consumption;
    private readonly double[] _totals;
    private readonly double[] _limits;
    private readonly int _timeResource;
    private readonly List<double> _arrivals = [];
    private int _pendingArm = -1;
    private double _pendingReward;
    private bool _open = true;

    public BestArmJobSource(BestArmEnvironment environment, IBestArmAgent agent, Seed trialSeed, int timeResource)
    {
        _environment = environment;
        _agent = agent;
        var instance = environment.Instance;
        if ((uint)timeResource >= (uint)instance.Resources)
        {
            throw new ArgumentOutOfRangeException(nameof(timeResource), timeResource, $"the instance has {instance.Resources} resource(s)");
        }

        _timeResource = timeResource;
        _permutation = new int[instance.Arms];
        PermutationSeed = trialSeed.Derive("permutation").Value;
        BestArmEpisode.Shuffle(_permutation, new Rng(PermutationSeed));
        _rng = new Rng(trialSeed.Derive("environment"));
        _consumption = new double[instance.Resources];
        _totals = new double[instance.Resources];
        _limits = new double[instance.Resources];
        for (int l = 0; l < instance.Resources; l++)
        {
            _limits[l] = instance.Budgets[l] - 1;
            _open &= 0 < _limits[l];
        }

        agent.Reset(instance.Arms, instance.Budgets, trialSeed.Derive("agent").Value);
    }

    public ulong PermutationSeed { get; }

    public long Pulls { get; private set; }

    public ReadOnlySpan<double> Totals => _totals;

    public IReadOnlyList<double> Arrivals => _arrivals;

    public int Create(ReadOnlySpan<int> idleWorkers, double now, Span<ClusterJob> jobs, out double coordinatorSeconds)
    {
        coordinatorSeconds = 0;
        if (!_open || _pendingArm >= 0 || idleWorkers.Length == 0)
        {
            return 0;
        }

        int chosen = _agent.Choose();
        if (chosen < 0)
        {
            _open = false;
            return 0;
        }

        _pendingReward = _environment.Pull(_permutation[chosen], _rng, _consumption);
        _pendingArm = chosen;
        for (int l = 0; l < _totals.Length; l++)
        {
            _totals[l] += _consumption[l];
            _open &= _totals[l] < _limits[l];
        }

        jobs[0] = new ClusterJob(Pulls, _consumption[_timeResource]);
        return 1;
    }

    public double Complete(in ClusterJob job, in ClusterTaskOutcome outcome)
    {
        _agent.Observe(_pendingArm, _pendingReward, _consumption);
        _pendingArm = -1;
        Pulls++;
        _arrivals.Add(outcome.ArrivedAt);
        return 0;
    }

    public int Answer()
    {
        int recommended = _agent.Recommend();
        return recommended < 0 ? -1 : _permutation[recommended];
    }
}
