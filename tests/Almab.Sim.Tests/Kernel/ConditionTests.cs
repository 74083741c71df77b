using Almab.Sim.Kernel;

namespace Almab.Sim.Tests.Kernel;

/// <summary>AllOf / AnyOf semantics and values (SimPy 3 Condition).</summary>
public sealed class ConditionTests
{
    [Fact]
    public void AllOf_waits_for_every_event_and_holds_all_values()
    {
        var sim = new Simulation();
        var a = sim.Timeout(1, "a");
        var b = sim.Timeout(3, "b");
        ConditionValue? value = null;
        double at = -1;
        sim.Process(Waiter());
        sim.Run();
        Assert.Equal(3, at);
        Assert.Equal(2, value!.Count);
        Assert.Equal("a", value[a]);
        Assert.Equal("b", value[b]);

        IEnumerable<Event> Waiter()
        {
            var all = sim.AllOf(a, b);
            yield return all;
            at = sim.Now;
            value = (ConditionValue)all.Value!;
        }
    }

    [Fact]
    public void AnyOf_fires_on_the_first_event_and_holds_only_the_events_that_happened()
    {
        var sim = new Simulation();
        var slow = sim.Timeout(5, "slow");
        var fast = sim.Timeout(2, "fast");
        ConditionValue? value = null;
        double at = -1;
        sim.Process(Waiter());
        sim.Run();
        Assert.Equal(2, at);
        Assert.True(value!.Contains(fast));
        Assert.False(value.Contains(slow));
        Assert.Throws<KeyNotFoundException>(() => value[slow]);
        Assert.Equal(new Event[] { fast }, value.Events);

        IEnumerable<Event> Waiter()
        {
            var any = sim.AnyOf(slow, fast);
            yield return any;
            at = sim.Now;
            value = (ConditionValue)any.Value!;
        }
    }

    [Fact]
    public void Simultaneous_events_all_appear_in_an_AnyOf_value()
    {
        var sim = new Simulation();
        var a = sim.Timeout(1, 1);
        var b = sim.Timeout(1, 2);
        var any = sim.AnyOf(a, b);
        sim.Run();
        // Both timeouts are processed before the condition (triggered by a, scheduled after b).
        Assert.Equal(2, ((ConditionValue)any.Value!).Count);
    }

    [Fact]
    public void Empty_conditions_succeed_at_once_and_nested_ones_are_flattened()
    {
        var sim = new Simulation();
        var all = sim.AllOf();
        var any = sim.AnyOf();
        var a = sim.Timeout(1, "a");
        var b = sim.Timeout(2, "b");
        var c = sim.Timeout(3, "c");
        var nested = sim.AllOf(sim.AnyOf(a, b), c);
        sim.Run();
        Assert.True(all.Ok);
        Assert.True(any.Ok);
        var v = (ConditionValue)nested.Value!;
        Assert.Equal(new Event[] { a, b, c }, v.Events);
    }

    [Fact]
    public void A_failing_constituent_fails_the_condition_and_is_defused()
    {
        var sim = new Simulation();
        var bad = sim.Event();
        var good = sim.Timeout(10);
        Exception? fault = null;
        double at = -1;
        sim.Process(Waiter());
        sim.Process(Breaker());
        sim.Run();
        Assert.IsType<DivideByZeroException>(fault);
        Assert.Equal(1, at);
        Assert.True(bad.Defused);

        IEnumerable<Event> Waiter()
        {
            var me = sim.ActiveProcess!;
            yield return me.Catch(sim.AllOf(good, bad));
            fault = me.Fault;
            at = sim.Now;
        }

        IEnumerable<Event> Breaker()
        {
            yield return sim.Timeout(1);
            bad.Fail(new DivideByZeroException());
        }
    }

    [Fact]
    public void Condition_over_already_processed_events_is_evaluated_at_once()
    {
        var sim = new Simulation();
        var a = sim.Timeout(1, "x");
        sim.Run();
        var all = sim.AllOf(a);
        Assert.True(all.Triggered);
        sim.Run();
        Assert.Equal("x", ((ConditionValue)all.Value!)[a]);
        Assert.Throws<ArgumentException>(() => sim.AllOf(new Simulation().Event()));
    }
}
