using System.Runtime.CompilerServices;

namespace Almab.Sim.Kernel;

/// <summary>
/// One scheduled entry as the rings of <see cref="EventQueue{T}"/> hold it and its pop returns it: its time, an ordering
/// key (<see cref="QueueKey"/>: priority, insertion sequence number, and for the process kernel a start marker) and the
/// payload.
/// </summary>
/// <typeparam name="T">The payload: an <see cref="Event"/> of the process kernel, a struct event of <see cref="EventSimulation{TEvent}"/>.</typeparam>
/// <param name="Time">Virtual second at which the entry is processed.</param>
/// <param name="Key">Tie-breaking key, see <see cref="QueueKey"/>.</param>
/// <param name="Value">The payload.</param>
internal readonly record struct QueueEntry<T>(double Time, long Key, T Value)
{
    /// <summary>True when this entry is processed before <paramref name="other"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Before(in QueueEntry<T> other) => Time < other.Time || (Time == other.Time && Key < other.Key);
}
