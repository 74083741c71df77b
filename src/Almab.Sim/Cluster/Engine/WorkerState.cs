namespace Almab.Sim.Cluster.Engine;

/// <summary>What a worker is doing from the coordinator's point of view (crashes of idle workers are read from its timeline).</summary>
internal enum WorkerState : byte
{
    /// <summary>Nothing assigned.</summary>
    Idle,

    /// <summary>A job was created for it or is on its way to it.</summary>
    Reserved,

    /// <summary>Running an attempt.</summary>
    Busy,

    /// <summary>Found crashed (running, receiving a job or being offered one); a repair event is scheduled.</summary>
    Down,
}
