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

    /// <summary>
    /// After the calendar loaded new days (their events were prefetched while loading): prefetches, for every loaded
    /// event, its waiter, then the iterator of each waiting process. With 10⁵–10⁶ pending events these objects are never
    /// cached, and one event's chain (event → process → iterator) is three dependent misses; taken a pass at a time over
    /// the ~24 loaded events, the misses of one pass overlap each other instead of stalling each event in turn.
    /// </summary>
    public static void Loaded(CalendarQueue<Event> timed)
    {
        var loaded = timed.Loaded;
        foreach (ref readonly var node in loaded)
        {
            Object(timed.ValueAt(node.Slot)._waiters);
        }

        foreach (ref readonly var node in loaded)
        {
            if (timed.ValueAt(node.Slot)._waiters is Process p)
            {
                Object(p.Steps);
            }
        }
    }
}
