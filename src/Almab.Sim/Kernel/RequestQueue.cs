namespace Almab.Sim.Kernel;

/// <summary>
/// Waiting requests of a resource, served by (priority, arrival sequence), so FIFO among equals. While every queued
/// request has the same priority (the common case: plain <c>Request()</c>) they are kept in a FIFO ring, which is that
/// order without any sifting; a request of another priority turns the ring into a binary min-heap (a ring in FIFO order
/// of one priority is sorted, hence already a heap), which turns back into a ring when it empties.
/// </summary>
internal sealed class RequestQueue
{
    private Entry[] _heap = new Entry[16]; // Length a power of two (the ring's index mask).
    private bool _ring = true;
    private int _ringPriority;
    private int _head;

    /// <summary>Number of queued requests (cancelled ones included until they reach the front).</summary>
    public int Count { get; private set; }

    /// <summary>Adds a request.</summary>
    public void Push(int priority, long sequence, Request request)
    {
        if (_ring)
        {
            if (Count == 0)
            {
                _ringPriority = priority;
                _head = 0;
            }

            if (priority == _ringPriority)
            {
                if (Count == _heap.Length)
                {
                    Linearize(2 * _heap.Length);
                }

                _heap[(_head + Count++) & (_heap.Length - 1)] = new Entry(priority, sequence, request);
                return;
            }

            Linearize(_heap.Length); // Ring order is heap order: one priority, increasing sequence.
            _ring = false;
        }

        if (Count == _heap.Length)
        {
            Array.Resize(ref _heap, Count * 2);
        }

        var e = new Entry(priority, sequence, request);
        int i = Count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (_heap[parent].Before(e))
            {
                break;
            }

            _heap[i] = _heap[parent];
            i = parent;
        }

        _heap[i] = e;
    }

    /// <summary>Removes and returns the first request.</summary>
    public Request Pop()
    {
        if (_ring)
        {
            ref var front = ref _heap[_head];
            var first = front.Request;
            front = default;
            _head = (_head + 1) & (_heap.Length - 1);
            Count--;
            return first;
        }

        var top = _heap[0].Request;
        int n = --Count;
        var last = _heap[n];
        _heap[n] = default;
        if (n > 0)
        {
            int i = 0;
            while (true)
            {
                int c = 2 * i + 1;
                if (c >= n)
                {
                    break;
                }

                if (c + 1 < n && _heap[c + 1].Before(_heap[c]))
                {
                    c++;
                }

                if (!_heap[c].Before(last))
                {
                    break;
                }

                _heap[i] = _heap[c];
                i = c;
            }

            _heap[i] = last;
        }

        if (n == 0)
        {
            _ring = true; // Empty: back to the ring.
        }

        return top;
    }

    /// <summary>Copies the ring's entries, in order, to the start of a new array of <paramref name="length"/> entries.</summary>
    private void Linearize(int length)
    {
        var items = new Entry[length];
        for (int i = 0; i < Count; i++)
        {
            items[i] = _heap[(_head + i) & (_heap.Length - 1)];
        }

        _heap = items;
        _head = 0;
    }

    private readonly record struct Entry(int Priority, long Sequence, Request Request)
    {
        public bool Before(in Entry other) =>
            Priority < other.Priority || (Priority == other.Priority && Sequence < other.Sequence);
    }
}
