using System.Runtime.CompilerServices;

namespace Almab.Sim.Kernel;

/// <summary>
/// A priority queue of timed entries ordered by (time, key), exactly: equal times come out by key, so a key made of a
/// priority and an insertion sequence number gives FIFO order among simultaneous entries whatever the queue's size or
/// internal layout. Two modes, chosen by the number of entries:
/// <list type="bullet">
/// <item>few entries (below <see cref="CalendarAbove"/>): one 4-ary heap (<see cref="NodeHeap"/>), which is the fastest
/// structure while it fits in the first cache levels;</item>
/// <item>many: a calendar queue (R. Brown, CACM 31(10), 1988) whose current day is kept in that same heap. Virtual time
/// is cut into days of width w from an origin; day d's entries wait unsorted in bucket d mod B (a linked list through
/// the node array) as long as d is within B days of the current day, and in a second 4-ary heap ("far") otherwise.
/// When the bottom heap runs dry, the buckets of the next eight days and the far entries due then are moved into it and
/// heapified in linear time. Scheduling and processing are O(1) on average when days hold a few entries, with about
/// one cache miss per entry, where a heap of 10⁶ entries costs ~10 levels of misses.</item>
/// </list>
/// The day of a time is a monotone function of the time (floor((t − origin)/w) in floating point), so an entry in a
/// later day or in a later structure is never earlier than one in the bottom heap, and the heap compares (time, key)
/// in full: the order does not depend on the mode, the width, the number of buckets or when the queue was rebuilt.
/// The queue rebuilds itself (new width from the spacing of the earliest entries, B ≈ 2 × entries) when the number of
/// entries leaves [B/8, B], when the days turn out much too sparse or too full, or when the far heap's earliest entry is
/// very far ahead. All arrays are reused: steady-state scheduling allocates nothing.
/// </summary>
/// <typeparam name="T">The payload.</typeparam>
internal sealed partial class CalendarQueue<T>
{
    /// <summary>
    /// Entries above which the queue switches from one heap to the calendar. 512 (was 2048): at 10^3 pending the calendar
    /// measured 18.8 M/s against the heap's 10.5 M/s (timed queue alone, hold model, CPU time, load ~7), and the kernel went
    /// from 0.72 to 1.00 of the PriorityQueue loop.
    /// </summary>
    internal const int CalendarAbove = 512;

    /// <summary>
    /// Entries from which <see cref="PeekLoadedValue"/> (and the kernel's batch prefetch of loaded days) hand out what is
    /// worth prefetching. Below, the payloads are cached anyway and prefetching is pure overhead: hold model, AMD EPYC
    /// 2 vCPUs, load 0-4, kernel / PriorityQueue loop at 10^3 pending 0.93-0.95 with prefetch, 0.95-0.97 without; at
    /// 10^4 prefetching gains ~7 % (10.5 vs 9.8 M/s), so the threshold sits between.
    /// </summary>
    internal const int PrefetchFrom = 4096;

    /// <summary>Entries below which a calendar queue goes back to one heap (a quarter of <see cref="CalendarAbove"/>, as before).</summary>
    internal const int HeapBelow = 128;

    /// <summary>
    /// Target mean number of entries per day at the front of the calendar. Was 24 with one day per load (2ae4d92); now 3
    /// with <see cref="DaysPerLoad"/> = 8 days per load, so a load still brings ~24 entries into the bottom heap (chosen by
    /// measurement, CPU time: with 4-day loads, 3, 6 and 12 per day gave the timed queue alone 20.8 / 19.6 / 16.8 M/s at
    /// 10^4 pending, 11.7 / 14.1 / 7.2 at 10^5, 5.3 / 4.9 / 5.2 at 10^6 (load ~8); 8 days of 3 against 4 days of 6, two
    /// alternating runs at load ~5 (bench/KernelHold): queue alone 13.6-13.9 vs 9.0-9.5 M/s at 10^5, same at 10^4 and 10^6;
    /// kernel / PriorityQueue loop 0.93-0.97 vs 0.86-0.91 at 10^5).
    /// </summary>
    private const double EntriesPerDay = 3.0;

    /// <summary>Consecutive days loaded into the bottom heap at once (their bucket lists are walked interleaved).</summary>
    private const int DaysPerLoad = 8;

    private readonly NodeHeap _bottom;
    private readonly NodeHeap _far = new(4); // only used in calendar mode (above CalendarAbove entries): grows then
    private CalendarNode<T>[] _nodes;
    private int[] _freeSlots;
    private int _freeCount;
    private int _slotsUsed;
    private int _count;

    // Calendar state. In heap mode _invWidth = 0 and _loadedEnd = +inf, so every entry goes to the bottom heap.
    private int[] _heads = [];
    private int _mask;
    private int _inBuckets;
    private double _origin;
    private double _invWidth;
    private long _day;
    private double _loadedEnd = double.PositiveInfinity; // Day coordinate below which entries go to the bottom heap.
    private double _yearEnd = double.PositiveInfinity;   // Day coordinate below which entries go to a bucket.
    private int _growAbove = CalendarAbove;
    private int _shrinkBelow = -1;
    private long _loads;       // Days loaded since the last rebuild.
    private long _loadedCount; // Entries those days brought into the bottom heap.

    /// <summary>
    /// Creates an empty queue with room for <paramref name="capacity"/> entries before its arrays grow (they double).
    /// A small simulation that knows its bound (a K-worker cluster keeps about 2K + 2 events pending) passes it: one
    /// such queue is built per replicate, and the default 64 slots were a tenth of a cheap replicate's garbage.
    /// </summary>
    public CalendarQueue(int capacity = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _bottom = new NodeHeap(capacity);
        _nodes = new CalendarNode<T>[capacity];
        _freeSlots = new int[capacity];
    }

    /// <summary>Number of entries.</summary>
    public int Count => _count;

    /// <summary>Number of day loads so far (calendar mode), so a caller can tell when <see cref="Loaded"/> was refilled.</summary>
    internal long LoadsDone { get; private set; }

    /// <summary>The entries of the bottom heap (the loaded days), in heap order.</summary>
    internal ReadOnlySpan<HeapNode> Loaded => _bottom.Items;

    /// <summary>The payload stored at <paramref name="slot"/> (a slot of <see cref="Loaded"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal T ValueAt(int slot) => _nodes[slot].Value;

    /// <summary>True while the queue is a calendar (for tests).</summary>
    internal bool IsCalendar => _invWidth > 0;

    /// <summary>Time of the earliest entry, or +infinity when empty.</summary>
    public double PeekTime => _count == 0 ? double.PositiveInfinity : Front.Time;

    /// <summary>The earliest entry's time and key; the caller checks <see cref="Count"/> &gt; 0 first.</summary>
    public ref readonly HeapNode Front
    {
        get
        {
            if (_bottom.Count == 0)
            {
                LoadNextDay();
            }

            return ref _bottom.Top;
        }
    }

    /// <summary>
    /// In calendar mode, the payload of the earliest entry when it is already in the bottom heap (no day is loaded), else
    /// default: what is worth prefetching (a small heap is in cache anyway).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T? PeekLoadedValue() => _invWidth > 0 && _count >= PrefetchFrom && _bottom.Count > 0 ? _nodes[_bottom.Top.Slot].Value : default;

    /// <summary>Adds an entry due at <paramref name="time"/> (finite) with tie-breaking <paramref name="key"/>.</summary>
    public void Push(double time, long key, T value)
    {
        int slot = AllocateSlot();
        ref var node = ref _nodes[slot];
        node.Value = value;
        node.Time = time;
        node.Key = key;
        Place(ref node, slot);
        if (++_count > _growAbove)
        {
            Rebuild();
        }
    }

    /// <summary>Removes the earliest entry; the caller checks <see cref="Count"/> first.</summary>
    public T Pop(out double time, out long key)
    {
        if (_bottom.Count == 0)
        {
            LoadNextDay();
        }

        var top = _bottom.Pop();
        time = top.Time;
        key = top.Key;
        ref var node = ref _nodes[top.Slot];
        var value = node.Value;
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            node.Value = default!; // Let a processed event be collected.
        }

        _freeSlots[_freeCount++] = top.Slot;
        if (--_count < _shrinkBelow)
        {
            Rebuild();
        }

        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Place(ref CalendarNode<T> node, int slot)
    {
        double x = (node.Time - _origin) * _invWidth;
        if (x < _loadedEnd)
        {
            _bottom.Push(new HeapNode(node.Time, node.Key, slot));
        }
        else if (x < _yearEnd)
        {
            ref int head = ref _heads[(int)((long)x & _mask)];
            node.Next = head;
            head = slot;
            _inBuckets++;
        }
        else
        {
            _far.Push(new HeapNode(node.Time, node.Key, slot));
        }
    }

    private int AllocateSlot()
    {
        if (_freeCount > 0)
        {
            return _freeSlots[--_freeCount];
        }

        if (_slotsUsed == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
            Array.Resize(ref _freeSlots, _nodes.Length);
        }

        return _slotsUsed++;
    }
}
