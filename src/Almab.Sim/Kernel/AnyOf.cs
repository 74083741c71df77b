namespace Almab.Sim.Kernel;

/// <summary>Succeeds when one constituent event has succeeded (at once when there are none, as SimPy); fails with a failure that comes first.</summary>
public sealed class AnyOf : Condition
{
    /// <summary>Creates the condition over <paramref name="events"/> of <paramref name="simulation"/>.</summary>
    public AnyOf(Simulation simulation, params Event[] events)
        : base(simulation, events)
    {
    }

    private protected override bool Holds(int succeeded, int total) => succeeded > 0 || total == 0;
}
