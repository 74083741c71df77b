using Almab.Algorithms.MultiObjective.Indicators;
using Almab.Algorithms.Randomness;
using FsCheck;
using FsCheck.Xunit;

namespace Almab.Algorithms.Tests.MultiObjective;

/// <summary>Non-dominated sorting and crowding distance against DEAP fixtures and a brute-force definition.</summary>
public sealed class NonDominatedSortingTests
{
    [Theory]
    [MemberData(nameof(DeapFixtures.Names), MemberType = typeof(DeapFixtures))]
    public void Ranks_match_deap_sortNondominated(string name)
    {
        var c = DeapFixtures.Get(name);
        var rank = new int[c.Count];
        NonDominatedSorting.Rank(c.Points, c.Count, c.M, rank);
        Assert.Equal(c.Rank, rank);
    }

    [Theory]
    [MemberData(nameof(DeapFixtures.Names), MemberType = typeof(DeapFixtures))]
    public void Crowding_matches_deap_times_objective_count(string name)
    {
        // DEAP's assignCrowdingDist divides each gap by m × range; Almab (Deb 2002) by range alone.
        var c = DeapFixtures.Get(name);
        var d = new double[c.FirstFront.Length];
        CrowdingDistance.Compute(c.Points, c.M, c.FirstFront, d);
        for (int i = 0; i < d.Length; i++)
        {
            double expected = c.CrowdingDeap[i] * c.M;
            if (double.IsPositiveInfinity(expected))
            {
                Assert.True(double.IsPositiveInfinity(d[i]), $"{name} member {i}");
            }
            else
            {
                Assert.True(Math.Abs(d[i] - expected) <= 1e-12 * Math.Max(1, expected), $"{name} member {i}: {d[i]} vs {expected}");
            }
        }
    }

    [Property(MaxTest = 200)]
    public bool Rank_is_the_longest_domination_chain(PositiveInt seedBox)
    {
        // Definition: rank(p) = 0 if nobody dominates p, else 1 + max rank of its dominators.
        var rng = new Seed((ulong)seedBox.Get).Derive("nds-brute").CreateRng();
        int m = 2 + rng.Next(3);
        int n = 1 + rng.Next(30);
        var p = new double[n * m];
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = rng.Next(6);
        }

        var rank = new int[n];
        NonDominatedSorting.Rank(p, n, m, rank);
        var expected = new int[n];
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int a = 0; a < n; a++)
            {
                for (int b = 0; b < n; b++)
                {
                    if (Dominance.Dominates(p.AsSpan(b * m, m), p.AsSpan(a * m, m)) && expected[a] < expected[b] + 1)
                    {
                        expected[a] = expected[b] + 1;
                        changed = true;
                    }
                }
            }
        }

        return expected.SequenceEqual(rank);
    }

    [Fact]
    public void Archive_keeps_only_distinct_non_dominated_points()
    {
        var archive = new ParetoArchive(2);
        Assert.True(archive.Offer([2, 2], [0]));
        Assert.False(archive.Offer([2, 2], [1]));
        Assert.False(archive.Offer([3, 2], [2]));
        Assert.True(archive.Offer([1, 3], [3]));
        Assert.True(archive.Offer([1, 1], [4]));
        Assert.Equal(1, archive.Count);
        Assert.Equal([4], archive.Solutions[0]);
    }
}
