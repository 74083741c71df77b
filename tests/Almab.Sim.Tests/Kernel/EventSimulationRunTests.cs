using Almab.Sim.Kernel;

namespace Almab.Sim.Tests.Kernel;

/// <summary>
/// <see cref="EventSimulation{TEvent}.Run{THandler}(double, ref THandler)"/> has the process kernel's semantics (events
/// before <c>until</c> are processed, those at exactly <c>until</c> are left, the clock is set to <c>until</c>), checked
/// by running one model on both front ends side by side; and bad input fails with the process kernel's errors.
/// </summary>
public sealed class EventSimulationRunTests
{
    /// <summary>The follow-up delay of event <paramref name="id"/>: on a half-second grid, zero included, so many events fall on each until.</summary>
    private static double FollowUp(int id) => (id * 7919 % 5) * 0.5;

    private struct Recorder(List<(double, int)> log, int limit) : IEventHandler<int>
    {
        private int _next = 100;

        public void Handle(EventSimulation<int> simulation, in int ev)
        {
            log.Add((simulation.Now, ev));
            if (_next < limit)
            {
                simulation.Schedule(FollowUp(ev), _next++);
            }
        }
    }

    [Fact]
    public void Run_until_matches_the_process_kernel_segment_by_segment()
    {
        const int Limit = 2000;
        var typed = new EventSimulation<int>(initialTime: 1.0);
        var process = new Simulation(initialTime: 1.0);
        var typedLog = new List<(double, int)>();
        var processLog = new List<(double, int)>();
        int next = 100;
        void Fire(int id)
        {
            processLog.Add((process.Now, id));
            if (next < Limit)
            {
                int child = next++;
                process.Timeout(FollowUp(id)).AddCallback(_ => Fire(child));
            }
        }

        for (int id = 0; id < 100; id++)
        {
            int captured = id;
            typed.Schedule(FollowUp(id), id);
            process.Timeout(FollowUp(id)).AddCallback(_ => Fire(captured));
        }

        var handler = new Recorder(typedLog, Limit);
        foreach (double until in new[] { 1.0, 2.0, 2.0, 3.5, 7.0, 50.0, double.PositiveInfinity })
        {
            typed.Run(until, ref handler);
            process.Run(until);
            Assert.Equal(processLog, typedLog);
            Assert.Equal(process.Now, typed.Now);
            Assert.Equal(process.ScheduledEvents, typed.ScheduledEvents);
            Assert.Equal(process.PeekTime, typed.PeekTime);
            Assert.All(typedLog, e => Assert.True(e.Item1 < until));
            if (double.IsFinite(until))
            {
                Assert.Equal(until, typed.Now);
            }
        }

        Assert.Equal(Limit, typedLog.Count);
        Assert.Equal(process.ProcessedEvents, typed.ProcessedEvents);
    }

    [Fact]
    public void Events_at_exactly_until_are_left_for_the_next_run()
    {
        var sim = new EventSimulation<int>();
        sim.Schedule(1, 1);
        sim.Schedule(2, 2);
        sim.Schedule(2, 3, EventPriority.Urgent);
        var log = new List<(double, int)>();
        var handler = new Recorder(log, 0);
        sim.Run(2, ref handler);
        Assert.Equal([(1.0, 1)], log);
        Assert.Equal(2.0, sim.Now);
        Assert.Equal(2, sim.ScheduledEvents);
        sim.Run(2, ref handler); // until == Now: nothing is before it.
        Assert.Single(log);
        sim.Run(double.PositiveInfinity, ref handler);
        Assert.Equal([(1.0, 1), (2.0, 3), (2.0, 2)], log);
        Assert.Equal(2.0, sim.Now); // +infinity leaves the clock at the last event, as in the process kernel.
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1e-9)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Bad_delays_are_rejected_as_in_the_process_kernel(double delay)
    {
        var sim = new EventSimulation<int>();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => sim.Schedule(delay, 0));
        var expected = Assert.Throws<ArgumentOutOfRangeException>(() => new Simulation().Timeout(delay));
        Assert.Equal("delay", e.ParamName);
        Assert.Equal(expected.Message, e.Message);
        Assert.Equal(0, sim.ScheduledEvents);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(4.999)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_absolute_times_are_rejected(double time)
    {
        var sim = new EventSimulation<int>(initialTime: 5);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => sim.ScheduleAt(time, 0));
        Assert.Equal("time", e.ParamName);
        Assert.Contains("time must be a finite number of seconds >= Now (5 s)", e.Message);
        Assert.Equal(0, sim.ScheduledEvents);
        sim.ScheduleAt(5, 1); // Now itself is fine.
        Assert.True(sim.TryNext(out int ev));
        Assert.Equal(1, ev);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(2.5)]
    public void Until_before_now_or_nan_is_rejected_as_in_the_process_kernel(double until)
    {
        var sim = new EventSimulation<int>(initialTime: 3);
        var handler = new Recorder([], 0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => sim.Run(until, ref handler));
        var expected = Assert.Throws<ArgumentOutOfRangeException>(() => new Simulation(initialTime: 3).Run(until));
        Assert.Equal("until", e.ParamName);
        Assert.Equal(expected.Message, e.Message);
        Assert.Equal(3.0, sim.Now);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_start_times_are_rejected(double start)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new EventSimulation<int>(start));
        Assert.Equal("initialTime", e.ParamName);
    }

    [Fact]
    public void Undefined_priorities_are_rejected()
    {
        var sim = new EventSimulation<int>();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => sim.Schedule(1, 0, (EventPriority)2));
        Assert.Equal("priority", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.ScheduleAt(1, 0, (EventPriority)(-1)));
        Assert.Equal(0, sim.ScheduledEvents);
    }

    [Fact]
    public void An_empty_simulation_takes_nothing_and_keeps_its_clock()
    {
        var sim = new EventSimulation<int>(initialTime: -4.5);
        var handler = new Recorder([], 0);
        Assert.False(sim.TryNext(out int ev));
        Assert.Equal(0, ev);
        Assert.False(sim.Step(ref handler));
        sim.Run(ref handler);
        Assert.Equal(-4.5, sim.Now);
        Assert.Equal(0, sim.ProcessedEvents);
        sim.Run(10, ref handler);
        Assert.Equal(10.0, sim.Now);
    }
}
