using Almab.Algorithms.Randomness;
using Almab.Sim.Kernel;

namespace Almab.Sim.Tests.Kernel;

/// <summary>TimeWeightedMonitor against hand-computed areas; Tally against two-pass formulas.</summary>
public sealed class MonitorTests
{
    [Fact]
    public void Time_weighted_statistics_match_hand_computed_areas()
    {
        // Level: 0 on [0,2), 3 on [2,5), 1 on [5,6), 0 on [6,10), 2 on [10,12) observed at t = 12.
        var sim = new Simulation();
        var m = new TimeWeightedMonitor(sim);
        (double At, double Level)[] steps = { (2, 3), (5, 1), (6, 0), (10, 2) };
        foreach (var (at, level) in steps)
        {
            sim.Timeout(at).AddCallback(_ => m.Set(level));
        }

        sim.Run(until: 12);
        double area = 3 * 3 + 1 * 1 + 2 * 2;
        Assert.Equal(area, m.Area, 12);
        Assert.Equal(area / 12, m.Mean, 12);
        Assert.Equal(3 + 1 + 2, m.BusyTime, 12);
        Assert.Equal(6.0 / 12, m.BusyFraction, 12);
        Assert.Equal(3, m.Max);
        Assert.Equal(0, m.Min);

        m.Reset();
        sim.Run(until: 15);
        Assert.Equal(2 * 3, m.Area, 12);
        Assert.Equal(2, m.Mean, 12);
        Assert.Equal(3, m.Elapsed, 12);
    }

    [Fact]
    public void Add_changes_the_level_by_increments()
    {
        var sim = new Simulation(initialTime: 1);
        var m = new TimeWeightedMonitor(sim, initialLevel: 1);
        sim.Timeout(1).AddCallback(_ => m.Add(2));  // t = 2: level 3
        sim.Timeout(3).AddCallback(_ => m.Add(-3)); // t = 4: level 0
        sim.Run(until: 5);
        Assert.Equal(1 * 1 + 3 * 2, m.Area, 12);
        Assert.Equal(3, m.BusyTime, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Set(double.NaN));
    }

    [Fact]
    public void Tally_matches_two_pass_mean_and_variance()
    {
        var rng = new Seed(5).CreateRng();
        var xs = new double[1000];
        var t = new Tally();
        for (int i = 0; i < xs.Length; i++)
        {
            xs[i] = 1e6 + rng.NextGaussian(); // Large offset: a naive sum of squares would lose digits.
            t.Add(xs[i]);
        }

        double mean = xs.Average();
        double ss = xs.Sum(x => (x - mean) * (x - mean));
        Assert.Equal(1000, t.Count);
        Assert.Equal(mean, t.Mean, 9);
        Assert.Equal(ss / 999, t.Variance, 9);
        Assert.Equal(xs.Min(), t.Min);
        Assert.Equal(xs.Max(), t.Max);
        t.Reset();
        Assert.True(double.IsNaN(t.Mean));
    }
}
