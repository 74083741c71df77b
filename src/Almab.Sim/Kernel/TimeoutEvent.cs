namespace Almab.Sim.Kernel;

/// <summary>
/// An event that succeeds by itself after a delay (SimPy's <c>Timeout</c>); triggered at creation, processed at
/// <c>Now + delay</c>. Named <c>TimeoutEvent</c> because <c>System.Threading.Timeout</c> is imported implicitly.
/// Created by <see cref="Simulation.Timeout"/> and, reused per process, by <see cref="Simulation.Delay"/>.
/// </summary>
public sealed class TimeoutEvent : Event
{
    internal TimeoutEvent(Simulation simulation, double delay, object? value)
        : base(simulation)
    {
        Trigger(true, value, EventPriority.Normal, delay);
    }

    /// <summary>An untriggered timeout kept by a process for <see cref="Simulation.Delay"/>.</summary>
    internal TimeoutEvent(Simulation simulation)
        : base(simulation)
    {
    }
}
