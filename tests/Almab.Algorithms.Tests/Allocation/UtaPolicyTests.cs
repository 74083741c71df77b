using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Allocation;

public sealed class UtaPolicyTests
{
    [Fact]
    public void More_workers_than_tasks_picks_b_distinct_workers_uniformly()
    {
        const int n = 20;
        const int tasks = 5;
        const int rounds = 20_000;
        var uta = new UtaPolicy(n, new Seed(3));
        var a = new int[n];
        var counts = new int[n];
        for (int k = 0; k < rounds; k++)
        {
            uta.Allocate(tasks, a);
            Assert.Equal(tasks, a.Sum());
            for (int i = 0; i < n; i++)
            {
                Assert.InRange(a[i], 0, 1);
                counts[i] += a[i];
            }
        }

        // Each worker is chosen with probability B / n per round: Binomial(rounds, 1/4); 5 standard deviations.
        double p = tasks / (double)n;
        double sd = Math.Sqrt(rounds * p * (1 - p));
        Assert.All(counts, c => Assert.InRange(c, rounds * p - 5 * sd, rounds * p + 5 * sd));
    }

    [Fact]
    public void Fewer_workers_than_tasks_is_as_even_as_possible()
    {
        var uta = new UtaPolicy(4, new Seed(3));
        var a = new int[4];
        uta.Allocate(10, a);
        Assert.Equal(10, a.Sum());
        Assert.True(a.Max() - a.Min() <= 1);
        Assert.Equal(2, a.Count(x => x == 3));
    }

    [Fact]
    public void Same_seed_and_reset_replay_the_same_allocations()
    {
        var u1 = new UtaPolicy(9, new Seed(12));
        var u2 = new UtaPolicy(9, new Seed(12));
        var first = new List<int[]>();
        for (int k = 0; k < 5; k++)
        {
            var a1 = new int[9];
            var a2 = new int[9];
            u1.Allocate(4, a1);
            u2.Allocate(4, a2);
            Assert.Equal(a1, a2);
            first.Add(a1);
        }

        u1.Reset();
        foreach (var expected in first)
        {
            var a = new int[9];
            u1.Allocate(4, a);
            Assert.Equal(expected, a);
        }
    }
}
