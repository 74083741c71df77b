using System.Collections.Immutable;
using Almab.Algorithms.Objectives;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Sim.Runs;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Metrics;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;

namespace Almab.Experiments.Papers.AlmabDc.Runner;

/// <summary>
/// Runs one grid cell (case, method, K, budget, noise, replicate) on the simulated cluster and scores it with the
/// case's metric. Seeds (ARCHITECTURE.md): root → case → replicate → {"objective", "noise", "cluster" → K,
/// "method" → name}, so every method of a replicate sees the same objective, the same noise stream and the same
/// worker clocks (common random numbers), and a cell's result does not depend on which other cells run or on threads.
/// </summary>
public sealed class CaseCellRunner(IReadOnlyDictionary<string, CaseDefinition> cases, MethodRegistry registry, Seed root)
{
    /// <summary>Called with each cell's optimizer after its run (diagnostics, e.g. bench/ShortlistDiagnostics); null = none.</summary>
    public Action<CellKey, IOptimizer>? OnOptimizerDone { get; init; }

    /// <summary>Runs <paramref name="cell"/>; the cancellation token is checked before the run starts.</summary>
    public ReplicateResult Run(CellKey cell, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        var definition = cases[cell.CaseId];
        var replicate = root.Derive(definition.Id).Derive(cell.Replicate);
        var objective = definition.Objective.Create(cell.Noise, replicate.Derive("objective"));
        var initial = InitialDesign(definition, objective.Space);
        int evaluations = Evaluations(definition, cell.Budget, cell.Workers, initial.Count);
        var methodSeed = replicate.Derive("method").Derive(cell.Method);
        var optimizer = registry.Get(cell.Method).Create(new MethodContext(definition, objective, cell.Workers, evaluations, initial, methodSeed));
        var config = ClusterFactory.Create(definition.Cluster, cell.Workers, evaluations);
        Almab.Sim.Runs.OptimizationRunResult run;
        try
        {
            run = OptimizationRun.Execute(config, optimizer, objective, replicate.Derive("cluster").Derive(cell.Workers), replicate.Derive("noise"));
            OnOptimizerDone?.Invoke(cell, optimizer);
        }
        finally
        {
            (optimizer as IDisposable)?.Dispose(); // external optimizers end their process here
        }

        var tracker = Tracker(definition, objective, cell.Workers);
        double? optimum = objective.OptimalValue;
        double best = double.PositiveInfinity, metric = double.NaN, regret = 0;
        var rows = ImmutableArray.CreateBuilder<EvaluationRow>(run.Evaluations.Length);
        foreach (var e in run.Evaluations)
        {
            var observation = new Observation(e.Value, e.TrueValue, e.CostSeconds, e.Failed);
            double truth = e.TrueValue ?? e.Value;
            if (!e.Failed)
            {
                best = Math.Min(best, truth);
            }

            metric = tracker.Observe(e.Configuration, observation);
            if (optimum is double f)
            {
                regret += truth - f;
            }

            rows.Add(new EvaluationRow(e.Index, e.ToldSeconds, e.ComputeSeconds, e.Worker, objective.Space.Format(e.Configuration),
                e.Value, truth, best, metric));
        }

        double cumulative = tracker is CumulativeRegretTracker ? metric : optimum is null ? double.NaN : regret;
        return new ReplicateResult(cell, methodSeed.Value, tracker.Name, metric, cumulative, run.Cluster.MakespanSeconds,
            run.ComputeSeconds, rows.MoveToImmutable())
        {
            CrashedAttempts = run.CrashedAttempts,
        };
    }

    /// <summary>
    /// Evaluations of a cell: the initial design plus budget rounds of K for round budgets (case 4's ten rounds);
    /// otherwise the budget itself at every K, so every method spends exactly the stated N. Under synchronous dispatch
    /// the last round is then a partial batch of (N - n0) mod K. (Case 5's paper text runs floor((N - 4)/K) whole rounds,
    /// which at K = 4 spends 28 of the 30 evaluations and biases the K comparison; Almab spends all 30.)
    /// </summary>
    public static int Evaluations(CaseDefinition definition, int budget, int workers, int initialPoints) =>
        definition.BudgetUnit == BudgetUnit.Rounds ? initialPoints + budget * workers : budget;

    private static IReadOnlyList<Configuration> InitialDesign(CaseDefinition definition, SearchSpace space)
    {
        if (definition.InitialDesign.Kind != "fixed")
        {
            return [];
        }

        var list = new List<Configuration>();
        foreach (double[] point in definition.InitialDesign.Configurations)
        {
            var configuration = new Configuration(point);
            if (!space.Contains(configuration))
            {
                throw new ArgumentException($"{definition.Id}: initialDesign point [{string.Join(", ", point)}] is not in the search space");
            }

            list.Add(configuration);
        }

        return list;
    }

    /// <summary>
    /// This thread's case-4 tracker, reset for each replicate instead of rebuilt (its 33 x 33 prior was a sixth of a cheap
    /// replicate's allocation). Safe: a tracker lives only inside one <see cref="Run"/> call, which never nests.
    /// </summary>
    [ThreadStatic]
    private static SimpleRegretTracker? t_simpleRegret;

    private static IMetricTracker Tracker(CaseDefinition definition, IObjective objective, int workers) =>
        (definition.Metric, objective) switch
        {
            (CaseMetric.SimpleRegret, DoseResponseObjective dose) => SimpleRegret(definition, dose),
            (CaseMetric.IntegratedPosteriorVariance, SpatialFieldObjective field) => new IpvTracker(field),
            (CaseMetric.CumulativeRegret, _) when objective.OptimalValue is double f => new CumulativeRegretTracker(f, workers),
            (CaseMetric.BestValue, _) => new BestValueTracker(maximize: objective is HpoEmulatorObjective or RlEmulatorObjective),
            _ => throw new ArgumentException($"{definition.Id}: metric {definition.Metric} does not apply to objective {objective.Name}"),
        };

    private static SimpleRegretTracker SimpleRegret(CaseDefinition definition, DoseResponseObjective dose)
    {
        var s = definition.Surrogate;
        if (t_simpleRegret is { } cached && cached.TryReset(dose, s.LengthScale, s.SignalVariance, s.NoiseSd, definition.Recommendation))
        {
            return cached;
        }

        return t_simpleRegret = new SimpleRegretTracker(dose, s.LengthScale, s.SignalVariance, s.NoiseSd, definition.Recommendation);
    }
}
