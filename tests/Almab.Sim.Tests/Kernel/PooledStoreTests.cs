using System.Text;
using Almab.Algorithms.Randomness;
using Almab.Sim.Kernel;

namespace Almab.Sim.Tests.Kernel;

/// <summary>
/// Store.GetPooled / PutPooled: the reuse rule of Simulation.Delay (recycled after the wait, never when anything else
/// waits on the event or it is cancelled), and the same order as Get / Put, checked against a trace of the store recorded
/// before the store's hand-over fast paths and pools existed (Fixtures/kernel/store_trace_*.txt, written by
/// <see cref="Trace"/> on commit 22923cf).
/// </summary>
public sealed class PooledStoreTests
{
    [Fact]
    public void Pooled_gets_and_puts_are_reused_after_their_wait_unless_something_else_waits_on_them()
    {
        var sim = new Simulation();
        var store = new Store<int>(sim);
        var gets = new List<StoreGet<int>>();
        var puts = new List<StorePut<int>>();
        var got = new List<(int Item, double Time)>();
        sim.Process(Producer());
        sim.Process(Consumer());
        sim.Run();
        Assert.Equal(new[] { (0, 1.0), (1, 2.0), (2, 3.0), (3, 4.0), (4, 5.0) }, got);

        // A get returns to the pool after the step that follows its wait, so a lone consumer alternates two objects;
        // the AnyOf-watched get (i == 2) is never handed out again.
        Assert.NotSame(gets[0], gets[1]);
        Assert.Same(gets[0], gets[2]);
        Assert.Same(gets[1], gets[3]);
        Assert.NotSame(gets[2], gets[4]);
        Assert.NotSame(gets[3], gets[4]);
        Assert.True(gets[2].Processed);
        Assert.Equal(2, gets[2].Item);

        // Puts not waited on are recycled once processed, so consecutive puts a step apart share one object.
        Assert.Same(puts[0], puts[1]);
        Assert.Same(puts[0], puts[4]);

        IEnumerable<Event> Producer()
        {
            for (int i = 0; i < 5; i++)
            {
                yield return sim.Delay(1);
                puts.Add(store.PutPooled(i));
            }
        }

        IEnumerable<Event> Consumer()
        {
            for (int i = 0; i < 5; i++)
            {
                var g = store.GetPooled();
                gets.Add(g);
                yield return i == 2 ? sim.AnyOf(g) : g;
                got.Add((g.Item, sim.Now));
            }
        }
    }

    [Fact]
    public void A_cancelled_pooled_get_is_never_reused_and_never_served()
    {
        var sim = new Simulation();
        var store = new Store<string>(sim);
        var cancelled = store.GetPooled();
        cancelled.Cancel();
        var live = store.GetPooled();
        Assert.NotSame(cancelled, live);
        store.PutPooled("a");
        Assert.Equal("a", live.Item); // Handed over at the put, read before the event is processed.
        sim.Run();
        Assert.False(cancelled.Triggered);

        // live was processed with no waiter and recycled; the cancelled one stays out of the pool.
        var next = store.GetPooled();
        Assert.Same(live, next);
        Assert.False(next.Triggered);
        Assert.Null(next.Item);
    }

    [Fact]
    public void A_full_store_blocks_pooled_puts_in_arrival_order()
    {
        var sim = new Simulation();
        var store = new Store<int>(sim, capacity: 1);
        var first = store.PutPooled(1);
        var second = store.PutPooled(2);
        var third = store.PutPooled(3);
        Assert.True(first.Triggered);
        Assert.False(second.Triggered);
        var g = store.GetPooled();
        Assert.Equal(1, g.Item);
        Assert.True(second.Triggered);
        Assert.False(third.Triggered);
        Assert.Equal(1, store.Count);
        sim.Run();
        Assert.Equal(2, store.GetPooled().Item);
        Assert.True(third.Triggered);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Pooled_and_plain_operations_give_the_trace_recorded_before_the_pools(ulong seed)
    {
        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "kernel", $"store_trace_{seed}.txt"));
        Assert.Equal(expected, Trace(seed, pooled: false));
        Assert.Equal(expected, Trace(seed, pooled: true));
    }

    /// <summary>
    /// Three producers and four consumers on a store of capacity 2: random delays, consumers that give up after a random
    /// patience (AnyOf + Cancel), producers that sometimes put without waiting; every hand-over is traced.
    /// </summary>
    internal static string Trace(ulong seed, bool pooled)
    {
        var sim = new Simulation();
        var root = new Seed(seed).Derive("store-trace");
        var store = new Store<int>(sim, capacity: 2);
        var sb = new StringBuilder();
        for (int p = 0; p < 3; p++)
        {
            sim.Process(Producer(p, root.Derive("producer").Derive(p).CreateRng()));
        }

        for (int c = 0; c < 4; c++)
        {
            sim.Process(Consumer(c, root.Derive("consumer").Derive(c).CreateRng()));
        }

        sim.Run();
        sb.Append($"end {sim.Now:R} events {sim.ProcessedEvents} left {store.Count}\n");
        return sb.ToString();

        StorePut<int> Put(int item) => pooled ? store.PutPooled(item) : store.Put(item);
        StoreGet<int> Get() => pooled ? store.GetPooled() : store.Get();

        IEnumerable<Event> Producer(int p, Rng rng)
        {
            for (int i = 0; i < 200; i++)
            {
                yield return sim.Delay(rng.NextExponential(0.25)); // Faster than the consumers: the store fills.
                double asked = sim.Now;
                int item = 1000 * p + i;
                if (rng.NextDouble() < 0.3)
                {
                    Put(item); // Not waited on.
                    sb.Append($"{sim.Now:R} p{p} drop {item}\n");
                }
                else
                {
                    yield return Put(item);
                    sb.Append($"{sim.Now:R} p{p} put {item} asked {asked:R}\n");
                }
            }
        }

        IEnumerable<Event> Consumer(int c, Rng rng)
        {
            for (int i = 0; i < 180; i++)
            {
                var g = Get();
                if (rng.NextDouble() < 0.5)
                {
                    yield return g;
                    sb.Append($"{sim.Now:R} c{c} got {g.Item}\n");
                }
                else
                {
                    var patience = sim.Timeout(rng.NextExponential(0.5));
                    yield return sim.AnyOf(g, patience);
                    if (g.Triggered)
                    {
                        sb.Append($"{sim.Now:R} c{c} got {g.Item} in time\n");
                    }
                    else
                    {
                        g.Cancel();
                        sb.Append($"{sim.Now:R} c{c} gave up\n");
                    }
                }

                yield return sim.Delay(rng.NextExponential(0.4));
            }
        }
    }
}
