namespace Almab.Sim.Kernel;

/// <summary>
/// A request for a slot of a <see cref="Kernel.Resource"/>: an event that succeeds when the slot is granted.
/// <see cref="Dispose"/> releases it (or cancels it while it waits), so <c>using</c> in a process releases the slot
/// even when the process is interrupted or fails.
/// </summary>
public sealed class Request : Event, IDisposable
{
    internal RequestStatus _status;

    internal Request(Simulation simulation, Resource resource, int priority)
        : base(simulation)
    {
        Resource = resource;
        Priority = priority;
        RequestTime = simulation.Now;
    }

    /// <summary>The resource requested.</summary>
    public Resource Resource { get; }

    /// <summary>Priority: lower values are served first.</summary>
    public int Priority { get; private set; }

    /// <summary>Virtual time (s) at which the request was made: <c>Now - RequestTime</c> after the grant is the wait.</summary>
    public double RequestTime { get; private set; }

    /// <summary>True while the request holds a slot (granted and not released).</summary>
    public bool IsGranted => _status == RequestStatus.Granted;

    /// <summary>True while the request waits for a slot.</summary>
    public bool IsWaiting => _status == RequestStatus.Waiting;

    /// <summary>Cancels a waiting request (no effect once granted, released or cancelled).</summary>
    public void Cancel()
    {
        if (_status == RequestStatus.Waiting)
        {
            Resource.Release(this);
        }
    }

    /// <summary>Releases the slot, or cancels the request if it still waits.</summary>
    public void Dispose() => Resource.Release(this);

    /// <summary>A recycled pooled request made anew (pending, no value: <see cref="Event.ResetForPool"/>).</summary>
    internal void Reuse(int priority, double now)
    {
        Priority = priority;
        RequestTime = now;
    }

    /// <summary>Processed (its grant): back to the pool if it was already released; otherwise <see cref="Kernel.Resource.Release"/> recycles it.</summary>
    internal override void ReturnToPool()
    {
        if (_status == RequestStatus.Released && _state == EventState.Processed)
        {
            ResetForPool();
            Resource.Recycle(this);
        }
    }
}
