namespace Almab.Sim.Kernel;

/// <summary>The pooled operations of <see cref="Store{T}"/>.</summary>
public sealed partial class Store<T>
{
    private StoreGet<T>[] _freeGets = [];
    private int _freeGetCount;
    private StorePut<T>[] _freePuts = [];
    private int _freePutCount;

    /// <summary>
    /// <see cref="Get"/> on an event from this store's pool, for <c>var g = store.GetPooled(); yield return g; use(g.Item);</c>:
    /// the event goes back to the pool once it has been processed and the process waiting on it has resumed (so read
    /// <see cref="StoreGet{T}.Item"/> before the process's next <c>yield</c>). Yield it at once and do not keep the
    /// reference past that wait. An event that anything else waits on (a condition, a callback, a second process) or
    /// that is cancelled is never recycled. Same order and same events as <see cref="Get"/>.
    /// </summary>
    public StoreGet<T> GetPooled()
    {
        StoreGet<T> get;
        if (_freeGetCount > 0)
        {
            get = _freeGets[--_freeGetCount];
            _freeGets[_freeGetCount] = null!;
        }
        else
        {
            get = new StoreGet<T>(_sim, this) { _pooled = true };
        }

        return GetCore(get);
    }

    /// <summary>
    /// <see cref="Put"/> on an event from this store's pool, for <c>yield return store.PutPooled(x);</c> or a put that is
    /// not waited on: the event goes back to the pool once it has been processed (and the process waiting on it, if any,
    /// has resumed). Yield it at once or not at all, and do not keep the reference. An event that anything else waits on
    /// or that is cancelled is never recycled. Same order and same events as <see cref="Put"/>.
    /// </summary>
    public StorePut<T> PutPooled(T item)
    {
        StorePut<T> put;
        if (_freePutCount > 0)
        {
            put = _freePuts[--_freePutCount];
            _freePuts[_freePutCount] = null!;
            put.Item = item;
        }
        else
        {
            put = new StorePut<T>(_sim, this, item) { _pooled = true };
        }

        return PutCore(put);
    }

    internal void Recycle(StoreGet<T> get)
    {
        get.Item = default!;
        if (_freeGetCount == _freeGets.Length)
        {
            Array.Resize(ref _freeGets, Math.Max(4, 2 * _freeGetCount));
        }

        _freeGets[_freeGetCount++] = get;
    }

    internal void Recycle(StorePut<T> put)
    {
        put.Item = default!;
        if (_freePutCount == _freePuts.Length)
        {
            Array.Resize(ref _freePuts, Math.Max(4, 2 * _freePutCount));
        }

        _freePuts[_freePutCount++] = put;
    }
}
