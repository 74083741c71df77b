using System.Runtime.CompilerServices;

namespace Almab.Sim.Kernel;

/// <summary>
/// The simulation's future-event list: a hand-written 4-ary min-heap over an array of <see cref="QueueEntry"/> structs,
/// ordered by time, then priority, then insertion order (<see cref="QueueEntry.Key"/>). A 4-ary heap halves the depth of a
/// binary one and keeps a node's children in one or two cache lines; the array is reused for the whole run, so
/// scheduling allocates nothing once it has grown.
/// </summary>
internal sealed class EventQueue
{
    private QueueEntry[] _heap = new QueueEntry[64];
    private int _count;

    /// <summary>Number of scheduled entries.</summary>
    public int Count => _count;

    /// <summary>Time of the earliest entry (virtual seconds), or +infinity when empty.</summary>
    public double PeekTime => _count > 0 ? _heap[0].Time : double.PositiveInfinity;

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

    /// <summary>Places <paramref name="last"/> from the root down into a heap of <paramref name="n"/> entries.</summary>
    private static void SiftDown(QueueEntry[] heap, QueueEntry last, int n)
    {
        int i = 0;
        while (true)
        {
            int first = (i << 2) + 1;
            if (first >= n)
            {
                break;
            }

            int best = first;
            int end = Math.Min(first + 4, n);
            for (int c = first + 1; c < end; c++)
            {
                if (heap[c].Before(in heap[best]))
                {
                    best = c;
                }
            }

            if (!heap[best].Before(in last))
            {
                break;
            }

            heap[i] = heap[best];
            i = best;
        }

        heap[i] = last;
    }
}
