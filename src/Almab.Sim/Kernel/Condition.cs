namespace Almab.Sim.Kernel;

/// <summary>
/// An event over other events (SimPy's <c>Condition</c>): checked each time a constituent is processed; fails with the
/// first constituent failure (which it defuses); succeeds when <see cref="AllOf"/>'s or <see cref="AnyOf"/>'s rule
/// holds. Its value is a <see cref="ConditionValue"/> of the constituents processed by the time the condition itself
/// is processed (nested conditions contribute their own constituents), in the order given.
/// </summary>
public abstract class Condition : Event
{
    private readonly Event[] _events;
    private int _count;

    private protected Condition(Simulation simulation, Event[] events)
        : base(simulation)
    {
        ArgumentNullException.ThrowIfNull(events);
        _events = (Event[])events.Clone();
        for (int i = 0; i < _events.Length; i++)
        {
            var e = _events[i] ?? throw new ArgumentNullException(nameof(events), $"events[{i}] is null");
            if (e._sim != simulation)
            {
                throw new ArgumentException($"events[{i}] belongs to another simulation", nameof(events));
            }
        }

        AddWaiter(this); // First callback: build the value when the condition is processed.
        foreach (var e in _events)
        {
            if (e._state == EventState.Processed)
            {
                Check(e);
            }
            else
            {
                e.AddWaiter(this);
            }
        }

        if (_state == EventState.Pending && Holds(_count, _events.Length))
        {
            Trigger(true, null, EventPriority.Normal, 0);
        }
    }

    /// <summary>The constituent events, in the order given.</summary>
    public IReadOnlyList<Event> Events => _events;

    /// <summary>The rule: true when <paramref name="succeeded"/> of <paramref name="total"/> events satisfy the condition.</summary>
    private protected abstract bool Holds(int succeeded, int total);

    internal void OnEvent(Event e)
    {
        if (ReferenceEquals(e, this))
        {
            BuildValue();
        }
        else
        {
            Check(e);
        }
    }

    private void Check(Event e)
    {
        if (_state != EventState.Pending)
        {
            return;
        }

        _count++;
        if (!e._ok)
        {
            e._defused = true;
            Trigger(false, e._value, EventPriority.Normal, 0);
        }
        else if (Holds(_count, _events.Length))
        {
            Trigger(true, null, EventPriority.Normal, 0);
        }
    }

    private void BuildValue()
    {
        foreach (var e in _events)
        {
            if (e._state != EventState.Processed)
            {
                e.RemoveWaiter(this);
            }
        }

        if (_ok)
        {
            var value = new ConditionValue();
            Populate(value);
            _value = value;
        }
    }

    private void Populate(ConditionValue value)
    {
        foreach (var e in _events)
        {
            if (e is Condition c)
            {
                c.Populate(value);
            }
            else if (e._state == EventState.Processed)
            {
                value.Add(e);
            }
        }
    }
}
