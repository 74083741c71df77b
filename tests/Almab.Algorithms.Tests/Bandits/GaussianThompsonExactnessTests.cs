using Almab.Algorithms.Bandits;
using Almab.Algorithms.Randomness;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Almab.Algorithms.Tests.Bandits;

/// <summary>
/// Gaussian TS's Select (prior group drawn as one maximum, heap-pruned exact draws, thinning of the rest) must pick
/// each arm with exactly the probability of the plain definition, argmax of one posterior draw per arm:
/// P(i) = integral of phi_i(x) prod_{j != i} Phi_j(x) dx. Fixed seeds; the chi-square bound (p = 1e-6) fails for a
/// Select that skips the thinning, the prior group or the truncated draw (checked by hand when the test was written).
/// </summary>
public sealed class GaussianThompsonExactnessTests
{
    public static TheoryData<int> Instances() => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(Instances))]
    public void Select_matches_the_exact_argmax_probabilities(int instance)
    {
        var policy = Build(instance, out _);
        var p = ExactProbabilities(policy);
        var counts = new long[policy.Arms];
        const int draws = 200_000;
        for (int t = 0; t < draws; t++)
        {
            int a = policy.Select();
            counts[a]++;
            policy.Abandon(a); // back to the same posterior
        }

        var (chi2, df) = ChiSquare(counts, p.Select(q => q * draws).ToArray());
        double bound = ChiSquared.InvCDF(df, 1 - 1e-6);
        Assert.True(chi2 < bound, $"instance {instance}: chi2 = {chi2:F1} on {df} df (bound {bound:F1})");

        // Arms with equal posteriors pooled (more power where each arm alone is rare).
        var group = Enumerable.Range(0, policy.Arms).Select(a => (policy.PosteriorMean(a), policy.PosteriorVariance(a))).ToArray();
        var keys = group.Distinct().ToArray();
        var pooledCounts = keys.Select(k => Enumerable.Range(0, policy.Arms).Where(a => group[a] == k).Sum(a => counts[a])).ToArray();
        var pooledExpected = keys.Select(k => Enumerable.Range(0, policy.Arms).Where(a => group[a] == k).Sum(a => p[a]) * draws).ToArray();
        var (chi2g, dfg) = ChiSquare(pooledCounts, pooledExpected);
        if (dfg > 0)
        {
            double boundg = ChiSquared.InvCDF(dfg, 1 - 1e-6);
            Assert.True(chi2g < boundg, $"instance {instance}: pooled chi2 = {chi2g:F1} on {dfg} df (bound {boundg:F1})");
        }
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public void Select_and_the_plain_draw_every_arm_reference_agree(int instance)
    {
        // Two-sample chi-square between Select and the reference implementation below on the same posteriors.
        var policy = Build(instance, out _);
        var mean = Enumerable.Range(0, policy.Arms).Select(policy.PosteriorMean).ToArray();
        var sd = Enumerable.Range(0, policy.Arms).Select(a => Math.Sqrt(policy.PosteriorVariance(a))).ToArray();
        var reference = new PlainGaussianThompson(mean, sd, new Rng(77));
        const int draws = 100_000;
        var fast = new long[policy.Arms];
        var plain = new long[policy.Arms];
        for (int t = 0; t < draws; t++)
        {
            int a = policy.Select();
            fast[a]++;
            policy.Abandon(a);
            plain[reference.Select()]++;
        }

        // Pooled expectation per arm; cells with a small pooled count are merged.
        var pooled = fast.Zip(plain, (x, y) => (x + y) / 2.0).ToArray();
        var (chi2a, dfa) = ChiSquare(fast, pooled);
        var (chi2b, _) = ChiSquare(plain, pooled);
        double bound = ChiSquared.InvCDF(dfa, 1 - 1e-6);
        Assert.True(chi2a + chi2b < bound, $"instance {instance}: two-sample chi2 = {chi2a + chi2b:F1} on {dfa} df (bound {bound:F1})");
    }

    [Fact]
    public void Reference_itself_matches_the_exact_probabilities()
    {
        // The plain reference and the integration agree, so the two tests above compare against the same law.
        var policy = Build(0, out _);
        var p = ExactProbabilities(policy);
        var mean = Enumerable.Range(0, policy.Arms).Select(policy.PosteriorMean).ToArray();
        var sd = Enumerable.Range(0, policy.Arms).Select(a => Math.Sqrt(policy.PosteriorVariance(a))).ToArray();
        var reference = new PlainGaussianThompson(mean, sd, new Rng(5));
        const int draws = 100_000;
        var counts = new long[policy.Arms];
        for (int t = 0; t < draws; t++)
        {
            counts[reference.Select()]++;
        }

        var (chi2, df) = ChiSquare(counts, p.Select(q => q * draws).ToArray());
        Assert.True(chi2 < ChiSquared.InvCDF(df, 1 - 1e-6), $"chi2 = {chi2:F1} on {df} df");
        Assert.Equal(1.0, p.Sum(), 1e-6);
    }

    /// <summary>
    /// 0: one sharp good arm, 30 wide mediocre arms (mostly thinned), 12 arms at a narrow prior (one group);
    /// 1: 200 arms of which 190 at the prior (the large-N case: the prior group's maximum dominates);
    /// 2: 60 arms, all updated, nearly homogeneous wide posteriors (many exact draws and thinning candidates);
    /// 3: 1500 arms in five posterior classes (most arms thinned, many accepted candidates).
    /// </summary>
    private static GaussianThompsonPolicy Build(int instance, out int arms)
    {
        var rng = new Rng((ulong)(100 + instance));
        GaussianThompsonPolicy policy;
        switch (instance)
        {
            case 0:
                arms = 43;
                policy = new GaussianThompsonPolicy(arms, new Seed(31), noiseVariance: 0.25, priorMean: 0.5, priorVariance: 0.04);
                for (int i = 0; i < 40; i++)
                {
                    policy.Update(0, 0.9 + 0.1 * (rng.NextDouble() - 0.5));
                }

                for (int a = 1; a <= 30; a++)
                {
                    for (int i = 0, n = 1 + rng.Next(4); i < n; i++)
                    {
                        policy.Update(a, rng.NextDouble() < 0.6 ? 1.0 : 0.0);
                    }
                }

                break;
            case 1:
                arms = 200;
                policy = new GaussianThompsonPolicy(arms, new Seed(32), noiseVariance: 0.25, priorMean: 0.5);
                for (int a = 0; a < 10; a++)
                {
                    policy.Update(a * 19, a % 2 == 0 ? 1.0 : 0.0);
                }

                break;
            case 3:
                // 1500 updated arms in five posterior classes, all wide and close: most arms are thinned.
                arms = 1500;
                policy = new GaussianThompsonPolicy(arms, new Seed(34), noiseVariance: 0.25, priorMean: 0.5);
                for (int a = 0; a < arms; a++)
                {
                    int c = a % 5;
                    for (int i = 0; i < 3 + c; i++)
                    {
                        policy.Update(a, i < 2 + c / 2 ? 1.0 : 0.0);
                    }
                }

                break;
            default:
                arms = 60;
                policy = new GaussianThompsonPolicy(arms, new Seed(33), noiseVariance: 0.25, priorMean: 0.5);
                for (int a = 0; a < arms; a++)
                {
                    for (int i = 0; i < 8; i++)
                    {
                        policy.Update(a, rng.NextDouble() < 0.5 + 0.2 * a / arms ? 1.0 : 0.0);
                    }
                }

                break;
        }

        return policy;
    }

    /// <summary>P(arm i has the largest draw) by Simpson's rule, arms with equal posteriors integrated once.</summary>
    private static double[] ExactProbabilities(GaussianThompsonPolicy policy)
    {
        int n = policy.Arms;
        var mean = Enumerable.Range(0, n).Select(policy.PosteriorMean).ToArray();
        var sd = Enumerable.Range(0, n).Select(a => Math.Sqrt(policy.PosteriorVariance(a))).ToArray();
        var groups = Enumerable.Range(0, n).GroupBy(a => (mean[a], sd[a])).Select(g => (g.Key.Item1, g.Key.Item2, Members: g.ToArray())).ToArray();
        double lo = Enumerable.Range(0, n).Min(a => mean[a] - 12 * sd[a]), hi = Enumerable.Range(0, n).Max(a => mean[a] + 12 * sd[a]);
        const int steps = 40_000;
        double h = (hi - lo) / steps;
        var integral = new double[groups.Length];
        var logCdf = new double[groups.Length];
        for (int s = 0; s <= steps; s++)
        {
            double x = lo + s * h, total = 0, weight = s == 0 || s == steps ? 1 : s % 2 == 1 ? 4 : 2;
            for (int g = 0; g < groups.Length; g++)
            {
                double z = (x - groups[g].Item1) / groups[g].Item2;
                logCdf[g] = Math.Log(0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2.0)));
                total += groups[g].Members.Length * logCdf[g];
            }

            for (int g = 0; g < groups.Length; g++)
            {
                double z = (x - groups[g].Item1) / groups[g].Item2;
                double pdf = Math.Exp(-0.5 * z * z) / (groups[g].Item2 * Math.Sqrt(2 * Math.PI));
                double others = total - logCdf[g]; // every other arm below x (the group's other members included)
                if (pdf > 0 && double.IsFinite(others))
                {
                    integral[g] += weight * pdf * Math.Exp(others);
                }
            }
        }

        var p = new double[n];
        for (int g = 0; g < groups.Length; g++)
        {
            foreach (int a in groups[g].Members)
            {
                p[a] = integral[g] * h / 3;
            }
        }

        return p;
    }

    /// <summary>Pearson's statistic, cells with expectation below 5 merged into one.</summary>
    private static (double Chi2, int Df) ChiSquare(long[] observed, double[] expected)
    {
        double chi2 = 0, smallObserved = 0, smallExpected = 0;
        int cells = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            if (expected[i] < 5)
            {
                smallObserved += observed[i];
                smallExpected += expected[i];
                continue;
            }

            chi2 += (observed[i] - expected[i]) * (observed[i] - expected[i]) / expected[i];
            cells++;
        }

        if (smallExpected > 0)
        {
            chi2 += (smallObserved - smallExpected) * (smallObserved - smallExpected) / smallExpected;
            cells++;
        }

        return (chi2, cells - 1);
    }

    /// <summary>The plain definition: one N(mean_i, sd_i^2) draw per arm, the largest wins.</summary>
    private sealed class PlainGaussianThompson(double[] mean, double[] sd, Rng rng)
    {
        public int Select()
        {
            int best = 0;
            double bestDraw = double.NegativeInfinity;
            for (int i = 0; i < mean.Length; i++)
            {
                double draw = mean[i] + sd[i] * ZigguratNormal.Next(rng);
                if (draw > bestDraw)
                {
                    bestDraw = draw;
                    best = i;
                }
            }

            return best;
        }
    }
}
