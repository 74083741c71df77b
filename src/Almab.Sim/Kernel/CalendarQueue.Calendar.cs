using System.Runtime.CompilerServices;

namespace Almab.Sim.Kernel;

/// <summary>Day loading, calibration and rebuilding of <see cref="CalendarQueue{T}"/> (see the type comment).</summary>
internal sealed partial class CalendarQueue<T>
{
    private HeapNode[] _scratch = [];

    /// <summary>Fills the empty bottom heap with the next non-empty group of <see cref="DaysPerLoad"/> days (calendar mode; the queue is not empty).</summary>
    private void LoadNextDay()
    {
        if (Miscalibrated())
        {
            Rebuild();
            if (_bottom.Count > 0)
            {
                return;
            }
        }

        int buckets = _mask + 1;
        while (true)
        {
            if (_inBuckets == 0)
            {
                // Only far entries are left: jump to the day of the earliest, or start afresh from it when it lies so far
                // ahead that day numbers would lose precision or the calendar's width is plainly wrong.
                double fx = (_far.Top.Time - _origin) * _invWidth;
                if (fx >= _day + 4.0 * buckets)
                {
                    Rebuild();
                    if (_bottom.Count > 0)
                    {
                        return;
                    }

                    continue;
                }

                _day = (long)fx - 1;
            }

            // Load DaysPerLoad consecutive days at once, walking their bucket lists interleaved: each list is a chain of
            // dependent loads (one cache miss per node at 10^5+ entries), so walking several at a time keeps several
            // misses in flight instead of one.
            long first = _day + 1;
            _day += DaysPerLoad;
            _loads += DaysPerLoad;
            _loadedEnd = _day + 1;
            _yearEnd = _loadedEnd + buckets;
            var heads = _heads;
            int s0 = TakeHead(heads, first), s1 = TakeHead(heads, first + 1);
            int s2 = TakeHead(heads, first + 2), s3 = TakeHead(heads, first + 3);
            int s4 = TakeHead(heads, first + 4), s5 = TakeHead(heads, first + 5);
            int s6 = TakeHead(heads, first + 6), s7 = TakeHead(heads, first + 7);
            var nodes = _nodes;
            while ((s0 & s1 & s2 & s3 & s4 & s5 & s6 & s7) != -1) // Some list is not finished (-1 marks the end).
            {
                s0 = Move(nodes, s0);
                s1 = Move(nodes, s1);
                s2 = Move(nodes, s2);
                s3 = Move(nodes, s3);
                s4 = Move(nodes, s4);
                s5 = Move(nodes, s5);
                s6 = Move(nodes, s6);
                s7 = Move(nodes, s7);
            }

            while (_far.Count > 0 && (_far.Top.Time - _origin) * _invWidth < _loadedEnd)
            {
                _bottom.Append(_far.Pop());
            }

            if (_bottom.Count > 0)
            {
                _loadedCount += _bottom.Count;
                LoadsDone++;
                _bottom.Heapify();
                return;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int TakeHead(int[] heads, long day)
    {
        ref int head = ref heads[(int)(day & _mask)];
        int slot = head;
        head = -1;
        return slot;
    }

    /// <summary>Moves node <paramref name="slot"/> (if any, else -1) of a bucket list to the bottom heap; returns the next slot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Move(CalendarNode<T>[] nodes, int slot)
    {
        if (slot < 0)
        {
            return -1;
        }

        ref var node = ref nodes[slot];
        _bottom.Append(new HeapNode(node.Time, node.Key, slot));
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Prefetch.Object(Unsafe.As<T, object>(ref node.Value)); // Its first use is a few events away.
        }

        _inBuckets--;
        return node.Next;
    }

    /// <summary>
    /// True when, over at least a quarter of the buckets' worth of loaded days, days held on average far fewer (mostly
    /// empty days scanned) or far more entries than intended, or when most entries sit in the far heap.
    /// </summary>
    private bool Miscalibrated()
    {
        if (_loads < Math.Max(64, (_mask + 1) >> 2))
        {
            return false;
        }

        double perDay = (double)_loadedCount / _loads;
        _loads = 0;
        _loadedCount = 0;
        return perDay < EntriesPerDay / 16 || perDay > EntriesPerDay * 16 || _far.Count > _count / 2;
    }

    /// <summary>Redistributes every entry: one heap below <see cref="HeapBelow"/> entries, else a calendar sized for them.</summary>
    private void Rebuild()
    {
        int n = Gather();
        _bottom.Clear();
        _far.Clear();
        _inBuckets = 0;
        _loads = 0;
        _loadedCount = 0;
        if (n <= HeapBelow || !Calibrate(n))
        {
            _origin = 0;
            _invWidth = 0;
            _loadedEnd = double.PositiveInfinity;
            _yearEnd = double.PositiveInfinity;
            _growAbove = Math.Max(CalendarAbove, 2 * n);
            _shrinkBelow = -1;
            for (int i = 0; i < n; i++)
            {
                _bottom.Append(_scratch[i]);
            }

            _bottom.Heapify();
            return;
        }

        var nodes = _nodes;
        for (int i = 0; i < n; i++)
        {
            int slot = _scratch[i].Slot;
            Place(ref nodes[slot], slot);
        }

        _growAbove = _mask + 1;
        _shrinkBelow = Math.Max((_mask + 1) >> 3, HeapBelow);
    }

    /// <summary>Copies every entry (bottom, far, buckets) into the scratch array and returns their number.</summary>
    private int Gather()
    {
        if (_scratch.Length < _count)
        {
            _scratch = new HeapNode[Math.Max(_count, 2 * _scratch.Length)];
        }

        int n = 0;
        foreach (var h in _bottom.Items)
        {
            _scratch[n++] = h;
        }

        foreach (var h in _far.Items)
        {
            _scratch[n++] = h;
        }

        if (_inBuckets > 0)
        {
            for (int b = 0; b < _heads.Length; b++)
            {
                for (int slot = _heads[b]; slot >= 0; slot = _nodes[slot].Next)
                {
                    _scratch[n++] = new HeapNode(_nodes[slot].Time, _nodes[slot].Key, slot);
                }

                _heads[b] = -1;
            }
        }

        return n;
    }

    /// <summary>
    /// Sizes the calendar for the <paramref name="n"/> gathered entries: B = the power of two ≥ 2n buckets, origin at the
    /// earliest entry, and the day width from the spacing of the earliest quarter of a strided sample, so the front days
    /// hold about <see cref="EntriesPerDay"/> entries. Returns false when no usable width exists (all times equal).
    /// </summary>
    private bool Calibrate(int n)
    {
        int s = Math.Min(n, 1024);
        Span<double> sample = s <= 1024 ? stackalloc double[s] : new double[s];
        double min = double.PositiveInfinity;
        for (int i = 0; i < n; i++)
        {
            min = Math.Min(min, _scratch[i].Time);
        }

        long stride = n / s;
        for (int i = 0; i < s; i++)
        {
            sample[i] = _scratch[i * stride].Time;
        }

        sample.Sort();
        int k = Math.Max(1, s / 4);
        double gap = (sample[k] - sample[0]) / (k * (double)n / s);
        if (!(gap > 0))
        {
            gap = (sample[s - 1] - sample[0]) / n;
        }

        double invWidth = 1.0 / (EntriesPerDay * gap);
        if (!(gap > 0) || !double.IsFinite(invWidth) || !double.IsFinite((sample[s - 1] - min) * invWidth))
        {
            return false;
        }

        int buckets = (int)Math.Min(1 << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(2 * n)));
        if (_heads.Length != buckets)
        {
            _heads = new int[buckets];
        }

        Array.Fill(_heads, -1);
        _mask = buckets - 1;
        _origin = min;
        _invWidth = invWidth;
        _day = -1;
        _loadedEnd = 0;
        _yearEnd = buckets;
        return true;
    }
}
