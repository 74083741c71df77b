namespace Almab.Sim.Kernel;

/// <summary>A get from a <see cref="Store{T}"/>: succeeds with the item taken.</summary>
/// <typeparam name="T">Item type.</typeparam>
public sealed class StoreGet<T> : Event
{
    internal bool _waiting;

    internal StoreGet(Simulation simulation, Store<T> store)
        : base(simulation)
    {
        Store = store;
        Item = default!;
    }

    /// <summary>The store.</summary>
    public Store<T> Store { get; }

    /// <summary>The item taken, once the event has been triggered (default before).</summary>
    public T Item { get; internal set; }

    /// <summary>The item, boxed; rethrows a failure; throws while pending.</summary>
    public override object? Value
    {
        get
        {
            _ = base.Value; // Pending and failure checks.
            return Item;
        }
    }

    /// <summary>Withdraws the get if it still waits for an item (no effect otherwise); the event then never triggers.</summary>
    public void Cancel()
    {
        _waiting = false;
        _shared = true; // Left in the store's queue until it reaches the front: a pooled get is then never reused.
    }

    /// <inheritdoc/>
    internal override void ReturnToPool()
    {
        ResetForPool();
        Store.Recycle(this);
    }
}
