namespace Almab.Sim.Kernel;

/// <summary>
/// What an <see cref="EventSimulation{TEvent}"/> does with each event it takes from its queue: the event routine of the
/// event-scheduling world view (a handler in OMNeT++/ns-3 terms, a callback in SimPy's). Implement it on a struct and
/// pass it to <see cref="EventSimulation{TEvent}.Run{THandler}(ref THandler)"/> and its siblings: they are generic over
/// the handler's type, so the JIT compiles one loop per struct handler with <see cref="Handle"/> called directly (and
/// usually inlined), not through the interface. A class works too, at the cost of an interface call per event.
/// </summary>
/// <typeparam name="TEvent">The event type (a small struct).</typeparam>
public interface IEventHandler<TEvent>
    where TEvent : struct
{
    /// <summary>
    /// Processes <paramref name="ev"/>, due at <paramref name="simulation"/>'s <see cref="EventSimulation{TEvent}.Now"/>
    /// (already advanced to the event's time); may schedule further events on <paramref name="simulation"/>.
    /// </summary>
    void Handle(EventSimulation<TEvent> simulation, in TEvent ev);
}
