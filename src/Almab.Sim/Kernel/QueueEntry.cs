using System.Runtime.CompilerServices;

namespace Almab.Sim.Kernel;

/// <summary>
/// One scheduled event as the rings of <see cref="EventQueue"/> hold it and its pop returns it: its time, an ordering key
/// and the event. The key packs the priority (bits 56-57), the
/// insertion sequence number (bits 1-55) and a start marker (bit 0, set for a process's first resumption); the sequence
/// numbers are unique, so the marker never decides the order.
/// </summary>
/// <param name="Time">Virtual second at which the event is processed.</param>
/// <param name="Key">Priority, sequence number and start marker, see the type comment.</param>
/// <param name="Event">The event to process (the process to start when the marker is set).</param>
internal readonly record struct QueueEntry(double Time, long Key, Event Event)
{
    /// <summary>True when this entry is processed before <paramref name="other"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Before(in QueueEntry other) => Time < other.Time || (Time == other.Time && Key < other.Key);

    /// <summary>True when the entry starts a process rather than processing an event.</summary>
    public bool IsStart => (Key & 1) != 0;
}
