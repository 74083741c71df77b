using Almab.Algorithms.MultiObjective.Indicators;
using Almab.Algorithms.Randomness;
using FsCheck;
using FsCheck.Xunit;

namespace Almab.Algorithms.Tests.MultiObjective;

/// <summary>Exact hypervolume against DEAP (Fonseca's C code) and against brute-force cell counting.</summary>
public sealed class HypervolumeTests
{
    [Theory]
    [MemberData(nameof(DeapFixtures.Names), MemberType = typeof(DeapFixtures))]
    public void Matches_deap_to_1e12_relative(string name)
    {
        var c = DeapFixtures.Get(name);
        double hv = Hypervolume.Compute(c.Points, c.Count, c.Reference);
        Assert.True(
            Math.Abs(hv - c.Hypervolume) <= 1e-12 * Math.Max(Math.Abs(c.Hypervolume), 1e-300) || hv == c.Hypervolume,
            $"{name}: Almab {hv:R}, DEAP {c.Hypervolume:R}");
    }

    [Property(MaxTest = 200)]
    public bool Matches_brute_force_on_small_sets(PositiveInt seedBox)
    {
        var rng = new Seed((ulong)seedBox.Get).Derive("hv-brute").CreateRng();
        int m = 2 + rng.Next(3);
        int n = 1 + rng.Next(m == 4 ? 6 : 9);
        var p = new double[n * m];
        for (int i = 0; i < p.Length; i++)
        {
            // A coarse grid makes ties and duplicates common; some points fall outside the reference.
            p[i] = rng.Next(9) / 8.0;
        }

        var r = Enumerable.Repeat(0.9, m).ToArray();
        double expected = BruteForceHypervolume.Compute(p, n, r);
        double actual = Hypervolume.Compute(p, n, r);
        return Math.Abs(expected - actual) <= 1e-12 * Math.Max(1.0, expected);
    }

    [Fact]
    public void Hand_computed_two_dimensional_staircase()
    {
        // Points (1,3), (2,2), (3,1) with reference (4,4): 3 + 2 + 1 unit columns of heights 1, 2, 3 → 6.
        Assert.Equal(6.0, Hypervolume.Compute([1, 3, 2, 2, 3, 1], 3, [4, 4]));
    }

    [Fact]
    public void Ratio_rejects_a_reference_no_worse_than_the_ideal()
    {
        var ex = Assert.Throws<ArgumentException>(() => new HypervolumeRatio([0, 0], [20, 0]));
        Assert.Contains("reference point must be worse than the ideal point", ex.Message);
        Assert.Throws<ArgumentException>(() => new HypervolumeRatio([0, 0], [20, 20, 20]));
    }

    [Fact]
    public void Ratio_divides_by_the_ideal_reference_box()
    {
        var ratio = new HypervolumeRatio([-20.5, -20.5], [-15.5, -15.5]);
        Assert.Equal(25.0, ratio.BoxVolume);
        Assert.Equal(1.0, ratio.Compute([-20.5, -20.5], 1), 12);
    }
}
