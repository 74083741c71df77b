namespace Almab.Sim.Kernel;

/// <summary>The urgent, already-defused failed event that carries an interrupt to its process (SimPy's <c>Interruption</c>).</summary>
internal sealed class Interruption : Event
{
    private readonly Process _process;

    /// <summary>Creates the interruption of <paramref name="process"/>.</summary>
    public Interruption(Process process, object? cause)
        : base(process._sim)
    {
        _process = process;
        Cause = cause;
    }

    /// <summary>The interrupter's cause.</summary>
    public object? Cause { get; }

    /// <summary>Hands the interrupt to the process when the event is processed.</summary>
    public void Deliver() => _process.Interrupted(this);
}
