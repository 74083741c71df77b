using Almab.Algorithms.Acquisitions;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Tests.Acquisitions;

/// <summary>Acquisitions that need a real posterior: IPV reduction, joint Thompson samples, Kriging-believer batches.</summary>
public sealed class GpAcquisitionTests
{
    private static GaussianProcess Model(double noise = 0.04)
    {
        var gp = new GaussianProcess(2, new GaussianProcessOptions
        {
            InitialHyperparameters = GpHyperparameters.Isotropic(2, 0.3, 1.0, noise),
            Mean = GpMean.Zero,
            Standardize = false,
        });
        IReadOnlyList<double[]> x = [[0.1, 0.2], [0.8, 0.7], [0.5, 0.5], [0.2, 0.9]];
        gp.Fit(x, [0.3, -0.4, 0.1, 0.6], optimizeHyperparameters: false);
        return gp;
    }

    private static List<double[]> Grid(int side)
    {
        var g = new List<double[]>();
        for (int i = 0; i < side; i++)
        {
            for (int j = 0; j < side; j++)
            {
                g.Add([(i + 0.5) / side, (j + 0.5) / side]);
            }
        }

        return g;
    }

    private static double MeanVariance(ISurrogate gp, IReadOnlyList<double[]> points)
    {
        var m = new double[points.Count];
        var v = new double[points.Count];
        gp.Predict(points, m, v);
        return v.Average();
    }

    [Fact]
    public void IpvReductionEqualsTheDropInMeanPosteriorVarianceAfterConditioningOnTheCandidate()
    {
        var gp = Model();
        var reference = Grid(8);
        IReadOnlyList<double[]> candidates = [[0.1, 0.2], [0.33, 0.61], [0.95, 0.05], [0.5, 0.52]];
        var scores = new double[candidates.Count];
        new IntegratedVarianceReduction(reference).Score(gp, candidates, new AcquisitionContext(0, 1, new Rng(1)), scores);
        double before = MeanVariance(gp, reference);
        for (int c = 0; c < candidates.Count; c++)
        {
            // Brute force: condition on one more noisy observation at the candidate (its value does not matter).
            gp.PushFantasy(candidates[c], 123.0);
            double after = MeanVariance(gp, reference);
            gp.PopFantasy();
            Assert.Equal(before - after, scores[c], 1e-10);
            Assert.True(scores[c] > 0);
        }
    }

    [Fact]
    public void ThompsonDrawsHaveThePosteriorMeanAndCovariance()
    {
        var gp = Model();
        IReadOnlyList<double[]> candidates = [[0.15, 0.25], [0.3, 0.3], [0.9, 0.1], [0.6, 0.6]];
        int n = candidates.Count, draws = 20000;
        var mean = new double[n];
        var variance = new double[n];
        gp.Predict(candidates, mean, variance);
        var cov = new double[n, n];
        gp.PredictCovariance(candidates, candidates, cov);
        var ts = new ThompsonSample();
        var context = new AcquisitionContext(0, 1, new Rng(42));
        var sum = new double[n];
        var cross = new double[n, n];
        var scores = new double[n];
        for (int t = 0; t < draws; t++)
        {
            ts.Score(gp, candidates, context, scores);
            for (int i = 0; i < n; i++)
            {
                double f = -scores[i];
                sum[i] += f;
                for (int j = 0; j < n; j++)
                {
                    cross[i, j] += f * -scores[j];
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            double m = sum[i] / draws;
            Assert.True(Math.Abs(m - mean[i]) < 4.5 * Math.Sqrt(cov[i, i] / draws), $"mean {i}: {m} vs {mean[i]}");
            for (int j = 0; j < n; j++)
            {
                double c = cross[i, j] / draws - (sum[i] / draws) * (sum[j] / draws);
                // Standard error of a sample covariance: sqrt((s_ii s_jj + s_ij^2) / N).
                double se = Math.Sqrt((cov[i, i] * cov[j, j] + cov[i, j] * cov[i, j]) / draws);
                Assert.True(Math.Abs(c - cov[i, j]) < 4.5 * se, $"cov {i},{j}: {c} vs {cov[i, j]}");
            }
        }
    }

    [Fact]
    public void PendingPointIsFantasizedBeforeScoringAndTheModelIsRestored()
    {
        var gp = Model();
        var candidates = Grid(10);
        var selector = new KrigingBelieverBatch(new MaximumVariance());
        var context = new AcquisitionContext(0, 1, new Rng(1));
        int free = selector.Select(gp, candidates, [], 1, context)[0];

        // Reference: condition by hand on the pending point, then take the max-variance candidate.
        gp.PushFantasy(candidates[free], 0.0);
        var m = new double[candidates.Count];
        var v = new double[candidates.Count];
        gp.Predict(candidates, m, v);
        gp.PopFantasy();
        int expected = Array.IndexOf(v, v.Max());

        var before = new double[candidates.Count];
        gp.Predict(candidates, m, before);
        int withPending = selector.Select(gp, candidates, [candidates[free]], 1, context)[0];
        Assert.Equal(expected, withPending);
        Assert.NotEqual(free, withPending);
        var after = new double[candidates.Count];
        gp.Predict(candidates, m, after);
        Assert.Equal(before, after);
        Assert.Equal(4, gp.Count);
    }

    [Fact]
    public void BatchOfKWithDiversityPenaltyIsDistinctAndSpread()
    {
        var gp = Model();
        var candidates = Grid(12);
        var selector = new KrigingBelieverBatch(new UpperConfidenceBound(2.0), new DiversityPenalty(0.5, 0.1));
        int[] batch = selector.Select(gp, candidates, [], 4, new AcquisitionContext(-0.4, 1, new Rng(1)));
        Assert.Equal(4, batch.Distinct().Count());
        for (int a = 0; a < batch.Length; a++)
        {
            for (int b = a + 1; b < batch.Length; b++)
            {
                double d = Math.Sqrt(DiversityPenalty.SquaredDistance(candidates[batch[a]], candidates[batch[b]]));
                Assert.True(d > 0.08, $"batch points {a} and {b} are only {d} apart");
            }
        }

        Assert.Equal(4, gp.Count);
    }
}
