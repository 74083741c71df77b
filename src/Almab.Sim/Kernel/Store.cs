namespace Almab.Sim.Kernel;

/// <summary>
/// A FIFO buffer of items with optional capacity (SimPy's <c>Store</c>). <see cref="Put"/> returns an event that
/// succeeds once the item is in the store (at once while there is room); <see cref="Get"/> returns an event that
/// succeeds with the oldest item once there is one. Waiting puts and gets are served first come, first served, and the
/// hand-over happens when the matching put or get is made (SimPy does it one event later, at the same virtual time).
/// <see cref="GetPooled"/> and <see cref="PutPooled"/> are the same operations on events reused from a per-store pool
/// (the rule of <see cref="Simulation.Delay"/>), so a steady-state hand-over allocates nothing.
/// </summary>
/// <typeparam name="T">Item type; a struct item is never boxed unless <see cref="Event.Value"/> is read.</typeparam>
public sealed partial class Store<T>
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
    public StorePut<T> Put(T item) => PutCore(new StorePut<T>(_sim, this, item));

    /// <summary>Takes the oldest item; the event succeeds with it (<see cref="StoreGet{T}.Item"/>) once there is one.</summary>
    public StoreGet<T> Get() => GetCore(new StoreGet<T>(_sim, this));

    private StorePut<T> PutCore(StorePut<T> put)
    {
        if (_items.Count < Capacity)
        {
            if (_items.Count == 0 && FirstLiveGetter() is { } get)
            {
                // Empty store and a waiting getter: the item goes straight to it. Same triggers in the same order as
                // the general path (the put, then the get); no waiting put can be live while there is room.
                put._waiting = false;
                put.Trigger(true, null, EventPriority.Normal, 0);
                _getters.Dequeue();
                Hand(get, put.Item);
                return put;
            }

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

    private StoreGet<T> GetCore(StoreGet<T> get)
    {
        if (_getters.Count == 0 && _items.Count > 0)
        {
            // Nobody waits before this get and there is an item: served at once, as the general path would.
            Hand(get, _items.Dequeue());
            AdmitPutters();
            return get;
        }

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

    private static void Hand(StoreGet<T> get, T item)
    {
        get._waiting = false;
        get.Item = item;
        get.Trigger(true, null, EventPriority.Normal, 0);
    }

    /// <summary>Drops cancelled getters from the front; returns the first live one (left in the queue) or null.</summary>
    private StoreGet<T>? FirstLiveGetter()
    {
        while (_getters.Count > 0)
        {
            var g = _getters.Peek();
            if (g._waiting)
            {
                return g;
            }

            _getters.Dequeue(); // Cancelled.
        }

        return null;
    }

    /// <summary>Room was freed: admits the oldest waiting puts while there is room (cancelled ones are dropped).</summary>
    private void AdmitPutters()
    {
        while (_putters.Count > 0 && _items.Count < Capacity)
        {
            var put = _putters.Dequeue();
            if (put._waiting)
            {
                Accept(put);
            }
        }
    }

    private void ServeGetters()
    {
        while (true)
        {
            if (FirstLiveGetter() is null || _items.Count == 0)
            {
                return;
            }

            Hand(_getters.Dequeue(), _items.Dequeue());
            AdmitPutters(); // May serve the next getter.
        }
    }
}
