using Almab.Sim.Kernel;

namespace Almab.Sim.Tests.Kernel;

/// <summary>Resource: capacity, FIFO, priorities, release, cancellation.</summary>
public sealed class ResourceTests
{
    private static IEnumerable<Event> User(Simulation sim, Resource r, string name, double arrive, double hold, int priority, List<string> log)
    {
        yield return sim.Timeout(arrive);
        using var req = r.Request(priority);
        yield return req;
        log.Add($"{name}@{sim.Now}");
        yield return sim.Timeout(hold);
    }

    [Fact]
    public void Requests_are_served_first_come_first_served_within_capacity()
    {
        var sim = new Simulation();
        var r = new Resource(sim, 2);
        var log = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            sim.Process(User(sim, r, $"u{i}", i * 0.1, 1, 0, log));
        }

        sim.Run();
        Assert.Equal(new[] { "u0@0", "u1@0.1", "u2@1", "u3@1.1", "u4@2" }, log);
        Assert.Equal(0, r.InUse);
        Assert.Equal(0, r.QueueLength);
    }

    [Fact]
    public void Lower_priority_value_is_served_first_and_FIFO_among_equals()
    {
        var sim = new Simulation();
        var r = new Resource(sim, 1);
        var log = new List<string>();
        sim.Process(User(sim, r, "holder", 0, 10, 5, log));
        (string Name, int Priority)[] waiting = { ("a", 3), ("b", 1), ("c", 3), ("d", 1), ("e", 2) };
        for (int i = 0; i < waiting.Length; i++)
        {
            sim.Process(User(sim, r, waiting[i].Name, 1 + i, 1, waiting[i].Priority, log));
        }

        sim.Run();
        Assert.Equal(new[] { "holder@0", "b@10", "d@11", "e@12", "a@13", "c@14" }, log);
    }

    [Fact]
    public void Cancelled_request_is_skipped_and_counts_update()
    {
        var sim = new Simulation();
        var r = new Resource(sim, 1);
        var first = r.Request();
        var second = r.Request();
        var third = r.Request();
        Assert.Equal(1, r.InUse);
        Assert.Equal(2, r.QueueLength);
        Assert.True(second.IsWaiting);
        second.Cancel();
        Assert.Equal(1, r.QueueLength);
        r.Release(first);
        Assert.True(third.IsGranted);
        Assert.False(second.Triggered);
        r.Release(first); // Idempotent.
        Assert.Equal(1, r.InUse);
        sim.Run();
        Assert.True(third.Processed);
        Assert.False(second.Processed);
        Assert.Throws<ArgumentException>(() => new Resource(sim).Release(third));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Resource(sim, 0));
    }

    [Fact]
    public void Waiting_time_is_measured_from_the_request()
    {
        var sim = new Simulation();
        var r = new Resource(sim);
        var tally = new Tally();
        for (int i = 0; i < 3; i++)
        {
            sim.Process(Customer());
        }

        sim.Run();
        Assert.Equal(3, tally.Count);
        Assert.Equal((0 + 2 + 4) / 3.0, tally.Mean, 12);

        IEnumerable<Event> Customer()
        {
            using var req = r.Request();
            yield return req;
            tally.Add(sim.Now - req.RequestTime);
            yield return sim.Timeout(2);
        }
    }
}
