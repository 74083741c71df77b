namespace Almab.Sim.Kernel;

/// <summary>
/// A FIFO buffer of items with optional capacity (SimPy's <c>Store</c>). <see cref="Put"/> returns an event that
/// succeeds once the item is in the store (at once while there is room); <see cref="Get"/> returns an event that
/// succeeds with the oldest item once there is one. Waiting puts and gets are served first come, first served, and the
/// hand-over happens when the matching put or get is made (SimPy does it one event later, at the same virtual time).
/// </summary>
/// <typeparam name="T">Item type; a struct item is never boxed unless <see cref="Event.Value"/> is read.</typeparam>
public sealed class Store<T>
{
    private readonly Simulation _sim;
    private readonly Queue<T> _items = new();
    private readonly Queue<StoreGet<T>> _getters = new();
    private readonly Queue<StorePut<T>> _putters = new();

    /// <summary>Creates a store of <paramref name="simulation"/> holding at most <paramref name="capacity"/> items (default unbounded).</summary>
    public Store(Simulation simulation, int capacity = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "capacity must be >= 1");
        }

        _sim = simulation;
        Capacity = capacity;
    }

    /// <summary>Maximum number of items held.</summary>
    public int Capacity { get; }

    /// <summary>Number of items held.</summary>
    public int Count => _items.Count;

    /// <summary>Puts <paramref name="item"/>; the event succeeds once the item is in the store.</summary>
    public StorePut<T> Put(T item)
    {
        var put = new StorePut<T>(_sim, this, item);
        if (_items.Count < Capacity)
        {
            Accept(put);
            ServeGetters();
        }
        else
        {
            put._waiting = true;
            _putters.Enqueue(put);
        }

        return put;
    }

    /// <summary>Takes the oldest item; the event succeeds with it (<see cref="StoreGet{T}.Item"/>) once there is one.</summary>
    public StoreGet<T> Get()
    {
        var get = new StoreGet<T>(_sim, this);
        _getters.Enqueue(get);
        get._waiting = true;
        ServeGetters();
        return get;
    }

    private void Accept(StorePut<T> put)
    {
        put._waiting = false;
        _items.Enqueue(put.Item);
        put.Trigger(true, null, EventPriority.Normal, 0);
    }

    private void ServeGetters()
    {
        while (true)
        {
            while (_getters.Count > 0 && !_getters.Peek()._waiting)
            {
                _getters.Dequeue(); // Cancelled.
            }

            if (_getters.Count == 0 || _items.Count == 0)
            {
                return;
            }

            var get = _getters.Dequeue();
            get._waiting = false;
            get.Item = _items.Dequeue();
            get.Trigger(true, null, EventPriority.Normal, 0);

            // Room was freed: admit the oldest waiting put, which may serve the next getter.
            while (_putters.Count > 0 && _items.Count < Capacity)
            {
                var put = _putters.Dequeue();
                if (put._waiting)
                {
                    Accept(put);
                }
            }
        }
    }
}
