using System.Runtime.CompilerServices;

namespace Almab.Sim.Kernel;

/// <summary>
/// A heap node of <see cref="CalendarQueue{T}"/>: time and key as in <see cref="QueueEntry{T}"/>, and the slot of the
/// node array holding the payload. Reference-free, so moving it in a heap is a plain copy without a GC write barrier.
/// </summary>
/// <param name="Time">Virtual second at which the event is processed.</param>
/// <param name="Key">Tie-breaking key (priority, sequence number and start marker for the kernel).</param>
/// <param name="Slot">Index of the payload in the queue's node array.</param>
internal readonly record struct HeapNode(double Time, long Key, int Slot)
{
    /// <summary>True when this node is processed before <paramref name="other"/>: earlier time, then smaller key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Before(in HeapNode other) => Time < other.Time || (Time == other.Time && Key < other.Key);
}
