namespace Almab.Sim.Kernel;

/// <summary>Life cycle of an event: pending, then triggered (value set, scheduled), then processed (callbacks run).</summary>
internal enum EventState : byte
{
    /// <summary>Not triggered yet.</summary>
    Pending = 0,

    /// <summary>Value or failure set and scheduled, callbacks not run yet.</summary>
    Triggered = 1,

    /// <summary>Taken from the queue and its callbacks run.</summary>
    Processed = 2,
}
