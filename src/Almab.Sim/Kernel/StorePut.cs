namespace Almab.Sim.Kernel;

/// <summary>A put into a <see cref="Store{T}"/>: succeeds once the item is in the store.</summary>
/// <typeparam name="T">Item type.</typeparam>
public sealed class StorePut<T> : Event
{
    internal bool _waiting;

    internal StorePut(Simulation simulation, Store<T> store, T item)
        : base(simulation)
    {
        Store = store;
        Item = item;
    }

    /// <summary>The store.</summary>
    public Store<T> Store { get; }

    /// <summary>The item put.</summary>
    public T Item { get; internal set; }

    /// <summary>Withdraws the put if it still waits for room (no effect otherwise); the event then never triggers.</summary>
    public void Cancel()
    {
        _waiting = false;
        _shared = true; // Left in the store's queue until it reaches the front: a pooled put is then never reused.
    }

    /// <inheritdoc/>
    internal override void ReturnToPool()
    {
        ResetForPool();
        Store.Recycle(this);
    }
}
