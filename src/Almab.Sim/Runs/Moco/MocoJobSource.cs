using System.Collections.Immutable;
using System.Diagnostics;
using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.MultiObjective.Search;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;

namespace Almab.Sim.Runs.Moco;

/// <summary>
/// Feeds a <see cref="IMocoSearch"/> to the cluster: each idle worker gets one asked solution, evaluated at ask time
/// (the problem repairs it in place), run for <see cref="MocoRunConfig.EvaluationSeconds"/> of nominal work, and told
/// on arrival — with noise when configured. Noise for evaluation i comes from noiseSeed → i.
/// </summary>
internal sealed class MocoJobSource : IJobSource
{
    private readonly MocoRunConfig _config;
    private readonly IMocoSearch _search;
    private readonly IMocoProblem _problem;
    private readonly Seed _noiseSeed;
    private readonly Dictionary<long, (int[] Solution, double[] True, double[] Told)> _pending = new();
    private readonly ImmutableArray<MocoEvaluation>.Builder _records;
    private int _created;

    public MocoJobSource(MocoRunConfig config, IMocoSearch search, IMocoProblem problem, Seed noiseSeed)
    {
        _config = config;
        _search = search;
        _problem = problem;
        _noiseSeed = noiseSeed;
        _records = ImmutableArray.CreateBuilder<MocoEvaluation>(config.Budget);
    }

    public ImmutableArray<MocoEvaluation> Records => _records.ToImmutable();

    public double ComputeSeconds { get; private set; }

    public int Create(ReadOnlySpan<int> idleWorkers, double now, Span<ClusterJob> jobs, out double coordinatorSeconds)
    {
        coordinatorSeconds = 0.0;
        int count = Math.Min(idleWorkers.Length, _config.Budget - _created);
        for (int j = 0; j < count; j++)
        {
            long t0 = Stopwatch.GetTimestamp();
            var x = _search.Ask();
            ComputeSeconds += Stopwatch.GetElapsedTime(t0).TotalSeconds;
            var truth = new double[_problem.ObjectiveCount];
            _problem.Evaluate(x, truth);
            var told = truth;
            if (_config.NoiseFraction > 0)
            {
                var rng = _noiseSeed.Derive(_created).CreateRng();
                told = new double[truth.Length];
                var spec = _problem.Spec;
                for (int k = 0; k < truth.Length; k++)
                {
                    told[k] = truth[k] + _config.NoiseFraction * (spec.Reference[k] - spec.Ideal[k]) * rng.NextGaussian();
                }
            }

            _pending.Add(_created, (x, truth, told));
            jobs[j] = new ClusterJob(_created, _config.EvaluationSeconds);
            _created++;
        }

        return count;
    }

    public double Complete(in ClusterJob job, in ClusterTaskOutcome outcome)
    {
        var (x, truth, told) = _pending[job.Id];
        _pending.Remove(job.Id);
        long t0 = Stopwatch.GetTimestamp();
        _search.Tell(x, told);
        ComputeSeconds += Stopwatch.GetElapsedTime(t0).TotalSeconds;
        _records.Add(new MocoEvaluation(_records.Count, outcome.Worker, outcome.ArrivedAt, truth, x));
        return 0.0;
    }
}
