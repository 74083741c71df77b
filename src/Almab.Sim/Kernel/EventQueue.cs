using System.Runtime.CompilerServices;

namespace Almab.Sim.Kernel;

/// <summary>
/// The future-event list of both front ends of the kernel (<see cref="Simulation"/> over <see cref="Event"/> objects,
/// <see cref="EventSimulation{TEvent}"/> over struct events), ordered by time, then key (<see cref="QueueKey"/>:
/// priority, then insertion order). Two parts:
/// <list type="bullet">
/// <item>two FIFO rings for entries due at the current time, one per priority (process starts and interrupts; triggered
/// events and process ends: most events of process models; zero-delay events of event models). They arrive in key order
/// within their priority (the clock never goes back and sequence numbers grow), so each ring is sorted and needs no
/// sifting;</item>
/// <item>a <see cref="CalendarQueue{T}"/> for later entries: a 4-ary heap while few are pending, a calendar queue with a
/// heap for the current day beyond (chosen by measurement, docs/benchmarks.md, "Kernel at scale").</item>
/// </list>
/// A pop takes the smallest of the three fronts, so the order is exactly that of one heap. All arrays are reused for
/// the whole run: scheduling allocates nothing once they have grown.
/// </summary>
/// <typeparam name="T">The payload.</typeparam>
internal sealed class EventQueue<T>
{
    private readonly EntryRing<T> _urgentNow;
    private readonly EntryRing<T> _normalNow;
    private readonly CalendarQueue<T> _timed;

    /// <summary>
    /// Creates an empty queue whose parts have room for <paramref name="capacity"/> entries each before they grow: a
    /// small simulation built once per replicate (a K-worker cluster) passes its bound instead of the default 64.
    /// </summary>
    public EventQueue(int capacity = 64)
    {
        _urgentNow = new EntryRing<T>(capacity);
        _normalNow = new EntryRing<T>(capacity);
        _timed = new CalendarQueue<T>(capacity);
    }

    /// <summary>Number of scheduled entries.</summary>
    public int Count => _timed.Count + _urgentNow.Count + _normalNow.Count;

    /// <summary>Time of the earliest entry (virtual seconds), or +infinity when empty.</summary>
    public double PeekTime => Math.Min(
        _timed.PeekTime,
        Math.Min(
            _urgentNow.Count > 0 ? _urgentNow.Front.Time : double.PositiveInfinity,
            _normalNow.Count > 0 ? _normalNow.Front.Time : double.PositiveInfinity));

    /// <summary>The timed part (the process kernel prefetches from it; tests).</summary>
    internal CalendarQueue<T> Timed => _timed;

    /// <summary>Adds an entry due at the current time (<paramref name="time"/> = Now): it goes to its priority's ring.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AppendNow(double time, long key, T value, bool urgent) =>
        (urgent ? _urgentNow : _normalNow).Append(new QueueEntry<T>(time, key, value));

    /// <summary>Adds an entry due later than now.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(double time, long key, T value) => _timed.Push(time, key, value);

    /// <summary>Removes and returns the earliest entry; the caller checks <see cref="Count"/> first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public QueueEntry<T> Pop()
    {
        if (_urgentNow.Count + _normalNow.Count == 0)
        {
            return PopTimed();
        }

        // The ring (if any) whose front beats the timed queue's front and the other ring's front.
        EntryRing<T>? ring = null;
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
    private bool BeatsTimed(in QueueEntry<T> e)
    {
        ref readonly var top = ref _timed.Front;
        return e.Time < top.Time || (e.Time == top.Time && e.Key < top.Key);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private QueueEntry<T> PopTimed()
    {
        var value = _timed.Pop(out double time, out long key);
        return new QueueEntry<T>(time, key, value);
    }
}
