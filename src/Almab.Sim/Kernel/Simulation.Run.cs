using System.Runtime.ExceptionServices;

namespace Almab.Sim.Kernel;

/// <summary>The event loop of <see cref="Simulation"/>.</summary>
public sealed partial class Simulation
{
    /// <summary>Processes events until none is scheduled.</summary>
    public void Run()
    {
        while (_queue.Count > 0)
        {
            StepCore();
        }
    }

    /// <summary>
    /// Processes every event scheduled before <paramref name="until"/> virtual seconds, then sets <see cref="Now"/> to it.
    /// Events at exactly <paramref name="until"/> are left for a later run, as in SimPy.
    /// </summary>
    public void Run(double until)
    {
        TimeArguments.CheckUntil(until, _now);
        while (_queue.Count > 0 && _queue.PeekTime < until)
        {
            StepCore();
        }

        if (!double.IsPositiveInfinity(until))
        {
            _now = until;
        }
    }

    /// <summary>
    /// Processes events until <paramref name="until"/> has been processed and returns its value (rethrows its failure).
    /// Throws <see cref="InvalidOperationException"/> when no event is left before that happens.
    /// </summary>
    public object? Run(Event until)
    {
        ArgumentNullException.ThrowIfNull(until);
        if (until._sim != this)
        {
            throw new ArgumentException("until belongs to another simulation", nameof(until));
        }

        until._defused = true; // Its failure is rethrown below rather than as an unhandled event.
        until._shared = true;  // Never recycled under our feet if it is a pooled delay.
        while (until._state != EventState.Processed)
        {
            if (_queue.Count == 0)
            {
                throw new InvalidOperationException($"no scheduled events left at t = {_now} s, but the until event was not processed");
            }

            StepCore();
        }

        return until.Value;
    }

    /// <summary>Processes the next event; returns false when none is scheduled.</summary>
    public bool Step()
    {
        if (_queue.Count == 0)
        {
            return false;
        }

        StepCore();
        return true;
    }

    private void StepCore()
    {
        var entry = _queue.Pop();
        var timed = _queue.Timed;
        if (timed.LoadsDone != _loadsSeen)
        {
            _loadsSeen = timed.LoadsDone;
            if (timed.Count >= CalendarQueue<Event>.PrefetchFrom) // Below, everything is cached anyway.
            {
                Prefetch.Loaded(timed);
            }
        }

        _now = entry.Time;
        _processed++;
        var ev = entry.Value;
        Prefetch.Next(timed.PeekLoadedValue());
        if (QueueKey.IsStart(entry.Key))
        {
            ((Process)ev).Start();
            return;
        }

        ev._state = EventState.Processed;
        var waiters = ev._waiters;
        if (waiters is not null)
        {
            ev._waiters = null;
            if (waiters is Process p)
            {
                p.Resume(ev);
            }
            else if (waiters is WaiterList list)
            {
                for (int i = 0; i < list.Count; i++)
                {
                    Notify(list[i], ev);
                }
            }
            else
            {
                Notify(waiters, ev);
            }
        }

        if (!ev._ok && !ev._defused)
        {
            ExceptionDispatchInfo.Capture((Exception)ev._value!).Throw();
        }

        if (ev._pooled && !ev._shared)
        {
            if (ev.GetType() == typeof(TimeoutEvent))
            {
                Recycle(ev); // Simulation.Delay: the hot case, no virtual call.
            }
            else
            {
                ev.ReturnToPool();
            }
        }

        Prefetch.Steps(_queue.Timed.PeekLoadedValue());
    }

    private static void Notify(object waiter, Event ev)
    {
        if (waiter is Process p)
        {
            p.Resume(ev);
        }
        else if (waiter is Condition c)
        {
            c.OnEvent(ev);
        }
        else
        {
            ((Action<Event>)waiter)(ev);
        }
    }
}
