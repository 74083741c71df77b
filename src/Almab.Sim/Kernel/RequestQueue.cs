namespace Almab.Sim.Kernel;

/// <summary>Waiting requests of a resource: a binary min-heap on (priority, arrival sequence), so FIFO among equals.</summary>
internal sealed class RequestQueue
{
    private Entry[] _heap = new Entry[16];

    /// <summary>Number of queued requests (cancelled ones included until they reach the front).</summary>
    public int Count { get; private set; }

    /// <summary>Adds a request.</summary>
    public void Push(int priority, long sequence, Request request)
    {
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

        return top;
    }

    private readonly record struct Entry(int Priority, long Sequence, Request Request)
    {
        public bool Before(in Entry other) =>
            Priority < other.Priority || (Priority == other.Priority && Sequence < other.Sequence);
    }
}
