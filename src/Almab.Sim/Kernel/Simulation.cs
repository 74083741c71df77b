using System.Runtime.CompilerServices;

namespace Almab.Sim.Kernel;

/// <summary>
/// A process-oriented discrete-event simulation environment in the style of SimPy 3 (issue 2): a virtual clock
/// <see cref="Now"/> in seconds, a future-event list, and processes written as C# iterators that yield the events they
/// wait for. Simultaneous events are processed by priority (urgent before normal), then in the order they were
/// scheduled, so a model with seeded random numbers gives the same trace on every run. Nothing is static: separate
/// instances run safely on separate threads; one instance is not thread-safe.
/// </summary>
/// <example>
/// <code>
/// var sim = new Simulation();
/// IEnumerable&lt;Event&gt; Clock(Simulation s) { while (true) { Console.WriteLine(s.Now); yield return s.Timeout(1); } }
/// sim.Process(Clock(sim));
/// sim.Run(until: 3);   // prints 0, 1, 2
/// </code>
/// </example>
public sealed partial class Simulation
{
    private readonly EventQueue<Event> _queue = new();
    private readonly Event _startSignal;
    private double _now;
    private long _sequence;
    private long _loadsSeen; // The timed queue's LoadsDone when its loaded days were last prefetched.
    private long _processed;
    private TimeoutEvent[] _freeDelays = new TimeoutEvent[16];
    private int _freeCount;
    internal Process? _active;

    /// <summary>Creates an environment whose clock starts at <paramref name="initialTime"/> virtual seconds.</summary>
    public Simulation(double initialTime = 0)
    {
        TimeArguments.CheckInitialTime(initialTime);
        _now = initialTime;
        _startSignal = new Event(this) { _ok = true, _state = EventState.Processed };
    }

    /// <summary>Current virtual time in seconds.</summary>
    public double Now => _now;

    /// <summary>Number of events taken from the queue and processed so far (process starts included).</summary>
    public long ProcessedEvents => _processed;

    /// <summary>Number of events currently scheduled.</summary>
    public int ScheduledEvents => _queue.Count;

    /// <summary>Time of the next scheduled event in virtual seconds, or +infinity when none is scheduled.</summary>
    public double PeekTime => _queue.PeekTime;

    /// <summary>The process whose code is running now, or null between events.</summary>
    public Process? ActiveProcess => _active;

    /// <summary>A new pending event, to be triggered with <see cref="Kernel.Event.Succeed"/> or <see cref="Kernel.Event.Fail"/>.</summary>
    public Event Event() => new(this);

    /// <summary>An event that succeeds with <paramref name="value"/> after <paramref name="delay"/> virtual seconds.</summary>
    public TimeoutEvent Timeout(double delay, object? value = null)
    {
        TimeArguments.CheckDelay(delay);
        return new TimeoutEvent(this, delay, value);
    }

    /// <summary>
    /// A value-less timeout of <paramref name="delay"/> seconds from a pool, for <c>yield return sim.Delay(d);</c>: the
    /// event goes back to the pool once it has been processed and the process waiting on it has resumed, so steady-state
    /// delays allocate nothing. Do not keep the reference past that wait. An event that anything else waits on (a
    /// condition, a callback, a second process) is never recycled, so <c>AnyOf(sim.Delay(5), request)</c> is safe.
    /// Use <see cref="Timeout"/> for an event to keep or with a value.
    /// </summary>
    public Event Delay(double delay)
    {
        TimeArguments.CheckDelay(delay);
        TimeoutEvent d;
        if (_freeCount > 0)
        {
            d = _freeDelays[--_freeCount];
            _freeDelays[_freeCount] = null!;
        }
        else
        {
            d = new TimeoutEvent(this) { _pooled = true };
        }

        // Trigger + Schedule inlined: a pooled delay's value and failure are already clear (Recycle).
        d._ok = true;
        d._state = EventState.Triggered;
        long key = QueueKey.Of(EventPriority.Normal, ++_sequence);
        if (delay == 0)
        {
            _queue.AppendNow(_now, key, d, urgent: false);
        }
        else
        {
            _queue.Push(_now + delay, key, d);
        }

        return d;
    }

    /// <summary>Starts a process: <paramref name="steps"/> is resumed at the current time, after the caller yields.</summary>
    public Process Process(IEnumerable<Event> steps) => new(this, steps);

    /// <summary>An event that succeeds when all <paramref name="events"/> have succeeded, or fails with the first failure.</summary>
    public AllOf AllOf(params Event[] events) => new(this, events);

    /// <summary>An event that succeeds when any of <paramref name="events"/> has succeeded, or fails with the first failure.</summary>
    public AnyOf AnyOf(params Event[] events) => new(this, events);

    internal void Schedule(Event e, EventPriority priority, double delay)
    {
        long key = QueueKey.Of(priority, ++_sequence);
        if (delay == 0)
        {
            _queue.AppendNow(_now, key, e, priority == EventPriority.Urgent); // Due now: FIFO ring, no sifting.
        }
        else
        {
            _queue.Push(_now + delay, key, e);
        }
    }

    internal void ScheduleStart(Process p) =>
        _queue.AppendNow(_now, QueueKey.Of(EventPriority.Urgent, ++_sequence) | QueueKey.StartMarker, p, urgent: true);

    internal Event StartSignal => _startSignal;

    /// <summary>Returns a processed, unshared pooled delay to the pool.</summary>
    private void Recycle(Event e)
    {
        e._state = EventState.Pending;
        e._defused = false;
        if (_freeCount == _freeDelays.Length)
        {
            Array.Resize(ref _freeDelays, _freeCount * 2);
        }

        _freeDelays[_freeCount++] = Unsafe.As<TimeoutEvent>(e); // Only pooled delays come here.
    }
}
