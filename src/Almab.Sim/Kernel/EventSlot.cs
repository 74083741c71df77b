namespace Almab.Sim.Kernel;

/// <summary>One cell of <see cref="EventQueue"/>'s slot array (a struct, so storing an event needs no array type check).</summary>
internal struct EventSlot
{
    /// <summary>The scheduled event, or null when the slot is free.</summary>
    public Event? Event;
}
