using Almab.Algorithms.Randomness;
using Almab.Sim.Kernel;

namespace Almab.Sim.Tests.Kernel;

/// <summary>FIFO order of simultaneous events of the kernel at 10⁵ pending events, with both priorities.</summary>
public sealed class SimultaneousEventsTests
{
    [Fact]
    public void Hundred_thousand_simultaneous_timeouts_fire_in_scheduling_order_among_many_pending_events()
    {
        const int N = 100_000;
        var sim = new Simulation();
        var rng = new Seed(8).CreateRng();
        var fired = new List<int>(N);
        for (int i = 0; i < 50_000; i++)
        {
            sim.Timeout(rng.NextExponential(2.0)); // Background events spread in time: the queue is a calendar.
        }

        for (int i = 0; i < N; i++)
        {
            int id = i;
            sim.Timeout(3.0).AddCallback(_ => fired.Add(id));
            if (i % 1000 == 0)
            {
                sim.Timeout(rng.NextExponential(2.0)); // Growth and rebuilds happen between the ties.
            }
        }

        Assert.True(sim.ScheduledEvents > N);
        sim.Run();
        Assert.Equal(Enumerable.Range(0, N), fired);
    }

    [Fact]
    public void Urgent_starts_precede_normal_events_of_the_same_time_each_in_scheduling_order()
    {
        const int N = 100_000;
        var sim = new Simulation();
        var log = new List<int>(2 * N);
        var rng = new Seed(9).CreateRng();
        for (int i = 0; i < 20_000; i++)
        {
            sim.Timeout(rng.NextExponential(1.0));
        }

        sim.Timeout(0.5).AddCallback(_ =>
        {
            for (int i = 0; i < N; i++)
            {
                int id = i;
                if (i % 2 == 0)
                {
                    sim.Event().Succeed().AddCallback(_ => log.Add(id)); // Normal, due now.
                }
                else
                {
                    sim.Process(Start(id)); // Urgent start, due now.
                }
            }
        });
        sim.Run();
        var urgent = Enumerable.Range(0, N).Where(i => i % 2 == 1);
        var normal = Enumerable.Range(0, N).Where(i => i % 2 == 0);
        Assert.Equal(urgent.Concat(normal), log);

        IEnumerable<Event> Start(int id)
        {
            log.Add(id);
            yield break;
        }
    }

    [Fact]
    public void Hundred_thousand_processes_waking_at_once_resume_in_the_order_they_waited()
    {
        const int N = 100_000;
        var sim = new Simulation();
        var woke = new List<int>(N);
        for (int i = 0; i < N; i++)
        {
            sim.Process(Sleeper(i, 1.0 + (N - i) * 1e-6)); // Start times differ; all wake at t = 10.
        }

        sim.Run();
        var expected = Enumerable.Range(0, N).OrderBy(i => 1.0 + (N - i) * 1e-6).ToList(); // Waits were scheduled in this order.
        Assert.Equal(expected, woke);

        IEnumerable<Event> Sleeper(int id, double first)
        {
            yield return sim.Delay(first);
            yield return sim.Timeout(10.0 - sim.Now);
            woke.Add(id);
        }
    }
}
