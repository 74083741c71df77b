namespace Almab.Sim.Cluster.Engine;

/// <summary>A scheduled event: a small struct so the event heap allocates nothing per event.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="Worker">Worker concerned, or -1.</param>
/// <param name="Slot">Job slot concerned, or -1.</param>
internal readonly record struct ClusterEvent(ClusterEventKind Kind, int Worker, int Slot);
