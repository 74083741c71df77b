using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Cluster.Faults;

namespace Almab.Sim.Tests.Cluster.Faults;

public sealed class WorkerTimelineTests
{
    private static readonly Seed S = new Seed(5).Derive("w");

    /// <summary>The episodes as an explicit list, drawn from the same stream in the documented order.</summary>
    private static List<(double Start, double End)> Episodes(SlowdownModel m, double horizon)
    {
        var rng = S.Derive("slowdown").CreateRng();
        var list = new List<(double, double)>();
        double end = 0;
        while (end < horizon)
        {
            double start = end + rng.NextExponential(m.MeanSecondsBetween);
            end = start + m.Duration.Sample(rng);
            list.Add((start, end));
        }

        return list;
    }

    /// <summary>Independent reference: integrate the progress rate over small steps of the explicit episode list.</summary>
    private static double FinishByStepping(List<(double Start, double End)> eps, double factor, double start, double work)
    {
        const double dt = 1e-4;
        double t = start, done = 0;
        while (true)
        {
            bool slow = eps.Exists(e => t >= e.Start && t < e.End);
            double rate = slow ? 1 / factor : 1;
            if (done + rate * dt >= work)
            {
                return t + (work - done) / rate;
            }

            done += rate * dt;
            t += dt;
        }
    }

    [Fact]
    public void Finish_stretches_exactly_the_overlap_with_slowdown_episodes()
    {
        var model = new SlowdownModel(3.0, new ExponentialDuration(2.0), 4.0);
        var eps = Episodes(model, 200);
        var timeline = new WorkerTimeline(model, null, S);
        double t = 0;
        int slowed = 0;
        for (int task = 0; task < 40; task++)
        {
            double work = 0.5 + (task % 5);
            double finish = timeline.Finish(t, work, double.PositiveInfinity);
            Assert.Equal(FinishByStepping(eps, 4.0, t, work), finish, 2e-3);
            Assert.InRange(finish - t, work - 1e-9, 4.0 * work + 1e-9);
            slowed += finish - t > work + 1e-9 ? 1 : 0;
            t = finish + 0.25;
        }

        Assert.True(slowed > 5, "the test should exercise slowdowns");
    }

    [Fact]
    public void Finish_beyond_the_limit_is_infinite_and_leaves_later_episodes_intact()
    {
        var model = new SlowdownModel(3.0, new ExponentialDuration(2.0), 4.0);
        var eps = Episodes(model, 200);
        var a = new WorkerTimeline(model, null, S);
        Assert.Equal(double.PositiveInfinity, a.Finish(0, 50, 10.0));
        // Restarting at the limit must see the same episodes as a fresh timeline.
        Assert.Equal(FinishByStepping(eps, 4.0, 10.0, 7.0), a.Finish(10.0, 7.0, double.PositiveInfinity), 2e-3);
    }

    [Fact]
    public void Crash_periods_follow_the_stream_and_down_time_adds_up()
    {
        var model = new CrashModel(10.0, new DeterministicDuration(2.0));
        var rng = S.Derive("crash").CreateRng();
        var timeline = new WorkerTimeline(null, model, S);
        double end = 0, down = 0;
        for (int i = 0; i < 30; i++)
        {
            double crash = end + rng.NextExponential(10.0);
            end = crash + 2.0;
            Assert.False(timeline.IsDown(crash - 1e-9));
            Assert.Equal(crash, timeline.NextCrash(crash - 1e-9));
            Assert.True(timeline.IsDown(crash));
            Assert.Equal(end, timeline.RepairAt);
            Assert.Equal(down + 1.0, timeline.DownSeconds(crash + 1.0), 9);
            down += 2.0;
        }

        Assert.Equal(down, timeline.DownSeconds(end), 9);
    }
}
