using System.Runtime.ExceptionServices;

namespace Almab.Sim.Kernel;

/// <summary>
/// Something that happens at a point of virtual time, as in SimPy: pending until it is triggered with a value
/// (<see cref="Succeed"/>) or an exception (<see cref="Fail"/>), which schedules it at the current time; processed when
/// the simulation takes it from its queue and runs its callbacks in the order they were added. Processes wait on events
/// by yielding them. A failed event that nobody handles (no process waited on it, it was not <see cref="Defused"/>) makes
/// <see cref="Simulation.Run()"/> throw its exception, so errors are never silently lost. The object is 48 bytes: the
/// first waiter is stored inline and a process resumption needs no delegate.
/// </summary>
public class Event
{
    internal readonly Simulation _sim;
    internal object? _value;
    internal object? _waiters; // null, a Process, a Condition, an Action<Event> or a WaiterList.
    internal EventState _state;
    internal bool _ok;
    internal bool _defused;
    internal bool _shared; // Some waiter other than one process was added: a pooled delay may then not be reused.
    internal bool _pooled; // A pooled event (Simulation.Delay, Store.GetPooled...), recycled after it is processed unless shared.

    /// <summary>Creates a pending event of <paramref name="simulation"/> (SimPy's <c>env.event()</c>).</summary>
    public Event(Simulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        _sim = simulation;
    }

    /// <summary>The simulation the event belongs to.</summary>
    public Simulation Simulation => _sim;

    /// <summary>True once a value or a failure is set (the event is scheduled or processed).</summary>
    public bool Triggered => _state != EventState.Pending;

    /// <summary>True once the simulation has run the event's callbacks.</summary>
    public bool Processed => _state == EventState.Processed;

    /// <summary>True when the event is triggered and succeeded.</summary>
    public bool Ok => _state != EventState.Pending && _ok;

    /// <summary>The failure of a failed event, otherwise null.</summary>
    public Exception? Exception => _state != EventState.Pending && !_ok ? (Exception?)_value : null;

    /// <summary>Set when a failure has been handled, so it does not stop the run (SimPy's <c>defused</c>).</summary>
    public bool Defused
    {
        get => _defused;
        set => _defused = value;
    }

    /// <summary>The value of a succeeded event; rethrows the failure of a failed one; throws while pending.</summary>
    public virtual object? Value
    {
        get
        {
            if (_state == EventState.Pending)
            {
                throw new InvalidOperationException("the value of an event is not available before it is triggered");
            }

            if (!_ok)
            {
                ExceptionDispatchInfo.Capture((Exception)_value!).Throw();
            }

            return _value;
        }
    }

    /// <summary>Triggers the event with <paramref name="value"/>: it is processed at the current time, after events already due.</summary>
    public Event Succeed(object? value = null)
    {
        EnsurePending();
        Trigger(true, value, EventPriority.Normal, 0);
        return this;
    }

    /// <summary>Triggers the event as failed: processes waiting on it receive <paramref name="exception"/>.</summary>
    public Event Fail(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        EnsurePending();
        Trigger(false, exception, EventPriority.Normal, 0);
        return this;
    }

    /// <summary>Adds a callback run when the event is processed (after the ones added before).</summary>
    public void AddCallback(Action<Event> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (_state == EventState.Processed)
        {
            throw new InvalidOperationException("cannot add a callback to an event that has already been processed");
        }

        AddWaiter(callback);
    }

    /// <summary>Removes a callback added by <see cref="AddCallback"/>; returns false when it was not there.</summary>
    public bool RemoveCallback(Action<Event> callback) => RemoveWaiter(callback);

    internal void Trigger(bool ok, object? value, EventPriority priority, double delay)
    {
        _ok = ok;
        if (value is null)
        {
            _value = null; // A constant null store needs no GC write barrier: the common case (timeouts, grants).
        }
        else
        {
            _value = value;
        }

        _state = EventState.Triggered;
        _sim.Schedule(this, priority, delay);
    }

    internal void AddWaiter(object waiter)
    {
        if (_waiters is null)
        {
            _waiters = waiter;
            if (waiter is not Process)
            {
                _shared = true;
            }

            return;
        }

        _shared = true;
        if (_waiters is WaiterList list)
        {
            list.Add(waiter);
        }
        else
        {
            var l = new WaiterList();
            l.Add(_waiters);
            l.Add(waiter);
            _waiters = l;
        }
    }

    internal bool RemoveWaiter(object waiter)
    {
        if (_waiters is not null && WaiterList.Same(_waiters, waiter))
        {
            _waiters = null;
            return true;
        }

        return _waiters is WaiterList list && list.Remove(waiter);
    }

    /// <summary>Returns a processed, unshared pooled event (other than a delay) to its pool.</summary>
    internal virtual void ReturnToPool()
    {
    }

    /// <summary>Makes a processed pooled event pending again, with no value and no failure.</summary>
    internal void ResetForPool()
    {
        _state = EventState.Pending;
        _ok = false;
        _value = null;
        _defused = false;
    }

    private void EnsurePending()
    {
        if (_state != EventState.Pending)
        {
            throw new InvalidOperationException($"{GetType().Name} has already been triggered");
        }
    }
}
