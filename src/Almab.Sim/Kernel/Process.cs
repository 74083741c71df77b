namespace Almab.Sim.Kernel;

/// <summary>
/// A process: a C# iterator that yields the events it waits for, resumed when each is processed (SimPy's
/// <c>Process</c>). The process is itself an event that succeeds when the iterator ends (value: <see cref="Return"/>'s
/// argument, default null) and fails with any exception its code throws, so processes can wait on each other.
/// <para>
/// C# iterators cannot receive exceptions, so a fault (a failed yielded event, or <see cref="Interrupt"/>) is delivered
/// in one of two ways. By default it is thrown at the <c>yield</c>: no more code of the step runs, the iterator is
/// disposed (its <c>finally</c> and <c>using</c> blocks run) and the process fails with that exception, which reaches
/// whoever waits on the process (and stops <see cref="Simulation.Run()"/> if nobody does). To handle it instead, yield
/// the event through <see cref="Catch"/>: the process then resumes with the exception in <see cref="Fault"/>, the C#
/// counterpart of <c>try: yield ev / except</c>.
/// </para>
/// </summary>
public sealed class Process : Event
{
    private static readonly Action<Event> DeliverInterruption = e => ((Interruption)e).Deliver();

    private IEnumerator<Event>? _steps;
    private Event? _target;
    private Exception? _fault;
    private bool _catch;

    internal Process(Simulation simulation, IEnumerable<Event> steps)
        : base(simulation)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _steps = steps.GetEnumerator();
        simulation.ScheduleStart(this);
    }

    /// <summary>The iterator (null once ended), for <see cref="Prefetch.Steps"/>.</summary>
    internal IEnumerator<Event>? Steps => _steps;

    /// <summary>True until the iterator has ended, thrown or been killed by an unhandled fault.</summary>
    public bool IsAlive => _steps is not null;

    /// <summary>The event the process waits for, or null while it runs, before it starts and after it ends.</summary>
    public Event? Target => _target;

    /// <summary>
    /// The fault delivered at the last resumption when the awaited event was yielded through <see cref="Catch"/>: the
    /// failed event's exception or an <see cref="InterruptException"/>; null when the wait ended normally.
    /// </summary>
    public Exception? Fault => _fault;

    /// <summary>
    /// Marks the process's next wait as handling faults and returns <paramref name="ev"/>, for
    /// <c>yield return p.Catch(ev); if (p.Fault is InterruptException i) ...</c>. Only the process itself may call it.
    /// </summary>
    public Event Catch(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (_sim._active != this)
        {
            throw new InvalidOperationException("Catch can only be called by the process itself while it runs");
        }

        _catch = true;
        return ev;
    }

    /// <summary>Sets the value the process succeeds with when its iterator ends (SimPy's <c>return value</c>).</summary>
    public void Return(object? value) => _value = value; // _value is unused until the process ends.

    /// <summary>
    /// Interrupts the process at the current time, before normal events: it stops waiting for its target and receives an
    /// <see cref="InterruptException"/> with <paramref name="cause"/> (see the class comment for how faults arrive).
    /// Throws when the process has ended or interrupts itself.
    /// </summary>
    public void Interrupt(object? cause = null)
    {
        if (!IsAlive)
        {
            throw new InvalidOperationException("cannot interrupt a process that has terminated");
        }

        if (_sim._active == this)
        {
            throw new InvalidOperationException("a process cannot interrupt itself");
        }

        var interruption = new Interruption(this, cause);
        interruption.AddWaiter(DeliverInterruption);
        interruption._defused = true;
        interruption.Trigger(false, new InterruptException(cause), EventPriority.Urgent, 0);
    }

    /// <summary>Starts the iterator (first queue entry of the process) unless an interrupt has already killed it.</summary>
    internal void Start()
    {
        if (_steps is not null)
        {
            Resume(_sim.StartSignal);
        }
    }

    /// <summary>Delivers an interruption: stops waiting for the target and resumes with the fault.</summary>
    internal void Interrupted(Interruption interruption)
    {
        if (_steps is null)
        {
            return; // Ended between the interrupt call and its delivery.
        }

        _target?.RemoveWaiter(this);
        _target = null;
        Resume(interruption);
    }

    /// <summary>Resumes the iterator with the outcome of <paramref name="ev"/> until it waits for a pending event or ends.</summary>
    internal void Resume(Event ev)
    {
        var sim = _sim;
        sim._active = this; // Resume is never nested (only the event loop calls it), so the end resets to null.
        _target = null;
        var steps = _steps!;
        while (true)
        {
            if (!ev._ok)
            {
                ev._defused = true;
                var fault = (Exception)ev._value!;
                if (!_catch)
                {
                    End(false, fault);
                    break;
                }

                _fault = fault;
            }
            else if (_fault is not null)
            {
                _fault = null;
            }

            _catch = false;
            bool more;
            try
            {
                more = steps.MoveNext();
            }
            catch (Exception ex)
            {
                End(false, ex);
                break;
            }

            if (!more)
            {
                End(true, _value);
                break;
            }

            var next = steps.Current;
            if (next is null || next._sim != sim)
            {
                End(false, new InvalidOperationException(next is null
                    ? "a process yielded null instead of an event"
                    : "a process yielded an event of another simulation"));
                break;
            }

            if (next._state != EventState.Processed)
            {
                if (next._waiters is null)
                {
                    next._waiters = this; // The common case: AddWaiter without its type test (a process never sets _shared).
                }
                else
                {
                    next.AddWaiter(this);
                }

                _target = next;
                break;
            }

            ev = next; // Already processed: continue at once with its outcome, as SimPy does.
        }

        sim._active = null;
    }

    private void End(bool ok, object? value)
    {
        var steps = _steps!;
        _steps = null;
        _target = null;
        try
        {
            steps.Dispose();
        }
        catch (Exception ex) when (ok)
        {
            ok = false;
            value = ex;
        }
        catch (Exception)
        {
            // The step's own failure is the one reported; a second one from a finally block is dropped.
        }

        Trigger(ok, value, EventPriority.Normal, 0);
    }
}
