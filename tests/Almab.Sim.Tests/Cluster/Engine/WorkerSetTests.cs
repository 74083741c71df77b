using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster.Engine;

namespace Almab.Sim.Tests.Cluster.Engine;

/// <summary>The engine's two-level worker bitset finds the same next member as a sorted set, at every size.</summary>
public sealed class WorkerSetTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(100_000)]
    public void Next_member_matches_a_sorted_set_under_random_adds_and_removes(int workers)
    {
        var rng = new Seed(3).Derive("worker-set").Derive(workers).CreateRng();
        var set = new WorkerSet(workers);
        var reference = new SortedSet<int>();
        for (int op = 0; op < 20_000; op++)
        {
            int w = rng.Next(workers);
            if (rng.Next(2) == 0)
            {
                set.Add(w);
                reference.Add(w);
            }
            else
            {
                set.Remove(w);
                reference.Remove(w);
            }

            int from = rng.Next(workers + 1);
            var after = reference.GetViewBetween(from, int.MaxValue);
            Assert.Equal(after.Count > 0 ? after.Min : -1, set.NextAtOrAfter(from));
        }

        var listed = new List<int>();
        for (int w = set.NextAtOrAfter(0); w >= 0; w = set.NextAtOrAfter(w + 1))
        {
            listed.Add(w);
        }

        Assert.Equal(reference, listed);
    }
}
