namespace Almab.Sim.Kernel;

/// <summary>The waiters of an event that has more than one, in the order they were added.</summary>
internal sealed class WaiterList
{
    private object[] _items = new object[4];

    /// <summary>Number of waiters.</summary>
    public int Count { get; private set; }

    /// <summary>Waiter <paramref name="i"/>.</summary>
    public object this[int i] => _items[i];

    /// <summary>Appends a waiter.</summary>
    public void Add(object waiter)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Count * 2);
        }

        _items[Count++] = waiter;
    }

    /// <summary>Same waiter: the same object, or equal delegates (a method group converted twice).</summary>
    public static bool Same(object a, object b) => ReferenceEquals(a, b) || (a is Delegate d && b is Delegate e && d.Equals(e));

    /// <summary>Removes the first occurrence of <paramref name="waiter"/>, keeping the order of the others.</summary>
    public bool Remove(object waiter)
    {
        for (int i = 0; i < Count; i++)
        {
            if (Same(_items[i], waiter))
            {
                Array.Copy(_items, i + 1, _items, i, Count - i - 1);
                _items[--Count] = null!;
                return true;
            }
        }

        return false;
    }
}
