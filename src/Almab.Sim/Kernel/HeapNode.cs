using System.Runtime.CompilerServices;

namespace Almab.Sim.Kernel;

/// <summary>A heap node of <see cref="EventQueue"/>: time and key as in <see cref="QueueEntry"/>, and the slot holding the event.</summary>
/// <param name="Time">Virtual second at which the event is processed.</param>
/// <param name="Key">Priority, sequence number and start marker.</param>
/// <param name="Slot">Index of the event in the queue's slot array.</param>
internal readonly record struct HeapNode(double Time, long Key, int Slot)
{
    /// <summary>True when this node is processed before <paramref name="other"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Before(in HeapNode other) => Time < other.Time || (Time == other.Time && Key < other.Key);
}
