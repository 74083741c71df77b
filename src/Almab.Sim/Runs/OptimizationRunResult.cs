using System.Collections.Immutable;
using Almab.Sim.Cluster;

namespace Almab.Sim.Runs;

/// <summary>What an <see cref="OptimizationRun"/> produced.</summary>
/// <param name="Evaluations">Completed evaluations in completion (tell) order.</param>
/// <param name="Cluster">The cluster's report (makespan, utilization, faults, coordinator time).</param>
public sealed record OptimizationRunResult(ImmutableArray<EvaluationRecord> Evaluations, ClusterReport Cluster)
{
    /// <summary>Total real seconds spent in Ask and Tell.</summary>
    public double ComputeSeconds
    {
        get
        {
            double s = 0.0;
            foreach (var e in Evaluations)
            {
                s += e.ComputeSeconds;
            }

            return s;
        }
    }
}
