using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Almab.Algorithms.MultiObjective.Indicators;
using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Runs.Moco;

namespace Almab.Experiments.Papers.Moco;

/// <summary>
/// Runs one cell of the MOCO grid: the cell's case id is the problem ("bi-tsp-20"), its replicate the instance index.
/// Instance i is <see cref="MocoInstances.Create(MocoSpec, int, Seed)"/>(spec, i, root) and its shared initial design comes from
/// root → "moco-run" → problem → i, so every method sees the same instances and starting points (common random
/// numbers). Black-box methods run on the simulated cluster (K = the cell's workers, one evaluation = 1 virtual
/// second of nominal work, optionally log-normal with mean 1 s (costly, variable evaluations), noise = the cell's noise as a fraction of the [ideal, reference] range). The stored trace is
/// thinned to <see cref="Checkpoints"/> rows: row j holds, after evaluation ⌈jB/40⌉, the HV ratio (BestSoFar and Metric),
/// the NDS count (Observed) and the virtual time; the last row's Configuration is the final front
/// ("f1 f2;f1 f2;…", minimization orientation). Real seconds cover the whole replicate (asks, tells, evaluations). The
/// specialised ws solver is not run on the cluster; its virtual time is stored as 0.
/// </summary>
public sealed class MocoCellRunner
{
    public const int Checkpoints = 40;

    private readonly Seed _root;
    private readonly double _clockSigma;
    private readonly MocoOverrides _overrides;

    /// <param name="root">Root seed.</param>
    /// <param name="clockSigma">Log-sd of the log-normal evaluation time (mean 1 s); 0 = every evaluation takes exactly 1 s.</param>
    /// <param name="overrides">Ideal/reference points, capacity or D&amp;L weights given on the command line (null = none).</param>
    public MocoCellRunner(Seed root, double clockSigma = 0.0, MocoOverrides? overrides = null)
    {
        _root = root;
        _clockSigma = clockSigma;
        _overrides = overrides ?? MocoOverrides.None;
    }

    public ReplicateResult Run(CellKey cell, CancellationToken cancel)
    {
        var spec = _overrides.Apply(cell.CaseId);
        var problem = MocoInstances.Create(spec, cell.Replicate, _root);
        var instanceSeed = _root.Derive("moco-run").Derive(cell.CaseId).Derive(cell.Replicate);
        var ratio = new HypervolumeRatio(spec.Ideal, spec.Reference);
        var archive = new ParetoArchive(spec.ObjectiveCount);
        var rows = ImmutableArray.CreateBuilder<EvaluationRow>(Checkpoints);
        var clock = Stopwatch.StartNew();
        double makespan;
        if (MocoMethods.IsSpecialised(cell.Method))
        {
            var solutions = MocoMethods.Specialised(problem);
            var obj = new double[spec.ObjectiveCount];
            foreach (var x in solutions)
            {
                problem.Evaluate(x, obj);
                archive.Offer(obj, x);
            }

            makespan = 0.0; // a solver, not run on the cluster: no virtual time (the store needs a number)
            rows.Add(Row(solutions.Count - 1, 0.0, archive, ratio, final: true));
        }
        else
        {
            var search = MocoMethods.Create(cell.Method, problem, cell.Budget, instanceSeed, _overrides.Weights);
            var config = new MocoRunConfig
            {
                Cluster = _clockSigma > 0
                    ? new ClusterConfig { Workers = cell.Workers, TaskTime = LogNormalDuration.FromMean(1.0, _clockSigma) }
                    : new ClusterConfig { Workers = cell.Workers },
                Budget = cell.Budget,
                NoiseFraction = cell.Noise,
            };
            var result = MocoRun.Execute(
                config, search, problem, instanceSeed.Derive("cluster").Derive(cell.Workers), instanceSeed.Derive("noise"));
            makespan = result.Cluster.MakespanSeconds;
            int next = 1;
            for (int e = 0; e < result.Evaluations.Length; e++)
            {
                var ev = result.Evaluations[e];
                archive.Offer(ev.Objectives, ev.Solution);
                while (next <= Checkpoints && e + 1 >= (int)Math.Ceiling((double)next * result.Evaluations.Length / Checkpoints))
                {
                    rows.Add(Row(e, ev.ArrivedAt, archive, ratio, final: next == Checkpoints));
                    next++;
                }
            }
        }

        var last = rows[^1];
        return new ReplicateResult(
            cell, instanceSeed.Value, "hv-ratio", last.Metric, double.NaN, makespan, clock.Elapsed.TotalSeconds, rows.ToImmutable());
    }

    private static EvaluationRow Row(int index, double virtualSeconds, ParetoArchive archive, HypervolumeRatio ratio, bool final)
    {
        double hv = ratio.Compute(archive.Flatten(), archive.Count);
        return new EvaluationRow(index, virtualSeconds, 0.0, 0, final ? Front(archive) : "", archive.Count, double.NaN, hv, hv);
    }

    private static string Front(ParetoArchive archive)
    {
        var sb = new StringBuilder();
        foreach (var o in archive.Objectives.OrderBy(o => o[0]))
        {
            if (sb.Length > 0)
            {
                sb.Append(';');
            }

            sb.Append(string.Join(' ', o.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        }

        return sb.ToString();
    }
}
