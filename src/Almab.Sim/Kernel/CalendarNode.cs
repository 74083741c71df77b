namespace Almab.Sim.Kernel;

/// <summary>
/// One scheduled entry of <see cref="CalendarQueue{T}"/>, stored at a fixed slot of its node array while it waits:
/// the payload, its time and key, and the next slot of the same calendar bucket (a singly linked list).
/// </summary>
/// <typeparam name="T">The payload (an event of the kernel, a struct event of the cluster).</typeparam>
internal struct CalendarNode<T>
{
    /// <summary>The payload; reset when the entry leaves the queue so a processed event can be collected.</summary>
    public T Value;

    /// <summary>Virtual second at which the entry is due.</summary>
    public double Time;

    /// <summary>Tie-breaking key (smaller first among equal times).</summary>
    public long Key;

    /// <summary>Next slot in the same bucket, or -1.</summary>
    public int Next;
}
