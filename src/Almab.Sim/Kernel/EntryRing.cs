using System.Runtime.CompilerServices;

namespace Almab.Sim.Kernel;

/// <summary>
/// A growable FIFO ring of queue entries that arrive already sorted (events due now of one priority: the clock never goes
/// back and sequence numbers grow), so the front is always the ring's earliest entry.
/// </summary>
/// <typeparam name="T">The payload.</typeparam>
internal sealed class EntryRing<T>
{
    private QueueEntry<T>[] _items = new QueueEntry<T>[64]; // Length is a power of two.
    private int _head;

    /// <summary>Number of entries.</summary>
    public int Count { get; private set; }

    /// <summary>The earliest entry; valid when <see cref="Count"/> &gt; 0.</summary>
    public ref QueueEntry<T> Front => ref _items[_head];

    /// <summary>Appends an entry not before any entry already in the ring.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(in QueueEntry<T> entry)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        _items[(_head + Count++) & (_items.Length - 1)] = entry;
    }

    private void Grow()
    {
        var bigger = new QueueEntry<T>[_items.Length * 2];
        for (int i = 0; i < Count; i++)
        {
            bigger[i] = _items[(_head + i) & (_items.Length - 1)];
        }

        _items = bigger;
        _head = 0;
    }

    /// <summary>Removes and returns the front entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public QueueEntry<T> Take()
    {
        ref var slot = ref _items[_head];
        var first = slot;
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            slot = default; // Drop the event reference.
        }

        _head = (_head + 1) & (_items.Length - 1);
        Count--;
        return first;
    }
}
