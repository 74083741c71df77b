namespace Almab.Sim.Kernel;

/// <summary>Where a <see cref="Request"/> stands with its resource.</summary>
internal enum RequestStatus : byte
{
    /// <summary>Holds a slot.</summary>
    Granted = 0,

    /// <summary>Queued for a slot.</summary>
    Waiting = 1,

    /// <summary>Slot given back.</summary>
    Released = 2,

    /// <summary>Withdrawn before it was granted.</summary>
    Cancelled = 3,
}
