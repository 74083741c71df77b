namespace Almab.Sim.Kernel;

/// <summary>Priority of simultaneous events: urgent ones are processed before normal ones scheduled for the same time.</summary>
public enum EventPriority
{
    /// <summary>Before every normal event of the same time (process starts, interruptions), as SimPy's URGENT.</summary>
    Urgent = 0,

    /// <summary>The default for timeouts and triggered events, as SimPy's NORMAL.</summary>
    Normal = 1,
}
