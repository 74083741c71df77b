using System.Runtime.CompilerServices;

namespace Almab.Sim.Kernel;

/// <summary>
/// The simulation's future-event list, ordered by time, then priority, then insertion order (the key of
/// <see cref="QueueEntry"/>). Two parts:
/// <list type="bullet">
/// <item>two FIFO rings for events due at the current time, one per priority (process starts and interrupts; triggered
/// events and process ends: most events of process models). They arrive in key order within their priority (the clock
/// never goes back and sequence numbers grow), so each ring is sorted and needs no sifting;</item>
/// <item>a <see cref="CalendarQueue{T}"/> for later events: a 4-ary heap while few are pending, a calendar queue with a
/// heap for the current day beyond (chosen by measurement, docs/benchmarks.md, "Kernel at scale").</item>
/// </list>
/// A pop takes the smallest of the three fronts, so the order is exactly that of one heap. All arrays are reused for
/// the whole run: scheduling allocates nothing once they have grown.
/// </summary>
internal sealed class EventQueue
{
    private readonly EntryRing _urgentNow = new();
    private readonly EntryRing _normalNow = new();
    private readonly CalendarQueue<Event> _timed = new();
    private long _loadsSeen;

    /// <summary>Number of scheduled entries.</summary>
    public int Count => _timed.Count + _urgentNow.Count + _normalNow.Count;

    /// <summary>Time of the earliest entry (virtual seconds), or +infinity when empty.</summary>
    public double PeekTime => Math.Min(
        _timed.PeekTime,
        Math.Min(
            _urgentNow.Count > 0 ? _urgentNow.Front.Time : double.PositiveInfinity,
            _normalNow.Count > 0 ? _normalNow.Front.Time : double.PositiveInfinity));

    /// <summary>The timed part (for tests).</summary>
    internal CalendarQueue<Event> Timed => _timed;

    /// <summary>Adds an entry due at the current time (<paramref name="time"/> = Now): it goes to its priority's ring.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AppendNow(double time, long key, Event ev, bool urgent) =>
        (urgent ? _urgentNow : _normalNow).Append(new QueueEntry(time, key, ev));

    /// <summary>Adds an entry due later than now.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(double time, long key, Event ev) => _timed.Push(time, key, ev);

    /// <summary>The next timed event when it is already known without loading a day (to prefetch it), else null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Event? PeekLoadedTimed() => _timed.PeekLoadedValue();

    /// <summary>Removes and returns the earliest entry; the caller checks <see cref="Count"/> first.</summary>
    public QueueEntry Pop()
    {
        if (_urgentNow.Count + _normalNow.Count == 0)
        {
            return PopTimed();
        }

        // The ring (if any) whose front beats the timed queue's front and the other ring's front.
        EntryRing? ring = null;
        if (_urgentNow.Count > 0 && (_timed.Count == 0 || BeatsTimed(in _urgentNow.Front)))
        {
            ring = _urgentNow;
        }

        if (_normalNow.Count > 0 && (_timed.Count == 0 || BeatsTimed(in _normalNow.Front))
            && (ring is null || _normalNow.Front.Before(in ring.Front)))
        {
            ring = _normalNow;
        }

        return ring is not null ? ring.Take() : PopTimed();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool BeatsTimed(in QueueEntry e)
    {
        ref readonly var top = ref _timed.Front;
        return e.Time < top.Time || (e.Time == top.Time && e.Key < top.Key);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private QueueEntry PopTimed()
    {
        var ev = _timed.Pop(out double time, out long key);
        if (_timed.LoadsDone != _loadsSeen)
        {
            _loadsSeen = _timed.LoadsDone;
            if (_timed.Count >= CalendarQueue<Event>.PrefetchFrom) // Below, everything is cached anyway.
            {
                PrefetchLoaded();
            }
        }

        return new QueueEntry(time, key, ev);
    }

    /// <summary>
    /// After the calendar loaded new days (their events were prefetched while loading): prefetches, for every loaded
    /// event, its waiter, then the iterator of each waiting process. With 10⁵–10⁶ pending events these objects are never
    /// cached, and one event's chain (event → process → iterator) is three dependent misses; taken a pass at a time over
    /// the ~24 loaded events, the misses of one pass overlap each other instead of stalling each event in turn.
    /// </summary>
    private void PrefetchLoaded()
    {
        var loaded = _timed.Loaded;
        foreach (ref readonly var node in loaded)
        {
            Prefetch.Object(_timed.ValueAt(node.Slot)._waiters);
        }

        foreach (ref readonly var node in loaded)
        {
            if (_timed.ValueAt(node.Slot)._waiters is Process p)
            {
                Prefetch.Object(p.Steps);
            }
        }
    }
}
