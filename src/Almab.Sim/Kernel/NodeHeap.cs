using System.Runtime.CompilerServices;

namespace Almab.Sim.Kernel;

/// <summary>
/// A 4-ary min-heap of <see cref="HeapNode"/> structs ordered by (time, key), the key inline: a 4-ary heap halves the
/// depth of a binary one and keeps a node's children in one or two cache lines. The classic sift-down with
/// short-circuit comparisons measured faster here than Floyd's bottom-up variant or a branch-free tournament
/// (docs/benchmarks.md). <see cref="Append"/> + <see cref="Heapify"/> build a heap in linear time (a loaded bucket).
/// The array is kept for the whole run, so pushes allocate nothing once it has grown.
/// </summary>
internal sealed class NodeHeap
{
    private HeapNode[] _items;
    private int _count;

    /// <summary>Creates an empty heap with room for <paramref name="capacity"/> nodes before the array grows (it doubles).</summary>
    public NodeHeap(int capacity = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new HeapNode[capacity];
    }

    /// <summary>Number of nodes.</summary>
    public int Count => _count;

    /// <summary>The smallest node; valid when <see cref="Count"/> &gt; 0.</summary>
    public ref readonly HeapNode Top => ref _items[0];

    /// <summary>The nodes in heap order (for rebuilding a queue).</summary>
    public ReadOnlySpan<HeapNode> Items => _items.AsSpan(0, _count);

    /// <summary>Removes every node.</summary>
    public void Clear() => _count = 0;

    /// <summary>Adds a node, restoring the heap order.</summary>
    public void Push(in HeapNode node)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        var heap = _items;
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

    /// <summary>Adds a node at the end without sifting; call <see cref="Heapify"/> before the next pop or push.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(in HeapNode node)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[_count++] = node;
    }

    /// <summary>Restores the heap order after <see cref="Append"/> calls (Floyd's linear-time build).</summary>
    public void Heapify()
    {
        var heap = _items;
        int n = _count;
        for (int i = (n - 2) >> 2; i >= 0; i--)
        {
            SiftDown(heap, i, heap[i], n);
        }
    }

    /// <summary>Removes and returns the smallest node; the caller checks <see cref="Count"/> first.</summary>
    public HeapNode Pop()
    {
        var heap = _items;
        var top = heap[0];
        int n = --_count;
        if (n > 0)
        {
            SiftDown(heap, 0, heap[n], n);
        }

        return top;
    }

    /// <summary>Places <paramref name="node"/> from position <paramref name="i"/> down into a heap of <paramref name="n"/> nodes.</summary>
    private static void SiftDown(HeapNode[] heap, int i, HeapNode node, int n)
    {
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

            if (!heap[best].Before(in node))
            {
                break;
            }

            heap[i] = heap[best];
            i = best;
        }

        heap[i] = node;
    }
}
