using Almab.Sim.Cluster.Engine;

namespace Almab.Sim.Tests.Cluster.Engine;

/// <summary>The cluster engine's event order: time first, then scheduling order, a strict total order.</summary>
public sealed class EventKeyTests
{
    [Fact]
    public void Keys_sort_by_time_then_by_sequence()
    {
        var keys = new List<EventKey> { new(2.0, 1), new(1.0, 9), new(1.0, 3), new(0.5, 100), new(2.0, 0) };
        keys.Sort();
        Assert.Equal([new(0.5, 100), new(1.0, 3), new(1.0, 9), new(2.0, 0), new(2.0, 1)], keys);
    }

    [Fact]
    public void Comparison_is_antisymmetric_and_zero_only_for_equal_keys()
    {
        var keys = new[] { new EventKey(0.0, 0), new EventKey(0.0, 1), new EventKey(1e-300, 0), new EventKey(1.0, -1), new EventKey(1.0, 0) };
        foreach (var a in keys)
        {
            foreach (var b in keys)
            {
                Assert.Equal(Math.Sign(a.CompareTo(b)), -Math.Sign(b.CompareTo(a)));
                Assert.Equal(a == b, a.CompareTo(b) == 0);
            }
        }
    }
}
