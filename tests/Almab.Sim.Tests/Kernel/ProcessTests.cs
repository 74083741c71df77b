using Almab.Sim.Kernel;

namespace Almab.Sim.Tests.Kernel;

/// <summary>Processes: waiting, return values, fault propagation, Catch, exceptions, delays.</summary>
public sealed class ProcessTests
{
    [Fact]
    public void Process_waits_for_timeouts_and_succeeds_with_its_return_value()
    {
        var sim = new Simulation();
        var times = new List<double>();
        var p = sim.Process(Worker());
        Assert.True(p.IsAlive);
        sim.Run();
        Assert.Equal(new[] { 0.0, 1.5, 4.0 }, times);
        Assert.False(p.IsAlive);
        Assert.True(p.Ok);
        Assert.Equal("finished", p.Value);

        IEnumerable<Event> Worker()
        {
            times.Add(sim.Now);
            yield return sim.Timeout(1.5);
            times.Add(sim.Now);
            var t = sim.Timeout(2.5, 7);
            yield return t;
            Assert.Equal(7, t.Value);
            times.Add(sim.Now);
            sim.ActiveProcess!.Return("finished");
        }
    }

    [Fact]
    public void Process_can_wait_for_another_process_and_an_already_processed_event()
    {
        var sim = new Simulation();
        var child = sim.Process(Child());
        double resumed = -1;
        sim.Process(Parent());
        sim.Run();
        Assert.Equal(3, resumed);

        IEnumerable<Event> Child()
        {
            yield return sim.Timeout(3);
            sim.ActiveProcess!.Return(5);
        }

        IEnumerable<Event> Parent()
        {
            yield return child;
            Assert.Equal(5, child.Value);
            yield return child; // Processed already: continues at once.
            resumed = sim.Now;
        }
    }

    [Fact]
    public void Failed_event_kills_the_waiting_process_runs_its_finally_and_reaches_its_waiter()
    {
        var sim = new Simulation();
        var signal = sim.Event();
        var log = new List<string>();
        Exception? seenByParent = null;
        var child = sim.Process(Child());
        sim.Process(Parent());
        sim.Process(Failer());
        sim.Run();

        Assert.Equal(new[] { "child waits", "child finally" }, log); // "after" never ran.
        Assert.False(child.Ok);
        Assert.IsType<ArithmeticException>(child.Exception);
        Assert.IsType<ArithmeticException>(seenByParent);

        IEnumerable<Event> Child()
        {
            try
            {
                log.Add("child waits");
                yield return signal;
                log.Add("after");
            }
            finally
            {
                log.Add("child finally");
            }
        }

        IEnumerable<Event> Parent()
        {
            var me = sim.ActiveProcess!;
            yield return me.Catch(child);
            seenByParent = me.Fault;
        }

        IEnumerable<Event> Failer()
        {
            yield return sim.Timeout(1);
            signal.Fail(new ArithmeticException("bad"));
        }
    }

    [Fact]
    public void Unhandled_process_failure_stops_the_run_with_the_original_exception()
    {
        var sim = new Simulation();
        sim.Process(Thrower());
        var ex = Assert.Throws<FormatException>(() => sim.Run());
        Assert.Equal("from process code", ex.Message);
        Assert.Equal(2, sim.Now);

        IEnumerable<Event> Thrower()
        {
            yield return sim.Timeout(2);
            throw new FormatException("from process code");
        }
    }

    [Fact]
    public void Catch_lets_the_process_handle_a_failure_and_continue()
    {
        var sim = new Simulation();
        var e = sim.Event();
        var log = new List<string>();
        var p = sim.Process(Handler());
        e.Fail(new TimeoutException("late"));
        sim.Run();
        Assert.Equal(new[] { "caught late", "t=1" }, log);
        Assert.True(p.Ok);
        Assert.True(e.Defused);

        IEnumerable<Event> Handler()
        {
            var me = sim.ActiveProcess!;
            yield return me.Catch(e);
            log.Add("caught " + me.Fault!.Message);
            yield return sim.Timeout(1);
            Assert.Null(me.Fault);
            log.Add($"t={sim.Now}");
        }
    }

    [Fact]
    public void Yielding_a_non_event_fails_the_process()
    {
        var sim = new Simulation();
        var other = new Simulation();
        var p = sim.Process(Bad());
        var q = sim.Process(Foreign());
        var waiter = sim.Process(Waiter());
        sim.Run();
        Assert.IsType<InvalidOperationException>(p.Exception);
        Assert.IsType<InvalidOperationException>(q.Exception);

        IEnumerable<Event> Bad()
        {
            yield return null!;
        }

        IEnumerable<Event> Foreign()
        {
            yield return other.Timeout(1);
        }

        IEnumerable<Event> Waiter()
        {
            var me = sim.ActiveProcess!;
            yield return me.Catch(p);
            yield return me.Catch(q);
        }
    }

    [Fact]
    public void Delay_events_are_recycled_after_their_wait_unless_something_else_waits_on_them()
    {
        var sim = new Simulation();
        var seen = new List<Event>();
        var times = new List<double>();
        sim.Process(Loop());
        sim.Run();
        Assert.Equal(new[] { 1.0, 3.0, 6.0, 10.0, 15.0 }, times);
        // A delay returns to the pool after the step that follows its wait, so a lone process alternates two objects.
        Assert.Same(seen[0], seen[2]);
        Assert.Same(seen[1], seen[3]);
        // seen[2] was also waited on by an AnyOf: it is never handed out again.
        Assert.NotSame(seen[2], seen[4]);
        Assert.NotSame(seen[3], seen[4]);
        Assert.True(seen[2].Processed);

        IEnumerable<Event> Loop()
        {
            for (int i = 1; i <= 5; i++)
            {
                var d = sim.Delay(i);
                seen.Add(d);
                yield return i == 3 ? sim.AnyOf(d) : d;
                times.Add(sim.Now);
            }
        }
    }
}
