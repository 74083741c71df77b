using System.Collections.Immutable;
using Almab.Sim.Cluster;

namespace Almab.Sim.Runs.Moco;

/// <summary>The evaluations in arrival order, the cluster's report, and the method's real compute seconds (ask + tell).</summary>
public sealed record MocoRunResult(ImmutableArray<MocoEvaluation> Evaluations, ClusterReport Cluster, double ComputeSeconds);
