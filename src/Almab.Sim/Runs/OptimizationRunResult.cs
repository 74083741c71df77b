using System.Collections.Immutable;
using Almab.Sim.Cluster;

namespace Almab.Sim.Runs;

/// <summary>What an <see cref="OptimizationRun"/> produced.</summary>
/// <param name="Evaluations">Completed evaluations in completion (tell) order.</param>
/// <param name="Cluster">The cluster's report (makespan, utilization, faults, coordinator time).</param>
public sealed record OptimizationRunResult(ImmutableArray<EvaluationRecord> Evaluations, ClusterReport Cluster)
{
    /// <summary>
    /// Attempts cut short by a simulated worker crash (each was requeued by <see cref="ClusterConfig.CrashRequeue"/> and
    /// run again; none lost an evaluation). Equals the sum over evaluations of <see cref="EvaluationRecord.Attempts"/> − 1.
    /// </summary>
    public int CrashedAttempts => Cluster.AttemptsAbandoned;

    /// <summary>Evaluations that needed more than one attempt (at least one crash).</summary>
    public int CrashedEvaluations
    {
        get
        {
            int n = 0;
            foreach (var e in Evaluations)
            {
                n += e.Attempts > 1 ? 1 : 0;
            }

            return n;
        }
    }

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
