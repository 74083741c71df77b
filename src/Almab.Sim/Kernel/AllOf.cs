namespace Almab.Sim.Kernel;

/// <summary>Succeeds when every constituent event has succeeded (at once when there are none); fails with the first failure.</summary>
public sealed class AllOf : Condition
{
    /// <summary>Creates the condition over <paramref name="events"/> of <paramref name="simulation"/>.</summary>
    public AllOf(Simulation simulation, params Event[] events)
        : base(simulation, events)
    {
    }

    private protected override bool Holds(int succeeded, int total) => succeeded == total;
}
