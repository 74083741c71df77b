namespace Almab.Sim.Kernel;

/// <summary>The value of a <see cref="Condition"/>: the constituent events that had happened, with their values.</summary>
public sealed class ConditionValue
{
    private readonly List<Event> _events = new();

    /// <summary>The events that had been processed when the condition was, in the order they were given.</summary>
    public IReadOnlyList<Event> Events => _events;

    /// <summary>Number of events in the value.</summary>
    public int Count => _events.Count;

    /// <summary>The value of <paramref name="ev"/>; throws <see cref="KeyNotFoundException"/> if it is not part of the value.</summary>
    public object? this[Event ev] => Contains(ev)
        ? ev.Value
        : throw new KeyNotFoundException("the event had not happened when the condition was processed, or is not one of its events");

    /// <summary>True when <paramref name="ev"/> had happened when the condition was processed.</summary>
    public bool Contains(Event ev)
    {
        foreach (var e in _events)
        {
            if (ReferenceEquals(e, ev))
            {
                return true;
            }
        }

        return false;
    }

    internal void Add(Event ev) => _events.Add(ev);
}
