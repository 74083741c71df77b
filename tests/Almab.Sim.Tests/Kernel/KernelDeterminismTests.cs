using System.Text;
using Almab.Algorithms.Randomness;
using Almab.Sim.Kernel;

namespace Almab.Sim.Tests.Kernel;

/// <summary>Same model and seed ⇒ the same trace, also with several simulations running on threads at once.</summary>
public sealed class KernelDeterminismTests
{
    /// <summary>A small shop: random arrivals, a priority resource, a store, interrupts and conditions, traced.</summary>
    internal static string Trace(ulong seed)
    {
        var sim = new Simulation();
        var rng = new Seed(seed).Derive("shop").CreateRng();
        var machines = new Resource(sim, 2);
        var parts = new Store<int>(sim, capacity: 3);
        var sb = new StringBuilder();
        var jobs = new List<Process>();

        IEnumerable<Event> Job(int id)
        {
            var me = sim.ActiveProcess!;
            using var req = machines.Request(priority: id % 3);
            yield return req;
            var part = parts.Get();
            yield return me.Catch(sim.AllOf(part, sim.Timeout(rng.NextExponential(0.5))));
            if (me.Fault is InterruptException)
            {
                sb.Append($"{sim.Now:R} job{id} interrupted\n");
                yield break;
            }

            yield return sim.Delay(rng.NextExponential(1.0));
            sb.Append($"{sim.Now:R} job{id} used part{part.Item}\n");
        }

        IEnumerable<Event> Source()
        {
            for (int i = 0; i < 300; i++)
            {
                yield return sim.Timeout(rng.NextExponential(0.8));
                jobs.Add(sim.Process(Job(i)));
            }
        }

        IEnumerable<Event> Supplier()
        {
            for (int i = 0; i < 400; i++)
            {
                yield return parts.Put(i);
                yield return sim.Timeout(rng.NextExponential(0.7));
            }
        }

        IEnumerable<Event> Saboteur()
        {
            while (sim.Now < 200)
            {
                yield return sim.Timeout(rng.NextExponential(2));
                // Only jobs waiting in their Catch-wrapped AllOf handle an interrupt: pick one from a random start.
                int start = jobs.Count > 0 ? rng.Next(jobs.Count) : 0;
                for (int k = 0; k < jobs.Count; k++)
                {
                    var victim = jobs[(start + k) % jobs.Count];
                    if (victim is { IsAlive: true, Target: AllOf })
                    {
                        victim.Interrupt("sabotage");
                        break;
                    }
                }
            }
        }

        sim.Process(Source());
        sim.Process(Supplier());
        sim.Process(Saboteur());
        sim.Run();
        sb.Append($"end {sim.Now:R} events {sim.ProcessedEvents}");
        return sb.ToString();
    }

    [Fact]
    public void Same_seed_gives_the_same_trace_and_another_seed_does_not()
    {
        string a = Trace(1), b = Trace(1), c = Trace(2);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Contains("interrupted", a);
        Assert.Contains("used part", a);
    }

    [Fact]
    public void Simulations_on_concurrent_threads_give_the_sequential_traces()
    {
        var seeds = new ulong[] { 1, 2, 3, 4, 5, 6, 7, 8 };
        var sequential = seeds.Select(Trace).ToArray();
        var parallel = new string[seeds.Length];
        var threads = new Thread[seeds.Length];
        for (int i = 0; i < seeds.Length; i++)
        {
            int k = i;
            threads[i] = new Thread(() => parallel[k] = Trace(seeds[k]));
        }

        foreach (var t in threads)
        {
            t.Start();
        }

        foreach (var t in threads)
        {
            t.Join();
        }

        Assert.Equal(sequential, parallel);
    }
}
