using Almab.Sim.Cluster;

namespace Almab.Sim.Runs;

/// <summary>
/// How to run an optimizer on a simulated cluster: the cluster (K, clocks, faults, network, dispatch mode), the
/// evaluation budget and how coordinator work enters virtual time. By default it is modelled
/// (<see cref="Coordinator"/>), which keeps runs bit-for-bit reproducible; setting <see cref="MeasuredTimeScale"/>
/// charges the real seconds spent in Ask and Tell times that scale instead (realistic, not reproducible).
/// </summary>
public sealed record OptimizationRunConfig
{
    /// <summary>The simulated cluster.</summary>
    public required ClusterConfig Cluster
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Cluster), "Run.Cluster is required.");
    }

    /// <summary>Number of evaluations to complete (&gt;= 1).</summary>
    public required int Budget
    {
        get;
        init => field = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Budget), value, $"Run.Budget must be >= 1 evaluation, got {value}.");
    }

    /// <summary>Modelled coordinator work (used unless <see cref="MeasuredTimeScale"/> is set).</summary>
    public CoordinatorCostModel Coordinator
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Coordinator), "Run.Coordinator is required (use CoordinatorCostModel.Zero).");
    } = CoordinatorCostModel.Zero;

    /// <summary>
    /// When set, virtual coordinator seconds = measured real Ask/Tell seconds × this factor (finite, &gt;= 0) and
    /// <see cref="Coordinator"/> is ignored. Breaks bit-for-bit determinism of times; null (default) = modelled.
    /// </summary>
    public double? MeasuredTimeScale
    {
        get;
        init => field = value is null || (double.IsFinite(value.Value) && value.Value >= 0.0)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MeasuredTimeScale), value, $"Run.MeasuredTimeScale must be finite and >= 0 (or absent), got {value}.");
    }
}
