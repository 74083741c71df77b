namespace Almab.Sim.Cluster.Engine;

/// <summary>Event order: virtual time, then scheduling order (FIFO among simultaneous events), so runs are deterministic.</summary>
/// <param name="Time">Virtual second.</param>
/// <param name="Sequence">Scheduling sequence number.</param>
internal readonly record struct EventKey(double Time, long Sequence) : IComparable<EventKey>
{
    /// <inheritdoc />
    public int CompareTo(EventKey other)
    {
        int c = Time.CompareTo(other.Time);
        return c != 0 ? c : Sequence.CompareTo(other.Sequence);
    }
}
