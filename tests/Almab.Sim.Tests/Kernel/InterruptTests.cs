using Almab.Sim.Kernel;

namespace Almab.Sim.Tests.Kernel;

/// <summary>Interrupts: delivery, causes, handled and unhandled, and the usual refusals.</summary>
public sealed class InterruptTests
{
    [Fact]
    public void Caught_interrupt_resumes_the_process_early_with_the_cause()
    {
        var sim = new Simulation();
        var log = new List<string>();
        var worker = sim.Process(Worker());
        sim.Process(Interrupter());
        sim.Run();
        Assert.Equal(new[] { "interrupted by repair at 3", "done at 5" }, log);
        Assert.True(worker.Ok);

        IEnumerable<Event> Worker()
        {
            var me = sim.ActiveProcess!;
            var work = sim.Timeout(10);
            yield return me.Catch(work);
            if (me.Fault is InterruptException i)
            {
                log.Add($"interrupted by {i.Cause} at {sim.Now}");
            }

            Assert.False(work.Processed); // Abandoned: it stays scheduled and resumes nobody at t = 10.
            yield return sim.Timeout(2);
            log.Add($"done at {sim.Now}");
        }

        IEnumerable<Event> Interrupter()
        {
            yield return sim.Timeout(3);
            worker.Interrupt("repair");
        }
    }

    [Fact]
    public void Uncaught_interrupt_kills_the_process_and_releases_its_resource()
    {
        var sim = new Simulation();
        var server = new Resource(sim, 1);
        var log = new List<string>();
        var holder = sim.Process(Holder());
        var next = sim.Process(Next());
        var watcher = sim.Process(Watcher());
        sim.Process(Interrupter());
        sim.Run();
        Assert.Equal(new[] { "next got the server at 4" }, log);
        Assert.IsType<InterruptException>(holder.Exception);
        Assert.Equal(0, server.InUse);

        IEnumerable<Event> Holder()
        {
            using var req = server.Request();
            yield return req;
            yield return sim.Timeout(100);
            log.Add("never");
        }

        IEnumerable<Event> Next()
        {
            using var req = server.Request();
            yield return req;
            log.Add($"next got the server at {sim.Now}");
        }

        IEnumerable<Event> Watcher()
        {
            yield return sim.ActiveProcess!.Catch(holder);
        }

        IEnumerable<Event> Interrupter()
        {
            yield return sim.Timeout(4);
            holder.Interrupt();
        }
    }

    [Fact]
    public void Interrupt_is_urgent_and_ends_the_wait_on_the_target()
    {
        var sim = new Simulation();
        var log = new List<string>();
        var gate = sim.Event();
        Process? victim = null;
        victim = sim.Process(Victim());
        sim.Process(Both());
        sim.Run();
        // The interrupt (urgent) is delivered before the gate (normal) although the gate was triggered first,
        // and the gate no longer resumes the victim.
        Assert.Equal(new[] { "interrupt x", "second wait ended at 2" }, log);

        IEnumerable<Event> Victim()
        {
            var me = sim.ActiveProcess!;
            yield return me.Catch(gate);
            log.Add("interrupt " + ((InterruptException)me.Fault!).Cause);
            yield return sim.Timeout(2);
            log.Add($"second wait ended at {sim.Now}");
        }

        IEnumerable<Event> Both()
        {
            gate.Succeed();
            victim!.Interrupt("x");
            yield break;
        }
    }

    [Fact]
    public void Interrupting_a_dead_process_or_oneself_is_refused()
    {
        var sim = new Simulation();
        Exception? self = null;
        var p = sim.Process(Self());
        sim.Run();
        Assert.IsType<InvalidOperationException>(self);
        Assert.Throws<InvalidOperationException>(() => p.Interrupt());

        IEnumerable<Event> Self()
        {
            self = Record.Exception(() => sim.ActiveProcess!.Interrupt());
            yield break;
        }
    }

    [Fact]
    public void Interrupt_before_the_process_starts_arrives_at_its_first_yield()
    {
        // As in SimPy, the start (urgent, scheduled first) runs before the interruption (urgent, scheduled later).
        var sim = new Simulation();
        var log = new List<string>();
        var p = sim.Process(Body());
        p.Interrupt("early");
        var ex = Assert.Throws<InterruptException>(() => sim.Run());
        Assert.Equal("early", ex.Cause);
        Assert.Equal(new[] { "started" }, log);
        Assert.False(p.IsAlive);
        Assert.Equal(0, sim.Now);

        IEnumerable<Event> Body()
        {
            log.Add("started");
            yield return sim.Timeout(5);
            log.Add("never");
        }
    }
}
