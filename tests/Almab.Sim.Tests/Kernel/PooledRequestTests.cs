using System.Text;
using Almab.Algorithms.Randomness;
using Almab.Sim.Kernel;

namespace Almab.Sim.Tests.Kernel;

/// <summary>
/// Resource.RequestPooled: recycled once granted (processed) and released, never when anything else waits on it or it is
/// cancelled; the same order as Request, checked against a trace recorded before the pool existed
/// (Fixtures/kernel/resource_trace_*.txt, written by <see cref="Trace"/> on commit 22923cf).
/// </summary>
public sealed class PooledRequestTests
{
    [Fact]
    public void A_pooled_request_is_reused_once_granted_and_released()
    {
        var sim = new Simulation();
        var res = new Resource(sim, 1);
        var seen = new List<Request>();
        var waits = new List<double>();
        sim.Process(User(0));
        sim.Process(User(0.5));
        sim.Run();
        // One slot: user 0 holds [0, 1], user 0.5 (asked at 0.5) holds [1, 2], user 0 (asked at 1) [2, 3], user 0.5 [3, 4].
        Assert.Equal(new[] { 0.0, 0.5, 1.0, 1.0 }, waits);

        // Each release comes after the request's grant was processed, so it returns to the pool at once and the same
        // user's next request (made right after the release) gets it back: two objects for four requests.
        Assert.NotSame(seen[0], seen[1]);
        Assert.Same(seen[0], seen[2]);
        Assert.Same(seen[1], seen[3]);

        IEnumerable<Event> User(double start)
        {
            yield return sim.Delay(start);
            for (int i = 0; i < 2; i++)
            {
                var req = res.RequestPooled();
                seen.Add(req);
                yield return req;
                waits.Add(sim.Now - req.RequestTime);
                yield return sim.Delay(1);
                res.Release(req);
            }
        }
    }

    [Fact]
    public void A_request_released_before_its_grant_is_processed_is_recycled_after_processing()
    {
        var sim = new Simulation();
        var res = new Resource(sim, 1);
        var a = res.RequestPooled();
        Assert.True(a.IsGranted);
        res.Release(a);
        Assert.True(a.Triggered);
        Assert.False(a.Processed);
        Assert.NotSame(a, res.RequestPooled()); // Still scheduled: not in the pool yet.
        sim.Run();
        var b = res.RequestPooled();
        Assert.Same(a, b);
        Assert.False(b.IsGranted); // The second request above still holds the only slot.
        Assert.True(b.IsWaiting);
    }

    [Fact]
    public void Shared_or_cancelled_pooled_requests_are_never_reused()
    {
        var sim = new Simulation();
        var res = new Resource(sim, 1);
        var held = res.RequestPooled();
        var cancelled = res.RequestPooled();
        Assert.True(cancelled.IsWaiting);
        cancelled.Cancel();
        var watched = res.RequestPooled();
        var any = sim.AnyOf(watched);
        res.Release(held);
        sim.Run();
        Assert.True(any.Processed);
        Assert.True(watched.IsGranted);
        res.Release(watched);
        Assert.Equal(0, res.InUse);

        // Only held (granted, processed, released, unshared) went back to the pool.
        Assert.Same(held, res.RequestPooled());
        var fresh = res.RequestPooled();
        Assert.NotSame(cancelled, fresh);
        Assert.NotSame(watched, fresh);
        Assert.True(fresh.IsWaiting);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Pooled_and_plain_requests_give_the_trace_recorded_before_the_pool(ulong seed)
    {
        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "kernel", $"resource_trace_{seed}.txt"));
        Assert.Equal(expected, Trace(seed, pooled: false));
        Assert.Equal(expected, Trace(seed, pooled: true));
    }

    /// <summary>
    /// A 3-server resource with 3 priorities: Poisson arrivals, customers that renege after a random patience
    /// (AnyOf + Cancel) or wait, hold for a random service and release (some by using-dispose); every grant is traced.
    /// </summary>
    internal static string Trace(ulong seed, bool pooled)
    {
        var sim = new Simulation();
        var rng = new Seed(seed).Derive("resource-trace").CreateRng();
        var res = new Resource(sim, 3);
        var sb = new StringBuilder();
        sim.Process(Source());
        sim.Run();
        sb.Append($"end {sim.Now:R} events {sim.ProcessedEvents} in use {res.InUse} queued {res.QueueLength}\n");
        return sb.ToString();

        IEnumerable<Event> Source()
        {
            for (int i = 0; i < 600; i++)
            {
                yield return sim.Delay(rng.NextExponential(0.3));
                sim.Process(Customer(i, rng.Next(3), rng.NextDouble() < 0.3, rng.NextExponential(1.0)));
            }
        }

        IEnumerable<Event> Customer(int id, int priority, bool impatient, double service)
        {
            var req = pooled ? res.RequestPooled(priority) : res.Request(priority);
            if (impatient)
            {
                yield return sim.AnyOf(req, sim.Timeout(0.5));
                if (!req.Triggered)
                {
                    req.Cancel();
                    sb.Append($"{sim.Now:R} c{id} reneged\n");
                    yield break;
                }
            }
            else
            {
                yield return req;
            }

            sb.Append($"{sim.Now:R} c{id} p{priority} granted after {sim.Now - req.RequestTime:R}\n");
            yield return sim.Delay(service);
            res.Release(req);
        }
    }
}
