namespace Almab.Sim.Kernel;

/// <summary>
/// An event-scheduling discrete-event simulation (the classic world view of OMNeT++/ns-3 handlers or SimPy's event
/// callbacks, beside the process-oriented <see cref="Simulation"/>): a virtual clock <see cref="Now"/> in seconds and a
/// future-event list of plain struct events, each processed by a handler (<see cref="IEventHandler{TEvent}"/>) or taken
/// one at a time with <see cref="TryNext"/>. No objects per event, no processes, no iterators: the cost of an event is
/// the queue's and the handler's. The queue is the process kernel's own (<see cref="EventQueue{T}"/>: FIFO rings for
/// events due now, a 4-ary heap or calendar queue for later ones), with the same order: by time, then priority (urgent
/// before normal), then scheduling order, exactly, at every queue size and through the calendar's rebuilds. Nothing is
/// static: separate instances run safely on separate threads; one instance is not thread-safe.
/// </summary>
/// <remarks>
/// There is no Cancel: the calendar's buckets are singly linked lists and its heaps keep no positions, so removing an
/// arbitrary entry would cost either a position update on every heap move or a handle table looked up on every pop, on
/// every event of every model. A model that needs to withdraw an event carries a version number in it and ignores it
/// in the handler when the state's version has moved on (the cluster model does so implicitly: an event's job slot and
/// worker state tell whether it still applies).
/// </remarks>
/// <typeparam name="TEvent">The event: a small struct (kind and indices), copied into the queue.</typeparam>
/// <example>
/// <code>
/// struct Arrivals : IEventHandler&lt;int&gt;
/// {
///     public void Handle(EventSimulation&lt;int&gt; sim, in int customer) =&gt; sim.Schedule(1.5, customer + 1);
/// }
/// var sim = new EventSimulation&lt;int&gt;();
/// sim.Schedule(0, 0);
/// var handler = new Arrivals();
/// sim.Run(until: 10, ref handler); // customers 0..6 at 0, 1.5, ..., 9; Now = 10
/// </code>
/// </example>
public sealed partial class EventSimulation<TEvent>
    where TEvent : struct
{
    private readonly EventQueue<TEvent> _queue = new();
    private double _now;
    private long _sequence;
    private long _processed;

    /// <summary>Creates a simulation whose clock starts at <paramref name="initialTime"/> virtual seconds (finite).</summary>
    public EventSimulation(double initialTime = 0)
    {
        TimeArguments.CheckInitialTime(initialTime);
        _now = initialTime;
    }

    /// <summary>Current virtual time in seconds: the time of the event being (or last) processed, or the last <c>until</c>.</summary>
    public double Now => _now;

    /// <summary>Number of events taken from the queue so far.</summary>
    public long ProcessedEvents => _processed;

    /// <summary>Number of events currently scheduled.</summary>
    public int ScheduledEvents => _queue.Count;

    /// <summary>Time of the next scheduled event in virtual seconds, or +infinity when none is scheduled.</summary>
    public double PeekTime => _queue.PeekTime;

    /// <summary>
    /// Schedules <paramref name="ev"/> <paramref name="delay"/> virtual seconds from <see cref="Now"/> (finite, &gt;= 0).
    /// Among events of the same time, urgent ones come first, then each priority in scheduling order.
    /// </summary>
    public void Schedule(double delay, TEvent ev, EventPriority priority = EventPriority.Normal)
    {
        TimeArguments.CheckDelay(delay);
        TimeArguments.CheckPriority(priority);
        long key = QueueKey.Of(priority, ++_sequence);
        if (delay == 0)
        {
            _queue.AppendNow(_now, key, ev, priority == EventPriority.Urgent); // Due now: FIFO ring, no sifting.
        }
        else
        {
            _queue.Push(_now + delay, key, ev);
        }
    }

    /// <summary>
    /// Schedules <paramref name="ev"/> at the absolute virtual time <paramref name="time"/> (finite, &gt;= <see cref="Now"/>),
    /// for models that compute absolute times (a finish time from a worker's clock) and must not round them through a delay.
    /// </summary>
    public void ScheduleAt(double time, TEvent ev, EventPriority priority = EventPriority.Normal)
    {
        TimeArguments.CheckTime(time, _now);
        TimeArguments.CheckPriority(priority);
        long key = QueueKey.Of(priority, ++_sequence);
        if (time == _now)
        {
            _queue.AppendNow(_now, key, ev, priority == EventPriority.Urgent);
        }
        else
        {
            _queue.Push(time, key, ev);
        }
    }
}
