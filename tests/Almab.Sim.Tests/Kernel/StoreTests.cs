using Almab.Sim.Kernel;

namespace Almab.Sim.Tests.Kernel;

/// <summary>Store: FIFO items, waiting getters, capacity-blocked putters, cancellation.</summary>
public sealed class StoreTests
{
    [Fact]
    public void Items_come_out_in_the_order_they_went_in()
    {
        var sim = new Simulation();
        var store = new Store<int>(sim);
        var got = new List<(int Item, double Time)>();
        sim.Process(Producer());
        sim.Process(Consumer());
        sim.Run();
        Assert.Equal(new[] { (0, 0.0), (1, 1.0), (2, 2.0), (3, 3.0), (4, 4.0) }, got);

        IEnumerable<Event> Producer()
        {
            for (int i = 0; i < 5; i++)
            {
                yield return store.Put(i);
                yield return sim.Timeout(1);
            }
        }

        IEnumerable<Event> Consumer()
        {
            for (int i = 0; i < 5; i++)
            {
                var g = store.Get();
                yield return g;
                got.Add((g.Item, sim.Now));
            }
        }
    }

    [Fact]
    public void Getters_are_served_in_arrival_order()
    {
        var sim = new Simulation();
        var store = new Store<string>(sim);
        var gets = new[] { store.Get(), store.Get(), store.Get() };
        store.Put("x");
        store.Put("y");
        Assert.Equal("x", gets[0].Item);
        Assert.Equal("y", gets[1].Item);
        Assert.False(gets[2].Triggered);
        gets[2].Cancel();
        store.Put("z");
        Assert.False(gets[2].Triggered);
        Assert.Equal(1, store.Count);
        sim.Run();
        Assert.Equal("y", gets[1].Value);
    }

    [Fact]
    public void Full_store_blocks_puts_until_a_get_makes_room()
    {
        var sim = new Simulation();
        var store = new Store<int>(sim, capacity: 2);
        var log = new List<string>();
        sim.Process(Producer());
        sim.Process(Consumer());
        sim.Run();
        Assert.Equal(new[] { "put 0@0", "put 1@0", "got 0@5", "put 2@5", "got 1@10", "put 3@10" }, log);

        IEnumerable<Event> Producer()
        {
            for (int i = 0; i < 4; i++)
            {
                yield return store.Put(i);
                log.Add($"put {i}@{sim.Now}");
            }
        }

        IEnumerable<Event> Consumer()
        {
            for (int i = 0; i < 2; i++)
            {
                yield return sim.Timeout(5);
                var g = store.Get();
                yield return g;
                log.Add($"got {g.Item}@{sim.Now}");
            }
        }
    }

    [Fact]
    public void Cancelled_put_never_enters_the_store()
    {
        var sim = new Simulation();
        var store = new Store<char>(sim, capacity: 1);
        store.Put('a');
        var b = store.Put('b');
        var c = store.Put('c');
        b.Cancel();
        var g1 = store.Get();
        var g2 = store.Get();
        sim.Run();
        Assert.Equal('a', g1.Item);
        Assert.Equal('c', g2.Item);
        Assert.False(b.Triggered);
        Assert.True(c.Processed);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Store<int>(sim, 0));
    }
}
