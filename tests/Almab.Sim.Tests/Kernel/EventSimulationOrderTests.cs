using Almab.Algorithms.Randomness;
using Almab.Sim.Kernel;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almab.Sim.Tests.Kernel;

/// <summary>
/// The event-scheduling front end processes events exactly by (time, priority, scheduling order) — urgent before
/// normal, FIFO within a priority — at every queue size, through the calendar's growth, shrinking and rebuilds, with
/// events scheduled from inside the handler (due now and later). The reference is a sorted set of every pending
/// (time, priority, sequence) triple: each processed event must be its minimum.
/// </summary>
public sealed class EventSimulationOrderTests
{
    /// <summary>A random model: start time, how many events in all, time grid (0 = continuous), urgent share, follow-ups.</summary>
    public sealed record Model(int Seed, double Start, int Initial, int Total, int GridSteps, int UrgentPercent, int ZeroDelayPercent, bool ScaleChange);

    public static class Models
    {
        public static Arbitrary<Model> Any() =>
            (from seed in Gen.Choose(0, int.MaxValue)
             from start in Gen.Elements(0.0, 1e3, -250.5)
             from initial in Gen.Elements(1, 100, 600, 5000, 30_000)
             from extra in Gen.Choose(0, 40_000)
             from grid in Gen.Elements(0, 1, 3, 50)
             from urgent in Gen.Elements(0, 10, 50)
             from zero in Gen.Elements(0, 5, 30)
             from scale in Gen.Elements(true, false)
             select new Model(seed, start, initial, initial + extra, grid, urgent, zero, scale)).ToArbitrary();
    }

    /// <summary>The test's event: its scheduling number, priority and due time, so the handler can check the order.</summary>
    public readonly record struct Tagged(long Sequence, EventPriority Priority, double Time);

    /// <summary>Checks each event against the reference and schedules follow-ups until the model's total is reached.</summary>
    private struct Checker : IEventHandler<Tagged>
    {
        public SortedSet<(double Time, EventPriority Priority, long Sequence)> Pending;
        public Rng Rng;
        public Model Model;
        public long Scheduled;
        public long Mismatches;
        public double LastNow;

        public void Handle(EventSimulation<Tagged> simulation, in Tagged ev)
        {
            var min = Pending.Min;
            if (min != (ev.Time, ev.Priority, ev.Sequence) || simulation.Now != ev.Time || simulation.Now < LastNow)
            {
                Mismatches++;
            }

            Pending.Remove((ev.Time, ev.Priority, ev.Sequence));
            LastNow = simulation.Now;
            // 0, 1 or 2 follow-ups: the queue grows, holds and shrinks; at least one when it ran dry, so the total is reached.
            int followUps = Math.Max(Rng.Next(3), simulation.ScheduledEvents == 0 ? 1 : 0);
            for (int i = 0; i < followUps && Scheduled < Model.Total; i++)
            {
                Add(simulation, ref this);
            }
        }

        /// <summary>Schedules one event with a random delay and priority (half through ScheduleAt) and records it.</summary>
        public static void Add(EventSimulation<Tagged> simulation, ref Checker c)
        {
            double scale = c.Model.ScaleChange && c.Scheduled > c.Model.Total / 2 ? 1e-5 : 1.0; // Days calibrated for one scale, then another.
            double delay = c.Rng.Next(100) < c.Model.ZeroDelayPercent ? 0.0
                : c.Model.GridSteps == 0 ? c.Rng.NextExponential(scale) : c.Rng.Next(c.Model.GridSteps + 1) * scale;
            var priority = c.Rng.Next(100) < c.Model.UrgentPercent ? EventPriority.Urgent : EventPriority.Normal;
            double time = simulation.Now + delay;
            var ev = new Tagged(++c.Scheduled, priority, time);
            if (c.Rng.Next(2) == 0)
            {
                simulation.Schedule(delay, ev, priority);
            }
            else
            {
                simulation.ScheduleAt(time, ev, priority);
            }

            c.Pending.Add((time, priority, ev.Sequence));
        }
    }

    [Property(Arbitrary = new[] { typeof(Models) }, MaxTest = 30)]
    public bool Processes_by_time_then_priority_then_scheduling_order(Model m)
    {
        var sim = new EventSimulation<Tagged>(m.Start);
        var checker = new Checker
        {
            Pending = [],
            Rng = new Seed((ulong)m.Seed).Derive("event-simulation-order").CreateRng(),
            Model = m,
            LastNow = m.Start,
        };
        for (int i = 0; i < m.Initial; i++)
        {
            Checker.Add(sim, ref checker);
        }

        sim.Run(ref checker);
        return checker.Mismatches == 0 && checker.Pending.Count == 0 && sim.ProcessedEvents == m.Total
            && checker.Scheduled == m.Total && sim.ScheduledEvents == 0;
    }

    [Fact]
    public void Hundred_thousand_simultaneous_events_of_mixed_priority_come_out_urgent_first_each_in_scheduling_order()
    {
        const int N = 100_000;
        var sim = new EventSimulation<int>();
        var rng = new Seed(18).Derive("event-simulation-ties").CreateRng();
        var background = 0;
        for (int i = 0; i < 30_000; i++)
        {
            sim.Schedule(rng.NextExponential(2.0), -1); // Spread in time: the queue is a calendar, and grows below.
            background++;
        }

        var urgent = new List<int>();
        var normal = new List<int>();
        for (int i = 0; i < N; i++)
        {
            var priority = rng.Next(3) == 0 ? EventPriority.Urgent : EventPriority.Normal;
            (priority == EventPriority.Urgent ? urgent : normal).Add(i);
            sim.ScheduleAt(3.0, i, priority);
            if (i % 500 == 0)
            {
                sim.Schedule(rng.NextExponential(2.0), -1); // Growth and rebuilds between the ties.
                background++;
            }
        }

        var fired = new List<int>(N);
        double last = 0;
        while (sim.TryNext(out int ev))
        {
            Assert.True(sim.Now >= last);
            last = sim.Now;
            if (ev >= 0)
            {
                Assert.Equal(3.0, sim.Now);
                fired.Add(ev);
            }
        }

        Assert.Equal(urgent.Concat(normal), fired);
        Assert.Equal(N + background, sim.ProcessedEvents);
    }

    [Fact]
    public void Events_due_now_scheduled_by_a_handler_run_after_the_pending_ones_of_their_priority_and_before_later_times()
    {
        // At t = 1: A (normal), B (normal) pending. A schedules C (normal, delay 0), U (urgent, delay 0) and D (delay 1e-300,
        // absorbed: due at 1 too, through the timed queue). Expected: A, U (urgent beats the pending normals), B, C, D, E.
        var sim = new EventSimulation<char>();
        sim.Schedule(1, 'A');
        sim.Schedule(1, 'B');
        sim.Schedule(2, 'E');
        var log = new List<char>();
        var handler = new Logger(log);
        Assert.True(sim.Step(ref handler));
        Assert.Equal(1.0, sim.Now);
        sim.Schedule(0, 'C');
        sim.Schedule(0, 'U', EventPriority.Urgent);
        sim.Schedule(1e-300, 'D');
        Assert.Equal(1.0, sim.PeekTime);
        sim.Run(ref handler);
        Assert.Equal("AUBCDE", new string([.. log]));
        Assert.False(sim.Step(ref handler));
        Assert.False(sim.TryNext(out _));
        Assert.Equal(2.0, sim.Now);
        Assert.Equal(double.PositiveInfinity, sim.PeekTime);
    }

    private readonly struct Logger(List<char> log) : IEventHandler<char>
    {
        public void Handle(EventSimulation<char> simulation, in char ev) => log.Add(ev);
    }
}
