using Almab.Algorithms.Randomness;
using Almab.Sim.Kernel;
using BenchmarkDotNet.Attributes;

namespace Almab.Benchmarks.Sim;

/// <summary>
/// The steady-state hold model (issue 18, "Kernel at scale"): <see cref="Pending"/> timeouts are pending at all times;
/// each fired one schedules a new one at now + Exp(1). One operation is one fired timeout, so the time per operation
/// inverts to events per second. Every variant draws its delays with the same <see cref="Rng.NextExponential"/>.
/// <list type="bullet">
/// <item>PriorityQueueLoop (baseline): a plain .NET <see cref="PriorityQueue{TElement, TPriority}"/> of (id, time):
/// dequeue, enqueue at time + Exp(1). No tie-breaking, no events, no processes: the floor a kernel is compared with.</item>
/// <item>Kernel: the real thing, <see cref="Pending"/> processes each looping on <c>yield return sim.Delay(Exp(1))</c>,
/// driven by <see cref="Simulation.Step"/> (pop, process the event, resume the process, schedule the next delay).</item>
/// <item>Typed: the event-scheduling front end, <see cref="EventSimulation{TEvent}"/> of <see cref="Pending"/> int
/// events with a struct handler that schedules each fired event again at Now + Exp(1), driven by its Step.</item>
/// <item>CalendarQueue / FourAryHeap: the kernel's timed queue alone (the structure it uses) and the plain 4-ary heap
/// of (time, key, slot) structs it used before, same loop as the baseline with FIFO keys.</item>
/// </list>
/// State carries over between invocations (the model runs forever), so every invocation measures the steady state.
/// </summary>
[MemoryDiagnoser]
public class KernelHoldBenchmarks
{
    /// <summary>Fired timeouts per invocation.</summary>
    internal const int Events = 1_000_000;

    private PriorityQueue<int, double> _pq = new();
    private Simulation _sim = new();
    private EventSimulation<int> _typed = new();
    private HoldHandler _hold;
    private CalendarQueue<int> _calendar = new();
    private NodeHeap _heap = new();
    private Rng _rng = new Seed(1).CreateRng();
    private long _sequence;

    /// <summary>Timeouts pending at all times.</summary>
    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public int Pending { get; set; }

    /// <summary>Builds every variant with <see cref="Pending"/> entries and runs each through one full turnover.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _rng = new Seed(18).Derive("hold").CreateRng();
        _pq = new PriorityQueue<int, double>(Pending);
        _calendar = new CalendarQueue<int>();
        _heap = new NodeHeap();
        _sim = new Simulation();
        _typed = new EventSimulation<int>();
        _hold = new HoldHandler(_rng);
        for (int i = 0; i < Pending; i++)
        {
            _pq.Enqueue(i, _rng.NextExponential(1.0));
            _calendar.Push(_rng.NextExponential(1.0), ++_sequence, i);
            _heap.Push(new HeapNode(_rng.NextExponential(1.0), ++_sequence, i));
            _sim.Process(Hold(_sim, _rng));
            _typed.Schedule(_rng.NextExponential(1.0), i);
        }

        PriorityQueueLoop();
        CalendarQueue();
        FourAryHeap();
        Typed();
        for (int i = 0; i < 2 * Pending; i++)
        {
            _sim.Step();
        }
    }

    /// <summary>Plain .NET PriorityQueue loop.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public double PriorityQueueLoop()
    {
        var q = _pq;
        var rng = _rng;
        double t = 0;
        for (int e = 0; e < Events; e++)
        {
            q.TryDequeue(out int id, out t);
            q.Enqueue(id, t + rng.NextExponential(1.0));
        }

        return t;
    }

    /// <summary>The kernel: processes looping on pooled delays.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public double Kernel()
    {
        var sim = _sim;
        for (int e = 0; e < Events; e++)
        {
            sim.Step();
        }

        return sim.Now;
    }

    /// <summary>The event-scheduling front end: struct events and a struct handler.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public double Typed()
    {
        var sim = _typed;
        for (int e = 0; e < Events; e++)
        {
            sim.Step(ref _hold);
        }

        return sim.Now;
    }

    /// <summary>The kernel's timed queue alone.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public double CalendarQueue()
    {
        var q = _calendar;
        var rng = _rng;
        double t = 0;
        for (int e = 0; e < Events; e++)
        {
            int id = q.Pop(out t, out _);
            q.Push(t + rng.NextExponential(1.0), ++_sequence, id);
        }

        return t;
    }

    /// <summary>The previous structure: one 4-ary heap of (time, key, slot) structs.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public double FourAryHeap()
    {
        var q = _heap;
        var rng = _rng;
        double t = 0;
        for (int e = 0; e < Events; e++)
        {
            var top = q.Pop();
            t = top.Time;
            q.Push(new HeapNode(t + rng.NextExponential(1.0), ++_sequence, top.Slot));
        }

        return t;
    }

    /// <summary>The typed hold step: the fired event is scheduled again Exp(1) seconds later.</summary>
    private readonly struct HoldHandler(Rng rng) : IEventHandler<int>
    {
        public void Handle(EventSimulation<int> simulation, in int ev) => simulation.Schedule(rng.NextExponential(1.0), ev);
    }

    private static IEnumerable<Event> Hold(Simulation sim, Rng rng)
    {
        while (true)
        {
            yield return sim.Delay(rng.NextExponential(1.0));
        }
    }
}
