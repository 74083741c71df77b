using Almab.Algorithms.Randomness;
using Almab.Sim.Kernel;

namespace Almab.Sim.Tests.Kernel;

/// <summary>Event ordering of the kernel: time, then priority, then insertion order; the run variants.</summary>
public sealed class SimulationOrderingTests
{
    [Fact]
    public void Events_are_processed_in_time_order_and_FIFO_among_equal_times()
    {
        var sim = new Simulation();
        var log = new List<string>();
        double[] delays = { 3, 1, 2, 1, 0, 3, 1 };
        for (int i = 0; i < delays.Length; i++)
        {
            int id = i;
            sim.Timeout(delays[i]).AddCallback(_ => log.Add($"{sim.Now}:{id}"));
        }

        sim.Run();
        Assert.Equal(new[] { "0:4", "1:1", "1:3", "1:6", "2:2", "3:0", "3:5" }, log);
    }

    [Fact]
    public void Heap_pops_in_key_order_for_random_schedules()
    {
        // Many equal times from a small grid exercise the tie-breaking; the reference is a stable sort.
        var rng = new Seed(11).CreateRng();
        var sim = new Simulation();
        var expected = new List<(double Time, int Id)>();
        var seen = new List<int>();
        for (int i = 0; i < 5000; i++)
        {
            double t = rng.Next(50) * 0.5;
            int id = i;
            expected.Add((t, id));
            sim.Timeout(t).AddCallback(_ => seen.Add(id));
        }

        var order = expected.OrderBy(e => e.Time).ThenBy(e => e.Id).Select(e => e.Id).ToList(); // LINQ OrderBy is stable.
        sim.Run();
        Assert.Equal(order, seen);
    }

    [Fact]
    public void Urgent_process_start_precedes_normal_events_of_the_same_time()
    {
        var sim = new Simulation();
        var log = new List<string>();
        sim.Event().Succeed().AddCallback(_ => log.Add("event"));
        sim.Process(Proc());
        sim.Run();
        Assert.Equal(new[] { "process", "event" }, log);

        IEnumerable<Event> Proc()
        {
            log.Add("process");
            yield break;
        }
    }

    [Fact]
    public void Triggered_events_follow_events_already_due_at_the_same_time()
    {
        var sim = new Simulation();
        var log = new List<string>();
        var manual = sim.Event();
        manual.AddCallback(_ => log.Add("manual"));
        sim.Timeout(1).AddCallback(_ =>
        {
            log.Add("first");
            manual.Succeed();
        });
        sim.Timeout(1).AddCallback(_ => log.Add("second"));
        sim.Run();
        Assert.Equal(new[] { "first", "second", "manual" }, log);
    }

    [Fact]
    public void Run_until_time_stops_before_events_at_that_time_and_sets_the_clock()
    {
        var sim = new Simulation();
        var seen = new List<double>();
        foreach (double d in new[] { 1.0, 2.0, 5.0 })
        {
            sim.Timeout(d).AddCallback(_ => seen.Add(sim.Now));
        }

        sim.Run(until: 2);
        Assert.Equal(new[] { 1.0 }, seen);
        Assert.Equal(2, sim.Now);
        sim.Run(until: 10);
        Assert.Equal(new[] { 1.0, 2.0, 5.0 }, seen);
        Assert.Equal(10, sim.Now);
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Run(until: 3));
    }

    [Fact]
    public void Run_until_event_returns_its_value_and_reports_a_dry_queue()
    {
        var sim = new Simulation();
        var t = sim.Timeout(4, "done");
        sim.Timeout(9);
        Assert.Equal("done", sim.Run(t));
        Assert.Equal(4, sim.Now);
        Assert.Equal(1, sim.ScheduledEvents);
        Assert.Throws<InvalidOperationException>(() => sim.Run(sim.Event()));
    }

    [Fact]
    public void Event_states_and_values_follow_the_life_cycle()
    {
        var sim = new Simulation();
        var e = sim.Event();
        Assert.False(e.Triggered);
        Assert.Throws<InvalidOperationException>(() => e.Value);
        e.Succeed(42);
        Assert.True(e.Triggered);
        Assert.False(e.Processed);
        Assert.True(e.Ok);
        Assert.Equal(42, e.Value);
        Assert.Throws<InvalidOperationException>(() => e.Succeed());
        sim.Run();
        Assert.True(e.Processed);
        Assert.Throws<InvalidOperationException>(() => e.AddCallback(_ => { }));
        Assert.Equal(1, sim.ProcessedEvents);
    }

    [Fact]
    public void Invalid_delays_are_rejected_with_the_argument_named()
    {
        var sim = new Simulation();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => sim.Timeout(-1));
        Assert.Equal("delay", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Timeout(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Timeout(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Delay(-0.5));
    }

    [Fact]
    public void Unhandled_failed_event_stops_the_run_and_a_defused_one_does_not()
    {
        var sim = new Simulation();
        sim.Event().Fail(new InvalidTimeZoneException("boom"));
        var ex = Assert.Throws<InvalidTimeZoneException>(() => sim.Run());
        Assert.Equal("boom", ex.Message);

        var quiet = new Simulation();
        var e = quiet.Event();
        e.AddCallback(ev => ev.Defused = true);
        e.Fail(new InvalidTimeZoneException("handled"));
        quiet.Run();
        Assert.False(e.Ok);
        Assert.IsType<InvalidTimeZoneException>(e.Exception);
    }

    [Fact]
    public void Callbacks_run_in_order_and_can_be_removed()
    {
        var sim = new Simulation();
        var log = new List<int>();
        var e = sim.Event();
        Action<Event> second = _ => log.Add(2);
        e.AddCallback(_ => log.Add(1));
        e.AddCallback(second);
        e.AddCallback(_ => log.Add(3));
        Assert.True(e.RemoveCallback(second));
        e.Succeed();
        sim.Run();
        Assert.Equal(new[] { 1, 3 }, log);
    }

    [Fact]
    public void Run_until_a_pooled_delay_stops_at_it()
    {
        var sim = new Simulation();
        Event? d = null;
        sim.Process(Proc());
        sim.Step(); // Starts the process, which schedules its delay.
        Assert.Null(sim.Run(d!));
        Assert.Equal(2, sim.Now);
        Assert.True(d!.Processed); // Not recycled: the run waited on it.

        IEnumerable<Event> Proc()
        {
            d = sim.Delay(2);
            yield return d;
            yield return sim.Delay(5);
        }
    }
}
