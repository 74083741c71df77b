namespace Almab.Sim.Kernel;

/// <summary>The fault delivered to a process by <see cref="Process.Interrupt"/> (SimPy's <c>Interrupt</c>).</summary>
public sealed class InterruptException : Exception
{
    /// <summary>Creates an interrupt carrying <paramref name="cause"/>.</summary>
    public InterruptException(object? cause)
        : base(cause is null ? "the process was interrupted" : $"the process was interrupted: {cause}")
    {
        Cause = cause;
    }

    /// <summary>What the interrupter passed to <see cref="Process.Interrupt"/>.</summary>
    public object? Cause { get; }
}
