using System.Runtime.CompilerServices;

namespace Almab.Sim.Kernel;

/// <summary>The event loop of <see cref="EventSimulation{TEvent}"/>.</summary>
public sealed partial class EventSimulation<TEvent>
{
    /// <summary>
    /// Takes the next event from the queue into <paramref name="ev"/> and advances <see cref="Now"/> to its time; returns
    /// false (and leaves everything as it was) when none is scheduled. For a loop written by the model itself.
    /// </summary>
    public bool TryNext(out TEvent ev)
    {
        if (_queue.Count == 0)
        {
            ev = default;
            return false;
        }

        ev = Take();
        return true;
    }

    /// <summary>Processes the next event with <paramref name="handler"/>; returns false when none is scheduled.</summary>
    public bool Step<THandler>(ref THandler handler)
        where THandler : IEventHandler<TEvent>
    {
        if (_queue.Count == 0)
        {
            return false;
        }

        var ev = Take();
        handler.Handle(this, in ev);
        return true;
    }

    /// <summary>Processes events with <paramref name="handler"/> until none is scheduled.</summary>
    public void Run<THandler>(ref THandler handler)
        where THandler : IEventHandler<TEvent>
    {
        while (_queue.Count > 0)
        {
            var ev = Take();
            handler.Handle(this, in ev);
        }
    }

    /// <summary>
    /// Processes with <paramref name="handler"/> every event scheduled before <paramref name="until"/> virtual seconds,
    /// then sets <see cref="Now"/> to it (unless +infinity). Events at exactly <paramref name="until"/> are left for a
    /// later run, as in <see cref="Simulation.Run(double)"/> and SimPy.
    /// </summary>
    public void Run<THandler>(double until, ref THandler handler)
        where THandler : IEventHandler<TEvent>
    {
        TimeArguments.CheckUntil(until, _now);
        while (_queue.Count > 0 && _queue.PeekTime < until)
        {
            var ev = Take();
            handler.Handle(this, in ev);
        }

        if (!double.IsPositiveInfinity(until))
        {
            _now = until;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TEvent Take()
    {
        var entry = _queue.Pop();
        _now = entry.Time;
        _processed++;
        return entry.Value;
    }
}
