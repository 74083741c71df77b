namespace Almab.Sim.Kernel;

/// <summary>The pooled requests of <see cref="Resource"/>.</summary>
public sealed partial class Resource
{
    private Request[] _free = [];
    private int _freeCount;

    /// <summary>
    /// <see cref="Request(int)"/> on a request from this resource's pool, for
    /// <c>var req = res.RequestPooled(); yield return req; ... res.Release(req);</c>: the request goes back to the pool
    /// once it has been both granted (its event processed) and released, so a steady-state acquire/release cycle
    /// allocates nothing. Do not use the reference after <see cref="Release"/> (or <see cref="Kernel.Request.Dispose"/>).
    /// A request that anything other than one process waits on (a condition, a callback), or that is cancelled while it
    /// waits, is never recycled. Same order and same events as <see cref="Request(int)"/>.
    /// </summary>
    public Request RequestPooled(int priority = 0)
    {
        Request request;
        if (_freeCount > 0)
        {
            request = _free[--_freeCount];
            _free[_freeCount] = null!;
            request.Reuse(priority, _sim.Now);
        }
        else
        {
            request = new Request(_sim, this, priority) { _pooled = true };
        }

        return RequestCore(request, priority);
    }

    internal void Recycle(Request request)
    {
        if (_freeCount == _free.Length)
        {
            Array.Resize(ref _free, Math.Max(4, 2 * _freeCount));
        }

        _free[_freeCount++] = request;
    }
}
