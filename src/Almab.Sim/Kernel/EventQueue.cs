using System.Runtime.CompilerServices;

namespace Almab.Sim.Kernel;

/// <summary>
/// The simulation's future-event list: a hand-written 4-ary min-heap over an array of <see cref="QueueEntry"/> structs,
/// ordered by time, then priority, then insertion order (<see cref="QueueEntry.Key"/>), plus two FIFO rings for events
/// scheduled for the current time, one per priority (process starts and interrupts; triggered events and process ends:
/// most events of process models). Such events arrive in key order within their priority (the clock never goes back and
/// sequence numbers grow), so each ring is sorted and a pop takes the smallest of the three fronts: the order is exactly
/// that of a single heap, without sifting. A 4-ary heap halves the depth of a binary one and keeps a node's children in
/// one or two cache lines; all arrays are reused for the whole run, so scheduling allocates nothing once they have grown.
/// </summary>
internal sealed class EventQueue
{
    private readonly EntryRing _urgentNow = new();
    private readonly EntryRing _normalNow = new();
    private QueueEntry[] _heap = new QueueEntry[64];
    private int _count;

    /// <summary>Number of scheduled entries.</summary>
    public int Count => _count + _urgentNow.Count + _normalNow.Count;

    /// <summary>Time of the earliest entry (virtual seconds), or +infinity when empty.</summary>
    public double PeekTime => Count > 0 ? Front().Time : double.PositiveInfinity;

    /// <summary>Adds an entry due at the current time (<paramref name="time"/> = Now): it goes to its priority's ring.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AppendNow(double time, long key, Event ev, bool urgent) =>
        (urgent ? _urgentNow : _normalNow).Append(new QueueEntry(time, key, ev));

    /// <summary>Adds an entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(double time, long key, Event ev)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        var heap = _heap;
        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 2;
            ref var p = ref heap[parent];
            if (p.Time < time || (p.Time == time && p.Key < key))
            {
                break;
            }

            heap[i] = p;
            i = parent;
        }

        heap[i] = new QueueEntry(time, key, ev);
    }

    /// <summary>Removes and returns the earliest entry; the caller checks <see cref="Count"/> first.</summary>
    public QueueEntry Pop()
    {
        // The ring (if any) whose front beats the heap's top and the other ring's front.
        EntryRing? ring = null;
        if (_urgentNow.Count > 0 && (_count == 0 || _urgentNow.Front.Before(in _heap[0])))
        {
            ring = _urgentNow;
        }

        if (_normalNow.Count > 0 && (_count == 0 || _normalNow.Front.Before(in _heap[0]))
            && (ring is null || _normalNow.Front.Before(in ring.Front)))
        {
            ring = _normalNow;
        }

        return ring is not null ? ring.Take() : PopHeap();
    }

    private ref QueueEntry Front()
    {
        ref var best = ref _heap[0];
        bool any = _count > 0;
        if (_urgentNow.Count > 0 && (!any || _urgentNow.Front.Before(in best)))
        {
            best = ref _urgentNow.Front;
            any = true;
        }

        if (_normalNow.Count > 0 && (!any || _normalNow.Front.Before(in best)))
        {
            best = ref _normalNow.Front;
        }

        return ref best;
    }

    private QueueEntry PopHeap()
    {
        var heap = _heap;
        var top = heap[0];
        int n = --_count;
        if (n > 0)
        {
            SiftDown(heap, heap[n], n);
        }

        heap[n] = default; // Drop the event reference so a processed event can be collected.
        return top;
    }

    /// <summary>
    /// Refills the root of a heap of <paramref name="n"/> entries with <paramref name="last"/>, bottom-up (Floyd): the
    /// hole moves down along the smallest children to a leaf without comparing against <paramref name="last"/>, which
    /// then rises from there. The displaced last entry usually belongs near the bottom, so this saves about half the
    /// comparisons of the classic sift-down.
    /// </summary>
    private static void SiftDown(QueueEntry[] heap, QueueEntry last, int n)
    {
        int i = 0;
        while (true)
        {
            int c = (i << 2) + 1;
            if (c + 3 < n)
            {
                // Full set of four children: a small tournament.
                int a = heap[c + 1].Before(in heap[c]) ? c + 1 : c;
                int b = heap[c + 3].Before(in heap[c + 2]) ? c + 3 : c + 2;
                c = heap[b].Before(in heap[a]) ? b : a;
            }
            else if (c < n)
            {
                for (int k = c + 1; k < n; k++)
                {
                    if (heap[k].Before(in heap[c]))
                    {
                        c = k;
                    }
                }
            }
            else
            {
                break;
            }

            heap[i] = heap[c];
            i = c;
        }

        while (i > 0)
        {
            int parent = (i - 1) >> 2;
            if (!last.Before(in heap[parent]))
            {
                break;
            }

            heap[i] = heap[parent];
            i = parent;
        }

        heap[i] = last;
    }
}
