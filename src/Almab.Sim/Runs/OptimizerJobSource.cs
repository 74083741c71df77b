using System.Collections.Immutable;
using System.Diagnostics;
using Almab.Algorithms.Objectives;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;

namespace Almab.Sim.Runs;

/// <summary>
/// Adapts ask/tell to the cluster: a decision's Create asks the optimizer for one trial per offered worker (up to
/// the remaining budget) and evaluates each at once with noise from <c>noiseSeed.Derive(creationIndex)</c>, so
/// evaluation number i sees the same noise stream under every method and cluster (common random numbers); the
/// observation's cost becomes the job's nominal work. Complete tells the optimizer and records the evaluation.
/// </summary>
internal sealed class OptimizerJobSource : IJobSource
{
    private readonly OptimizationRunConfig _config;
    private readonly IOptimizer _optimizer;
    private readonly IObjective _objective;
    private readonly Seed _noiseSeed;
    private readonly Dictionary<long, PendingEvaluation> _pending;
    private readonly ImmutableArray<EvaluationRecord>.Builder _records;
    private readonly Rng _noise = new(0UL); // reseeded per evaluation: noiseSeed.Derive(index)'s stream, one instance
    private int _created;

    public OptimizerJobSource(OptimizationRunConfig config, IOptimizer optimizer, IObjective objective, Seed noiseSeed)
    {
        _config = config;
        _optimizer = optimizer;
        _objective = objective;
        _noiseSeed = noiseSeed;
        _records = ImmutableArray.CreateBuilder<EvaluationRecord>(config.Budget);
        _pending = new Dictionary<long, PendingEvaluation>(Math.Min(config.Cluster.Workers, config.Budget) + 1); // about K in flight
    }

    /// <summary>The evaluations told so far, in tell order.</summary>
    public ImmutableArray<EvaluationRecord> Records => _records.ToImmutable();

    /// <summary>The records at the end of the run, without a copy when the whole budget was told (the usual case).</summary>
    public ImmutableArray<EvaluationRecord> TakeRecords() =>
        _records.Count == _records.Capacity ? _records.MoveToImmutable() : _records.ToImmutable();

    /// <inheritdoc />
    public int MaxNextJobs => _config.Budget - _created;

    /// <inheritdoc />
    public int Create(ReadOnlySpan<int> idleWorkers, double now, Span<ClusterJob> jobs, out double coordinatorSeconds)
    {
        coordinatorSeconds = 0.0;
        int count = Math.Min(idleWorkers.Length, _config.Budget - _created);
        if (count <= 0)
        {
            return 0;
        }

        long t0 = Stopwatch.GetTimestamp();
        var trials = _optimizer.Ask(count);
        double askSeconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        if (trials is null || trials.Count > count)
        {
            throw new InvalidOperationException(
                $"optimizer '{_optimizer.Name}' returned {trials?.Count.ToString() ?? "null"} trials for Ask({count})");
        }

        for (int i = 0; i < trials.Count; i++)
        {
            var trial = trials[i] ?? throw new InvalidOperationException($"optimizer '{_optimizer.Name}' returned a null trial");
            var observation = Evaluate(trial, _created);
            _pending.Add(_created, new PendingEvaluation(trial, observation, askSeconds / trials.Count));
            jobs[i] = new ClusterJob(_created, observation.CostSeconds);
            _created++;
        }

        coordinatorSeconds = _config.MeasuredTimeScale is double scale
            ? askSeconds * scale
            : _config.Coordinator.AskSecondsPerTrial * trials.Count;
        return trials.Count;
    }

    /// <inheritdoc />
    public double Complete(in ClusterJob job, in ClusterTaskOutcome outcome)
    {
        var p = _pending[job.Id];
        _pending.Remove(job.Id);
        long t0 = Stopwatch.GetTimestamp();
        _optimizer.Tell(p.Trial, p.Observation);
        double tellSeconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        var o = p.Observation;
        _records.Add(new EvaluationRecord(
            _records.Count, p.Trial.Id, outcome.Worker, outcome.CreatedAt, outcome.StartedAt, outcome.FinishedAt, outcome.ArrivedAt,
            outcome.Attempts, p.AskComputeSeconds + tellSeconds, p.Trial.Configuration, p.Trial.Fidelity,
            o.Value, o.TrueValue, o.CostSeconds, o.Failed));
        return _config.MeasuredTimeScale is double scale
            ? tellSeconds * scale
            : _config.Coordinator.TellSeconds(_records.Count);
    }

    private Observation Evaluate(Trial trial, int index)
    {
        _noise.Reseed(_noiseSeed.Derive(index));
        var observation = _objective.Evaluate(trial.Configuration, trial.Fidelity, _noise)
            ?? throw new InvalidOperationException($"objective '{_objective.Name}' returned null for trial {trial.Id}");
        try
        {
            observation.EnsureUsable();
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException(
                $"objective '{_objective.Name}' returned an unusable observation for trial {trial.Id} at {_objective.Space.Format(trial.Configuration)}: {ex.Message}",
                ex);
        }

        return observation;
    }
}
