using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Almab.Sim.Kernel;

/// <summary>
/// Software prefetch of the next event the loop will process and of the process waiting on it, so their cache misses
/// overlap the current event's work (with 10⁵–10⁶ pending events they are almost never cached). A prefetch never
/// faults and has no visible effect; the address of a managed object may be stale after a GC, which only wastes it.
/// A no-op without SSE.
/// </summary>
internal static class Prefetch
{
    /// <summary>Prefetches the object <paramref name="o"/> (nothing for null).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Object(object? o)
    {
        if (Sse.IsSupported && o is not null)
        {
            Sse.Prefetch0((void*)Unsafe.As<object, nint>(ref o));
        }
    }

    /// <summary>Prefetches <paramref name="next"/> and, when its line is already cached, its first waiter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Next(Event? next)
    {
        if (Sse.IsSupported && next is not null)
        {
            Sse.Prefetch0((void*)Unsafe.As<Event, nint>(ref next));
            object? waiter = next._waiters;
            if (waiter is not null)
            {
                Sse.Prefetch0((void*)Unsafe.As<object, nint>(ref waiter));
            }
        }
    }

    /// <summary>
    /// Prefetches the iterator of the process waiting on <paramref name="next"/>: called at the end of an event, when the
    /// process itself (prefetched by <see cref="Next"/> at the start of that event) has had the event's time to arrive,
    /// so the three objects the next resumption touches (event, process, iterator) are all on their way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Steps(Event? next)
    {
        if (Sse.IsSupported && next is not null && next._waiters is Process p)
        {
            object? steps = p.Steps;
            if (steps is not null)
            {
                Sse.Prefetch0((void*)Unsafe.As<object, nint>(ref steps));
            }
        }
    }
}
