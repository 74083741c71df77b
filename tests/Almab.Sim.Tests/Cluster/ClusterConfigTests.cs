using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Cluster.Faults;

namespace Almab.Sim.Tests.Cluster;

public sealed class ClusterConfigTests
{
    private static void Rejects<T>(Func<object> make, string name)
        where T : ArgumentException
    {
        var ex = Assert.Throws<T>(make);
        Assert.Equal(name, ex.ParamName);
        Assert.Contains(name, ex.Message);
    }

    [Fact]
    public void Bad_values_are_rejected_by_field_name()
    {
        Rejects<ArgumentOutOfRangeException>(() => new ClusterConfig { Workers = 0 }, "Workers");
        Rejects<ArgumentOutOfRangeException>(() => new ClusterConfig { Workers = 1, Dispatch = (DispatchMode)7 }, "Dispatch");
        Rejects<ArgumentNullException>(() => new ClusterConfig { Workers = 1, TaskTime = null! }, "TaskTime");
        Rejects<ArgumentOutOfRangeException>(() => new CommunicationModel { OverheadAlphaSeconds = double.NaN }, "OverheadAlphaSeconds");
        Rejects<ArgumentOutOfRangeException>(() => new CommunicationModel { OverheadBeta = -0.5 }, "OverheadBeta");
        Rejects<ArgumentOutOfRangeException>(() => new SlowdownModel(10, DeterministicDuration.Zero, 0.5), "factor");
        Rejects<ArgumentOutOfRangeException>(() => new SlowdownModel(double.PositiveInfinity, DeterministicDuration.Zero, 2), "meanSecondsBetween");
        Rejects<ArgumentOutOfRangeException>(() => new CrashModel(0, DeterministicDuration.Zero), "meanSecondsBetweenFailures");
    }

    [Fact]
    public void A_job_source_returning_bad_values_gets_a_clear_error()
    {
        var config = new ClusterConfig { Workers = 2 };
        var ex = Assert.Throws<InvalidOperationException>(
            () => ClusterSimulator.Run(config, new Seed(1), new CountingJobSource(3) { CompleteSeconds = double.NaN }));
        Assert.Contains("Complete", ex.Message);
        ex = Assert.Throws<InvalidOperationException>(() => ClusterSimulator.Run(config, new Seed(1), new CountingJobSource(3, -1.0)));
        Assert.Contains("WorkSeconds", ex.Message);
    }

    [Fact]
    public void Overhead_is_alpha_K_to_the_beta() =>
        Assert.Equal(0.1 * Math.Pow(16, 0.75), new CommunicationModel { OverheadAlphaSeconds = 0.1, OverheadBeta = 0.75 }.DecisionOverheadSeconds(16), 14);
}
