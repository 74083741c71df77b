using Almab.Algorithms.Bandits;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Bandits;

/// <summary>Thompson sampling (Gaussian, Beta, batch), EXP3 and epsilon-greedy.</summary>
public sealed class RandomizedPolicyTests
{
    [Fact]
    public void BetaThompsonConcentratesOnTheBestBernoulliArm()
    {
        double[] means = [0.3, 0.5, 0.7];
        double share = 0;
        for (int s = 0; s < 20; s++)
        {
            var history = new int[2000];
            BanditHarness.RunBernoulli(new BetaBernoulliThompsonPolicy(3, new Seed(3).Derive(s)), means, 2000,
                new Seed(4).Derive(s).CreateRng(), history);
            share += history.Skip(1500).Count(a => a == 2) / 500.0 / 20;
        }

        Assert.True(share > 0.9, $"best arm share in the last 500 rounds: {share:P1}");
    }

    [Fact]
    public void GaussianThompsonConcentratesOnTheBestGaussianArm()
    {
        double[] means = [0.0, 0.5, 1.0];
        double share = 0;
        for (int s = 0; s < 20; s++)
        {
            var policy = new GaussianThompsonPolicy(3, new Seed(5).Derive(s));
            var rng = new Seed(6).Derive(s).CreateRng();
            int hits = 0;
            for (int t = 0; t < 2000; t++)
            {
                int arm = policy.Select();
                hits += t >= 1500 && arm == 2 ? 1 : 0;
                policy.Update(arm, rng.NextGaussian(means[arm], 1.0));
            }

            share += hits / 500.0 / 20;
        }

        Assert.True(share > 0.9, $"best arm share in the last 500 rounds: {share:P1}");
    }

    [Fact]
    public void GaussianPosteriorIsConjugateAndPendingPullsShrinkOnlyTheVariance()
    {
        var ts = new GaussianThompsonPolicy(2, new Seed(1), noiseVariance: 4.0, priorMean: 1.0, priorVariance: 2.0);
        ts.Update(0, 3.0);
        ts.Update(0, 5.0);
        // precision = 1/2 + 2/4 = 1; mean = (1/2 + 8/4) / 1 = 2.5.
        Assert.Equal(2.5, ts.PosteriorMean(0), 1e-15);
        Assert.Equal(1.0, ts.PosteriorVariance(0), 1e-15);
        ts.RegisterPull(0);
        Assert.Equal(2.5, ts.PosteriorMean(0), 1e-15);
        Assert.Equal(1.0 / 1.25, ts.PosteriorVariance(0), 1e-15);
    }

    [Fact]
    public void ThompsonDrawsFollowTheBetaPosterior()
    {
        var ts = new BetaBernoulliThompsonPolicy(1, new Seed(8));
        for (int i = 0; i < 6; i++)
        {
            ts.Update(0, i < 4 ? 1.0 : 0.0);
        }

        // Beta(5, 3): mean 5/8, variance 15 / (64 * 9).
        const int n = 40000;
        double sum = 0, sq = 0;
        var draw = new double[1];
        for (int i = 0; i < n; i++)
        {
            ts.ComputeIndices(draw);
            sum += draw[0];
            sq += draw[0] * draw[0];
        }

        double mean = sum / n, variance = sq / n - mean * mean, exact = 15.0 / (64 * 9);
        Assert.True(Math.Abs(mean - 0.625) < 4.5 * Math.Sqrt(exact / n), $"mean {mean}");
        Assert.True(Math.Abs(variance - exact) < 0.05 * exact, $"variance {variance} vs {exact}");
    }

    [Fact]
    public void ResetRestartsTheSeedStream()
    {
        var ts = new BetaBernoulliThompsonPolicy(4, new Seed(11));
        var rng = new Rng(12);
        var first = new int[50];
        BanditHarness.RunBernoulli(ts, [0.2, 0.4, 0.6, 0.5], 50, rng, first);
        ts.Reset();
        var second = new int[50];
        BanditHarness.RunBernoulli(ts, [0.2, 0.4, 0.6, 0.5], 50, new Rng(12), second);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Exp3WeightsFollowTheImportanceWeightedUpdate()
    {
        const double gamma = 0.3;
        var exp3 = new Exp3Policy(3, gamma, new Seed(1));
        // No pending selection: the update uses the current probability p_0 = 1/3.
        exp3.Update(0, 1.0);
        double logW0 = gamma * (1.0 / (1.0 / 3)) / 3;
        Assert.Equal(0.0, exp3.LogWeight(0), 1e-15);
        Assert.Equal(-logW0, exp3.LogWeight(1), 1e-15);
        var p = new double[3];
        exp3.Probabilities(p);
        double w0 = Math.Exp(logW0);
        double p0 = (1 - gamma) * w0 / (w0 + 2) + gamma / 3;
        Assert.Equal(p0, p[0], 1e-15);
        Assert.Equal(1.0, p.Sum(), 1e-15);

        // A delayed reward uses the probability the arm had when it was selected.
        int arm = exp3.Select();
        exp3.Probabilities(p);
        double pAtSelect = p[arm];
        int other = (arm + 1) % 3;
        double before = exp3.LogWeight(arm) - exp3.LogWeight(other);
        exp3.Update(other, 0.0);
        exp3.Update(arm, 0.5);
        double after = exp3.LogWeight(arm) - exp3.LogWeight(other);
        Assert.Equal(gamma * (0.5 / pAtSelect) / 3, after - before, 1e-12);
    }

    [Fact]
    public void Exp3PrefersTheBestArmOnStochasticRewards()
    {
        double[] means = [0.2, 0.8, 0.4];
        double share = 0;
        for (int s = 0; s < 10; s++)
        {
            var exp3 = new Exp3Policy(3, 0.1, new Seed(13).Derive(s));
            BanditHarness.RunBernoulli(exp3, means, 3000, new Seed(14).Derive(s).CreateRng());
            var p = new double[3];
            exp3.Probabilities(p);
            share += p[1] / 10;
        }

        Assert.True(share > 0.85, $"mean final probability of the best arm {share}");
    }

    [Fact]
    public void EpsilonGreedyExploresAtRateEpsilon()
    {
        double[] means = [0.1, 0.9, 0.5, 0.3];
        var pulls = BanditHarness.RunBernoulli(new EpsilonGreedyPolicy(4, 0.2, new Seed(15)), means, 10000, new Rng(16));
        // Greedy almost surely locks on arm 1; each other arm gets epsilon / 4 of the rounds (binomial, 5 SE band).
        double expected = 10000 * 0.2 / 4, se = Math.Sqrt(10000 * 0.05 * 0.95);
        foreach (int other in new[] { 0, 2, 3 })
        {
            Assert.InRange(pulls[other], expected - 5 * se, expected + 5 * se + 5);
        }

        var greedy = BanditHarness.RunBernoulli(new EpsilonGreedyPolicy(2, 0.0, new Seed(1)), [1.0, 0.0], 100, new Rng(2));
        // Epsilon = 0: each untried arm once, then always the empirical best.
        Assert.Equal([99L, 1L], greedy);
    }

    [Fact]
    public void BatchThompsonPullsDistinctArmsAndCountsThemPending()
    {
        var inner = new GaussianThompsonPolicy(5, new Seed(17));
        var batch = new BatchThompsonPolicy(inner);
        int[] arms = batch.SelectBatch(3);
        Assert.Equal(3, arms.Distinct().Count());
        foreach (int a in arms)
        {
            Assert.Equal(1.0 / (1.0 + 1.0), inner.PosteriorVariance(a), 1e-15);
        }

        Assert.Equal(7, batch.SelectBatch(7).Length);

        double[] means = [0.1, 0.3, 0.9, 0.2, 0.5];
        var beta = new BatchThompsonPolicy(new BetaBernoulliThompsonPolicy(5, new Seed(18)));
        var rng = new Rng(19);
        int best = 0;
        for (int round = 0; round < 400; round++)
        {
            foreach (int a in beta.SelectBatch(2))
            {
                best += round >= 300 && a == 2 ? 1 : 0;
                beta.Update(a, rng.NextDouble() < means[a] ? 1.0 : 0.0);
            }
        }

        Assert.True(best >= 95, $"best arm in {best} of the last 100 batches");
    }
}
