using Almab.Algorithms.Allocation;

namespace Almab.Algorithms.Tests.Allocation;

public sealed class OftaPolicyTests
{
    [Fact]
    public void Plays_ras_on_the_true_means_every_round_whatever_it_observes()
    {
        double[] means = [2.0, 4.0, 6.0, 8.0];
        var ofta = new OftaPolicy(means);
        var expected = new int[4];
        new RecursiveAllocationSelection().Solve(means, 7, expected);
        var a = new int[4];
        for (int k = 0; k < 3; k++)
        {
            ofta.Allocate(7, a);
            Assert.Equal(expected, a);
            ofta.Observe(3, 0.001);
        }

        // B changes: re-solved.
        var b = new int[4];
        ofta.Allocate(2, b);
        Assert.Equal(2, b.Sum());
    }

    [Fact]
    public void Rejects_non_positive_means()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new OftaPolicy([1.0, 0.0]));
        Assert.Contains("worker 1", ex.Message);
    }
}
