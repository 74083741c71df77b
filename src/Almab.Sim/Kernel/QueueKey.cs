using System.Runtime.CompilerServices;

namespace Almab.Sim.Kernel;

/// <summary>
/// The ordering key of a scheduled entry, shared by both front ends of the kernel (<see cref="Simulation"/> and
/// <see cref="EventSimulation{TEvent}"/>) so simultaneous entries come out in the same order in both: the priority in
/// bits 56-57, the insertion sequence number in bits 1-55 and a start marker in bit 0 (set by the process kernel for a
/// process's first resumption). Sequence numbers are unique, so the marker never decides the order, and equal times
/// come out by priority, then in scheduling order.
/// </summary>
internal static class QueueKey
{
    /// <summary>The start marker bit (process kernel only).</summary>
    public const long StartMarker = 1;

    /// <summary>The key of the entry with <paramref name="priority"/> and insertion number <paramref name="sequence"/> (below 2⁵⁵).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Of(EventPriority priority, long sequence) => ((long)priority << 56) | (sequence << 1);

    /// <summary>True when <paramref name="key"/> carries the start marker.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsStart(long key) => (key & StartMarker) != 0;
}
