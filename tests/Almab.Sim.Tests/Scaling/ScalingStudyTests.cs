using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Scaling;

namespace Almab.Sim.Tests.Scaling;

public class ScalingStudyTests
{
    [Fact]
    public void Deterministic_work_without_overhead_scales_exactly()
    {
        // 480 unit tasks, no coordinator cost: makespan = ceil(480 / K) seconds, so speedup = K for divisors of 480.
        var cluster = new ClusterConfig { Workers = 1, TaskTime = new DeterministicDuration(1.0) };
        var points = ScalingStudy.Run(cluster, [1, 2, 4, 8, 16], 480, 1.0, 0.0, 3, new Seed(1));
        foreach (var p in points)
        {
            Assert.Equal(480.0 / p.Workers, p.MeanMakespanSeconds, 9);
            Assert.Equal(p.Workers, p.Speedup, 9);
        }
    }

    [Fact]
    public void Serial_coordinator_work_at_one_worker_adds_up()
    {
        // K = 1: each task's work then its serial update, one after the other: T1 = N (w + d).
        var cluster = new ClusterConfig { Workers = 1, TaskTime = new DeterministicDuration(1.0) };
        var points = ScalingStudy.Run(cluster, [1, 2], 100, 2.0, 0.5, 2, new Seed(1));
        Assert.Equal(100 * 2.5, points[0].MeanMakespanSeconds, 9);
    }

    [Fact]
    public void Result_does_not_depend_on_threads()
    {
        var cluster = new ClusterConfig { Workers = 1, TaskTime = LogNormalDuration.FromMean(1.0, 0.5) };
        var one = ScalingStudy.Run(cluster, [1, 3, 7], 200, 1.0, 0.02, 6, new Seed(42), threads: 1);
        var many = ScalingStudy.Run(cluster, [1, 3, 7], 200, 1.0, 0.02, 6, new Seed(42), threads: 4);
        Assert.Equal(one, many);
    }

    [Fact]
    public void Worker_list_must_start_at_one() =>
        Assert.Throws<ArgumentException>(() => ScalingStudy.Run(new ClusterConfig { Workers = 1 }, [2, 4], 10, 1, 0, 2, new Seed(1)));
}
