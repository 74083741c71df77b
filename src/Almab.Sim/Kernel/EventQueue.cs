using System.Runtime.CompilerServices;

namespace Almab.Sim.Kernel;

/// <summary>
/// The simulation's future-event list, ordered by time, then priority, then insertion order (the key of
/// <see cref="QueueEntry"/>). Two parts:
/// <list type="bullet">
/// <item>two FIFO rings for events due at the current time, one per priority (process starts and interrupts; triggered
/// events and process ends: most events of process models). They arrive in key order within their priority (the clock
/// never goes back and sequence numbers grow), so each ring is sorted and needs no sifting;</item>
/// <item>a hand-written 4-ary min-heap of reference-free <see cref="HeapNode"/> structs for later events, the events
/// themselves in a slot array (moving a node is a plain copy, without a GC write barrier); a 4-ary heap halves the
/// depth of a binary one and keeps a node's children in one or two cache lines. The classic sift-down with
/// short-circuit comparisons measured faster here than Floyd's bottom-up variant or branch-free comparisons.</item>
/// </list>
/// A pop takes the smallest of the three fronts, so the order is exactly that of one heap. All arrays are reused for
/// the whole run: scheduling allocates nothing once they have grown.
/// </summary>
internal sealed class EventQueue
{
    private readonly EntryRing _urgentNow = new();
    private readonly EntryRing _normalNow = new();
    private HeapNode[] _heap = new HeapNode[64];
    private EventSlot[] _slots = new EventSlot[64]; // A struct array: stores skip the covariant array-store check.
    private int[] _freeSlots = new int[64];
    private int _freeCount;
    private int _slotsUsed;
    private int _count;

    /// <summary>Number of scheduled entries.</summary>
    public int Count => _count + _urgentNow.Count + _normalNow.Count;

    /// <summary>Time of the earliest entry (virtual seconds), or +infinity when empty.</summary>
    public double PeekTime => Math.Min(
        _count > 0 ? _heap[0].Time : double.PositiveInfinity,
        Math.Min(
            _urgentNow.Count > 0 ? _urgentNow.Front.Time : double.PositiveInfinity,
            _normalNow.Count > 0 ? _normalNow.Front.Time : double.PositiveInfinity));

    /// <summary>Adds an entry due at the current time (<paramref name="time"/> = Now): it goes to its priority's ring.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AppendNow(double time, long key, Event ev, bool urgent) =>
        (urgent ? _urgentNow : _normalNow).Append(new QueueEntry(time, key, ev));

    /// <summary>Adds an entry to the heap.</summary>
    public void Push(double time, long key, Event ev)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        int slot;
        if (_freeCount > 0)
        {
            slot = _freeSlots[--_freeCount];
        }
        else
        {
            if (_slotsUsed == _slots.Length)
            {
                Array.Resize(ref _slots, _slots.Length * 2);
                Array.Resize(ref _freeSlots, _slots.Length);
            }

            slot = _slotsUsed++;
        }

        _slots[slot].Event = ev;
        var node = new HeapNode(time, key, slot);
        var heap = _heap;
        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 2;
            if (!node.Before(in heap[parent]))
            {
                break;
            }

            heap[i] = heap[parent];
            i = parent;
        }

        heap[i] = node;
    }

    /// <summary>Removes and returns the earliest entry; the caller checks <see cref="Count"/> first.</summary>
    public QueueEntry Pop()
    {
        if (_urgentNow.Count + _normalNow.Count == 0)
        {
            return PopHeap();
        }

        // The ring (if any) whose front beats the heap's top and the other ring's front.
        EntryRing? ring = null;
        if (_urgentNow.Count > 0 && (_count == 0 || BeatsHeap(in _urgentNow.Front)))
        {
            ring = _urgentNow;
        }

        if (_normalNow.Count > 0 && (_count == 0 || BeatsHeap(in _normalNow.Front))
            && (ring is null || _normalNow.Front.Before(in ring.Front)))
        {
            ring = _normalNow;
        }

        return ring is not null ? ring.Take() : PopHeap();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool BeatsHeap(in QueueEntry e)
    {
        ref var top = ref _heap[0];
        return e.Time < top.Time || (e.Time == top.Time && e.Key < top.Key);
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

        ref var cell = ref _slots[top.Slot];
        var ev = cell.Event!;
        cell.Event = null; // Let a processed event be collected.
        _freeSlots[_freeCount++] = top.Slot;
        return new QueueEntry(top.Time, top.Key, ev);
    }

    /// <summary>Places <paramref name="last"/> from the root down into a heap of <paramref name="n"/> nodes.</summary>
    private static void SiftDown(HeapNode[] heap, HeapNode last, int n)
    {
        int i = 0;
        int c;
        while ((c = (i << 2) + 1) < n)
        {
            int best = c;
            int end = Math.Min(c + 4, n);
            while (++c < end)
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
