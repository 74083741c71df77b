using Almab.Algorithms.Bandits;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Bandits;

/// <summary>CUCB (top-m semi-bandit) and the two-level hierarchical UCB for large arm sets.</summary>
public sealed class CombinatorialPolicyTests
{
    [Fact]
    public void Cucb_index_is_mean_plus_sqrt_3_ln_t_over_2_n()
    {
        var cucb = new CucbPolicy(4, 2);
        var set = new int[2];
        cucb.SelectSet(set);
        Assert.Equal([0, 1], set); // all +infinity: lowest indices first
        cucb.Update(0, 1.0);
        cucb.Update(1, 0.0);
        cucb.SelectSet(set);
        Assert.Equal([2, 3], set);
        cucb.Update(2, 0.5);
        cucb.Update(3, 0.25);
        cucb.Update(3, 0.75);
        var idx = new double[4];
        cucb.ComputeIndices(idx); // t = 2 rounds played
        Assert.Equal(1.0 + Math.Sqrt(3 * Math.Log(2) / 2), idx[0], 1e-15);
        Assert.Equal(0.0 + Math.Sqrt(3 * Math.Log(2) / 2), idx[1], 1e-15);
        Assert.Equal(0.5 + Math.Sqrt(3 * Math.Log(2) / 2), idx[2], 1e-15);
        Assert.Equal(0.5 + Math.Sqrt(3 * Math.Log(2) / 4), idx[3], 1e-15);
        cucb.SelectSet(set);
        Assert.Equal([0, 2], set);
    }

    [Fact]
    public void Top_m_oracle_agrees_with_a_full_sort_with_ties_to_the_lower_index()
    {
        var rng = new Seed(3).CreateRng();
        for (int trial = 0; trial < 200; trial++)
        {
            int n = 1 + rng.Next(300), m = 1 + rng.Next(n);
            var scores = new double[n];
            for (int i = 0; i < n; i++)
            {
                scores[i] = rng.Next(20) / 4.0; // many ties
            }

            var expected = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(m).ToArray();
            var dest = new int[m];
            new TopSelectorProbe(m).Select(scores, dest);
            Assert.Equal(expected, dest);
        }
    }

    [Fact]
    public void Cucb_learns_the_top_m_set_with_semi_bandit_feedback()
    {
        const int n = 50, m = 5, rounds = 4000;
        var means = Enumerable.Range(0, n).Select(i => i < m ? 0.8 : 0.4).ToArray();
        var cucb = new CucbPolicy(n, m);
        var rng = new Seed(8).CreateRng();
        var set = new int[m];
        int inTop = 0;
        for (int r = 0; r < rounds; r++)
        {
            cucb.SelectSet(set);
            foreach (int arm in set)
            {
                if (r >= rounds - 500 && arm < m)
                {
                    inTop++;
                }

                cucb.Update(arm, rng.NextDouble() < means[arm] ? 1 : 0);
            }
        }

        Assert.True(inTop > 0.85 * 500 * m, $"{inTop} of {500 * m} tail picks in the top set");
        Assert.Contains("set size m", Assert.Throws<ArgumentOutOfRangeException>(() => new CucbPolicy(3, 4)).Message);
    }

    [Fact]
    public void Hierarchical_ucb_splits_arms_in_sqrt_n_clusters_and_finds_the_good_cluster()
    {
        const int n = 10_000;
        var h = new HierarchicalUcbPolicy(n);
        Assert.Equal(100, h.Clusters);
        Assert.Equal(100, h.ClusterSize);
        Assert.Equal(37, h.ClusterOf(3712));
        // Cluster 42 holds the good arms (0.9); the rest pay 0.3. Rewards are Bernoulli.
        var rng = new Seed(4).CreateRng();
        int good = 0;
        const int pulls = 60_000;
        for (int t = 0; t < pulls; t++)
        {
            int arm = h.Select();
            bool inGood = h.ClusterOf(arm) == 42;
            if (t >= pulls - 10_000 && inGood)
            {
                good++;
            }

            h.Update(arm, rng.NextDouble() < (inGood ? 0.9 : 0.3) ? 1 : 0);
        }

        Assert.True(good > 7_000, $"only {good} of the last 10000 pulls in the good cluster");
    }

    /// <summary>Exposes the internal top-m selector through the public CUCB oracle: CUCB with given indices.</summary>
    private sealed class TopSelectorProbe(int m)
    {
        public void Select(double[] scores, int[] dest)
        {
            // A CUCB whose arms have each been seen once with reward = score maps scores monotonically to indices
            // (same bonus for all), so its oracle must return the top-m of the scores.
            var cucb = new CucbPolicy(scores.Length, m);
            double max = scores.Max() + 1;
            for (int i = 0; i < scores.Length; i++)
            {
                cucb.Update(i, scores[i] / max);
            }

            cucb.SelectSet(dest);
        }
    }
}
