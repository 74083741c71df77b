namespace Almab.Sim.Kernel;

/// <summary>
/// A resource with <see cref="Capacity"/> identical slots (SimPy's <c>Resource</c> and <c>PriorityResource</c>):
/// <see cref="Request"/> returns an event that succeeds when a slot is granted. Waiting requests are served by
/// priority (lower value first), first come first served among equal priorities. <see cref="Release"/> frees the slot at
/// once and grants it to the next waiting request (whose event is processed at the current time); unlike SimPy it
/// returns no event, since releasing never waits. Releasing or disposing a request that still waits cancels it. No
/// preemption.
/// </summary>
/// <example><code>
/// using (var req = server.Request()) { yield return req; yield return sim.Timeout(service); }
/// </code></example>
public sealed partial class Resource
{
    private readonly Simulation _sim;
    private readonly RequestQueue _waiting = new();
    private long _sequence;

    /// <summary>Creates a resource of <paramref name="simulation"/> with <paramref name="capacity"/> slots.</summary>
    public Resource(Simulation simulation, int capacity = 1)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "capacity must be >= 1");
        }

        _sim = simulation;
        Capacity = capacity;
    }

    /// <summary>Number of slots.</summary>
    public int Capacity { get; }

    /// <summary>Number of slots held by granted, unreleased requests.</summary>
    public int InUse { get; private set; }

    /// <summary>Number of requests waiting for a slot.</summary>
    public int QueueLength { get; private set; }

    /// <summary>Requests a slot; <paramref name="priority"/>: lower is served first (default 0).</summary>
    public Request Request(int priority = 0) => RequestCore(new Request(_sim, this, priority), priority);

    private Request RequestCore(Request request, int priority)
    {
        if (InUse < Capacity)
        {
            Grant(request);
        }
        else
        {
            request._status = RequestStatus.Waiting;
            _waiting.Push(priority, ++_sequence, request);
            QueueLength++;
        }

        return request;
    }

    /// <summary>
    /// Releases a granted request and grants the freed slot; cancels a waiting one; does nothing for a request already
    /// released or cancelled.
    /// </summary>
    public void Release(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Resource != this)
        {
            throw new ArgumentException("the request belongs to another resource", nameof(request));
        }

        switch (request._status)
        {
            case RequestStatus.Granted:
                request._status = RequestStatus.Released;
                InUse--;
                while (InUse < Capacity && _waiting.Count > 0)
                {
                    var next = _waiting.Pop();
                    if (next._status == RequestStatus.Waiting)
                    {
                        QueueLength--;
                        Grant(next);
                    }
                }

                if (request._pooled && !request._shared && request._state == EventState.Processed)
                {
                    request.ResetForPool(); // Granted, processed and released: nothing refers to it any more.
                    Recycle(request);
                }

                break;
            case RequestStatus.Waiting:
                request._status = RequestStatus.Cancelled; // Left in the queue and skipped when it reaches the front.
                request._shared = true; // So a pooled request is never reused while it is still queued.
                QueueLength--;
                break;
        }
    }

    private void Grant(Request request)
    {
        request._status = RequestStatus.Granted;
        InUse++;
        request.Trigger(true, null, EventPriority.Normal, 0);
    }
}
