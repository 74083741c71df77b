using System.Collections.Immutable;
using Almab.Algorithms.Bandits;
using Almab.Algorithms.Bandits.Environments;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;

namespace Almab.Sim.Runs.Bandits;

/// <summary>
/// Drives a bandit policy on the cluster: each offered worker gets one pull (a retried arm first, else the policy's
/// choice; a whole batch through <see cref="IBatchBanditPolicy.SelectBatch"/> when more than one worker is offered).
/// The reward and the failure of pull i are drawn at creation from <c>seed/noise/i</c> and <c>seed/failure/i</c>, so
/// every method sees the same noise for its i-th pull. A failed pull's job runs a uniform fraction of its work, then
/// the declared rule applies; it never reaches the policy's Update.
/// </summary>
internal sealed class BanditJobSource : IJobSource
{
    private readonly IBanditPolicy _policy;
    private readonly IArmEnvironment _env;
    private readonly BanditRunConfig _config;
    private readonly Seed _noise;
    private readonly Seed _failure;
    private readonly Queue<int> _retry = new();
    private readonly Dictionary<long, Pull> _pending = new();
    private readonly ImmutableArray<double>.Builder _regret;
    private readonly ImmutableArray<double>.Builder _times;
    private int[] _batch = new int[16];
    private long _created;
    private int _inFlight;
    private double _cumulative;

    public BanditJobSource(IBanditPolicy policy, IArmEnvironment env, BanditRunConfig config, Seed seed)
    {
        if (config.Rule == FailureRule.Drop && config.FailureProbability > 0 && policy is not IAbandonablePolicy)
        {
            throw new ArgumentException($"the drop rule needs a policy that can abandon a pending pull; {policy.GetType().Name} cannot.", nameof(policy));
        }

        if (env.Arms != policy.Arms)
        {
            throw new ArgumentException($"policy has {policy.Arms} arms, environment {env.Arms}.", nameof(env));
        }

        (_policy, _env, _config) = (policy, env, config);
        _noise = seed.Derive("noise");
        _failure = seed.Derive("failure");
        _regret = ImmutableArray.CreateBuilder<double>(config.Rewards);
        _times = ImmutableArray.CreateBuilder<double>(config.Rewards);
    }

    public int Failed { get; private set; }

    public int Retried { get; private set; }

    public int Dropped { get; private set; }

    public double TotalReward { get; private set; }

    public ImmutableArray<double> Regret => _regret.ToImmutable();

    public ImmutableArray<double> Times => _times.ToImmutable();

    public int Create(ReadOnlySpan<int> idleWorkers, double now, Span<ClusterJob> jobs, out double coordinatorSeconds)
    {
        coordinatorSeconds = 0.0;
        int count = Math.Min(idleWorkers.Length, _config.Rewards - _regret.Count - _inFlight);
        if (count <= 0)
        {
            return 0;
        }

        int fromRetry = Math.Min(count, _retry.Count), fresh = count - fromRetry;
        if (_batch.Length < count)
        {
            _batch = new int[Math.Max(count, 2 * _batch.Length)];
        }

        for (int k = 0; k < fromRetry; k++)
        {
            _batch[k] = _retry.Dequeue();
        }

        var freshArms = _batch.AsSpan(fromRetry, fresh);
        if (fresh > 1 && _policy is IBatchBanditPolicy batch)
        {
            batch.SelectBatch(freshArms);
        }
        else
        {
            for (int k = 0; k < fresh; k++)
            {
                freshArms[k] = _policy.Select();
            }
        }

        for (int k = 0; k < count; k++)
        {
            jobs[k] = Launch(_batch[k]);
        }

        return count;
    }

    public double Complete(in ClusterJob job, in ClusterTaskOutcome outcome)
    {
        var pull = _pending[job.Id];
        _pending.Remove(job.Id);
        _inFlight--;
        if (pull.Failed)
        {
            Failed++;
            if (_config.Rule == FailureRule.Retry)
            {
                Retried++;
                _retry.Enqueue(pull.Arm);
            }
            else
            {
                Dropped++;
                ((IAbandonablePolicy)_policy).Abandon(pull.Arm);
            }

            return 0.0;
        }

        _policy.Update(pull.Arm, pull.Reward);
        TotalReward += pull.Reward;
        _cumulative += pull.Regret;
        _regret.Add(_cumulative);
        _times.Add(outcome.ArrivedAt);
        return 0.0;
    }

    private ClusterJob Launch(int arm)
    {
        long i = _created++;
        double reward = _env.Sample(arm, i, _noise.Derive(i).CreateRng());
        var f = _failure.Derive(i).CreateRng();
        bool failed = _config.FailureProbability > 0 && f.NextDouble() < _config.FailureProbability;
        double work = failed ? _config.PullSeconds * f.NextDouble() : _config.PullSeconds;
        _pending.Add(i, new Pull(arm, reward, _env.BestMean(i) - _env.Mean(arm, i), failed));
        _inFlight++;
        return new ClusterJob(i, work);
    }

    private readonly record struct Pull(int Arm, double Reward, double Regret, bool Failed);
}
