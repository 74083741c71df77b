using Almab.Algorithms.Bandits;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Bandits;

/// <summary>The fused/shortcut decision paths choose exactly what the plain definitions choose.</summary>
public sealed class FastPathEquivalenceTests
{
    [Theory]
    [InlineData(1003, 10)]
    [InlineData(37, 5)]
    [InlineData(5, 5)]
    public void Cucb_fused_pass_selects_the_top_m_of_its_indices_with_ties_to_the_lower_arm(int arms, int m)
    {
        var policy = new CucbPolicy(arms, m);
        var rng = new Rng(5);
        var set = new int[m];
        var indices = new double[arms];
        for (int round = 0; round < 300; round++)
        {
            policy.ComputeIndices(indices);
            int[] expected = [.. Enumerable.Range(0, arms).OrderByDescending(i => indices[i]).ThenBy(i => i).Take(m)];
            policy.SelectSet(set);
            Assert.Equal(expected, set);
            foreach (int a in set)
            {
                policy.Update(a, rng.NextDouble() < 0.3 + 0.5 * a / arms ? 1 : 0); // 0/1 rewards: many exact ties
            }
        }
    }

    [Theory]
    [InlineData(5000, 10, 0)]
    [InlineData(777, 3, 1)]
    [InlineData(130, 64, 2)]
    [InlineData(65, 1, 3)]
    public void Cucb_pruned_pass_matches_a_full_sort_under_irregular_updates_and_reset(int arms, int m, int seed)
    {
        // The seeds, slack and block bounds only change the work: partial, repeated and off-set updates, continuous
        // and 0/1 rewards, a Reset in the middle and the long unseen phase must all give the full sort's set.
        var policy = new CucbPolicy(arms, m);
        var rng = new Rng((ulong)(11 + seed));
        var set = new int[m];
        var indices = new double[arms];
        for (int round = 0; round < 1500; round++)
        {
            if (round == 900)
            {
                policy.Reset();
            }

            policy.ComputeIndices(indices);
            int[] expected = [.. Enumerable.Range(0, arms).OrderByDescending(i => indices[i]).ThenBy(i => i).Take(m)];
            policy.SelectSet(set);
            Assert.Equal(expected, set);
            int mode = rng.Next(10);
            foreach (int a in set)
            {
                if (mode == 0 && rng.Next(2) == 0)
                {
                    continue; // part of the set not reported
                }

                double mu = 0.2 + 0.6 * ((a * 7919) % arms) / arms;
                policy.Update(a, mode < 5 ? (rng.NextDouble() < mu ? 1 : 0) : mu * rng.NextDouble());
                if (mode == 1)
                {
                    policy.Update(a, 1.0); // a second observation of the same arm
                }
            }

            if (mode == 2)
            {
                policy.Update(rng.Next(arms), rng.NextDouble()); // an arm outside the set
            }
        }
    }

    [Fact]
    public void LinUcb_select_is_the_argmax_of_its_index_while_most_arms_are_still_at_the_prior()
    {
        var policy = new LinUcbPolicy(300, 6, alpha: 0.7, lambda: 2.0);
        var rng = new Rng(9);
        var x = new double[6];
        for (int t = 0; t < 400; t++)
        {
            for (int j = 0; j < x.Length; j++)
            {
                x[j] = rng.NextDouble() - 0.3;
            }

            int expected = 0;
            for (int a = 1; a < policy.Arms; a++)
            {
                if (policy.Index(a, x) > policy.Index(expected, x))
                {
                    expected = a;
                }
            }

            int chosen = policy.Select(x);
            Assert.Equal(expected, chosen);
            policy.Update(chosen, x, rng.NextDouble());
        }
    }

    [Theory]
    [InlineData(203, 20, 1.0, 1.0, 700)]
    [InlineData(61, 7, 0.4, 2.5, 1500)]
    [InlineData(9, 3, 2.0, 0.5, 400)]
    public void LinUcb_packed_interleaved_models_choose_what_the_plain_full_matrix_definition_chooses(int arms, int d, double alpha, double lambda, int decisions)
    {
        // Reference: the textbook Algorithm 1 with a full d x d A^-1 per arm, plain loops, Sherman-Morrison updates.
        // The fast path sums in another order (symmetric triangle, fused multiply-adds), so scores agree to rounding
        // (checked to 1e-9 relative) and the chosen arm must be the same at every step.
        var policy = new LinUcbPolicy(arms, d, alpha, lambda);
        var inv = new double[arms][];
        var b = new double[arms][];
        for (int a = 0; a < arms; a++)
        {
            inv[a] = new double[d * d];
            b[a] = new double[d];
            for (int i = 0; i < d; i++)
            {
                inv[a][i * d + i] = 1.0 / lambda;
            }
        }

        var rng = new Rng(21);
        var x = new double[d];
        var u = new double[d];
        for (int t = 0; t < decisions; t++)
        {
            for (int j = 0; j < d; j++)
            {
                x[j] = rng.NextDouble() - 0.2;
            }

            int expected = 0;
            double bestScore = double.NegativeInfinity;
            for (int a = 0; a < arms; a++)
            {
                double mean = 0, q = 0;
                for (int i = 0; i < d; i++)
                {
                    double theta = 0;
                    for (int j = 0; j < d; j++)
                    {
                        theta += inv[a][i * d + j] * b[a][j];
                        q += x[i] * inv[a][i * d + j] * x[j];
                    }

                    mean += theta * x[i];
                }

                double score = mean + alpha * Math.Sqrt(Math.Max(q, 0));
                if (t % 97 == 0 && a % 5 == 0)
                {
                    Assert.Equal(score, policy.Index(a, x), Math.Abs(score) * 1e-9);
                }

                if (score > bestScore)
                {
                    bestScore = score;
                    expected = a;
                }
            }

            int chosen = policy.Select(x);
            Assert.Equal(expected, chosen);
            double reward = rng.NextDouble() < 0.3 + 0.5 * chosen / arms ? 1.0 : 0.0;
            policy.Update(chosen, x, reward);
            var m = inv[chosen];
            for (int i = 0; i < d; i++)
            {
                u[i] = 0;
                for (int j = 0; j < d; j++)
                {
                    u[i] += m[i * d + j] * x[j];
                }
            }

            double denom = 1;
            for (int i = 0; i < d; i++)
            {
                denom += x[i] * u[i];
            }

            for (int i = 0; i < d; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    m[i * d + j] -= u[i] * u[j] / denom;
                }

                b[chosen][i] += reward * x[i];
            }
        }
    }

    [Fact]
    public void Gaussian_thompson_select_equals_compute_indices_then_argmax_on_the_same_stream()
    {
        var a = new GaussianThompsonPolicy(50, new Seed(4), noiseVariance: 0.25, priorMean: 0.5);
        var b = new GaussianThompsonPolicy(50, new Seed(4), noiseVariance: 0.25, priorMean: 0.5);
        var draws = new double[50];
        var rng = new Rng(1);
        for (int t = 0; t < 500; t++)
        {
            b.ComputeIndices(draws);
            int expected = 0;
            for (int i = 1; i < draws.Length; i++)
            {
                expected = draws[i] > draws[expected] ? i : expected;
            }

            b.RegisterPull(expected);
            int chosen = a.Select();
            Assert.Equal(expected, chosen);
            double r = rng.NextDouble();
            a.Update(chosen, r);
            b.Update(expected, r);
            Assert.Equal(b.PosteriorMean(chosen), a.PosteriorMean(chosen));
        }
    }
}
