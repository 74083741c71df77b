namespace Almab.Sim.Cluster.Engine;

/// <summary>Book-keeping of one job while it is in the cluster (a mutable struct in a slot array).</summary>
internal struct JobState
{
    /// <summary>The job as the source created it.</summary>
    public ClusterJob Job;

    /// <summary>End of the decision that created it.</summary>
    public double CreatedAt;

    /// <summary>Start of the current attempt.</summary>
    public double StartedAt;

    /// <summary>End of the successful attempt.</summary>
    public double FinishedAt;

    /// <summary>Arrival of the result at the coordinator.</summary>
    public double ArrivedAt;

    /// <summary>Worker of the current attempt.</summary>
    public int Worker;

    /// <summary>Attempts started or sent so far.</summary>
    public int Attempts;
}
