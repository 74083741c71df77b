using Almab.Algorithms.Randomness;
using Almab.Algorithms.Sgd;

namespace Almab.Algorithms.Tests.Sgd;

public sealed class MinibatchSgdTests
{
    /// <summary>
    /// Gradient descent from 0 in the eigenbasis of A (v_jk = sqrt(2/(d+1)) sin(jk pi/(d+1)), lambda_k = sin^2(k pi/(2(d+1)))):
    /// f(x_t) - f* = 1/2 sum_k lambda_k (1 - gamma lambda_k)^(2t) c_k^2 with c = V^T (0 - x*). Independent of the code under test.
    /// </summary>
    internal static long ClosedFormRounds(int d, double gamma, double tolerance)
    {
        var c = new double[d + 1];
        var lambda = new double[d + 1];
        for (int k = 1; k <= d; k++)
        {
            lambda[k] = Math.Pow(Math.Sin(k * Math.PI / (2.0 * (d + 1))), 2);
            for (int j = 1; j <= d; j++)
            {
                double xStar = -(d + 1.0 - j) / (d + 1);
                c[k] += Math.Sqrt(2.0 / (d + 1)) * Math.Sin(j * k * Math.PI / (d + 1)) * -xStar;
            }
        }

        for (long t = 0; ; t++)
        {
            double gap = 0;
            for (int k = 1; k <= d; k++)
            {
                gap += 0.5 * lambda[k] * Math.Pow(1 - (gamma * lambda[k]), 2.0 * t) * c[k] * c[k];
            }

            if (gap < tolerance)
            {
                return t;
            }
        }
    }

    [Theory]
    [InlineData(8, 1.0)]
    [InlineData(16, 0.5)]
    public void Noise_free_sgd_reaches_the_tolerance_exactly_when_gradient_descent_does(int d, double gamma)
    {
        var sgd = new MinibatchSgd(new TridiagonalQuadratic(d), 23, gamma, 0.0, new Seed(1));
        Assert.Equal(ClosedFormRounds(d, gamma, 1e-5), sgd.RunToTolerance(1e-5, 1_000_000));
    }

    [Fact]
    public void Noisy_sgd_reaches_the_tolerance_near_the_noise_free_round_count_and_is_deterministic_per_seed()
    {
        long expected = ClosedFormRounds(16, 1.0, 1e-5);
        var problem = new TridiagonalQuadratic(16);
        for (ulong s = 0; s < 5; s++)
        {
            var a = new MinibatchSgd(problem, 23, 1.0, 0.01, new Seed(s));
            var b = new MinibatchSgd(problem, 23, 1.0, 0.01, new Seed(s));
            long rounds = a.RunToTolerance(1e-5, 1_000_000);
            Assert.Equal(rounds, b.RunToTolerance(1e-5, 1_000_000));
            Assert.True(a.Suboptimality < 1e-5);

            // The noise floor gamma sigma^2 / (4B) ~ 1e-6 is a tenth of the tolerance: the count moves by a few percent.
            Assert.InRange(rounds, 0.9 * expected, 1.3 * expected);
        }
    }

    [Fact]
    public void Averaged_noise_has_the_stated_variance()
    {
        // From x0 = 0 with gamma = 1: x1 = -(grad f(0) + mean noise), so E||x1 + grad f(0)||^2 = sigma^2 / B.
        var problem = new TridiagonalQuadratic(4);
        var g0 = new double[4];
        problem.Gradient(new double[4], g0);
        double sum = 0;
        const int reps = 4000;
        for (int r = 0; r < reps; r++)
        {
            var sgd = new MinibatchSgd(problem, 5, 1.0, 0.1, new Seed(7).Derive(r));
            sgd.Step();
            for (int i = 0; i < 4; i++)
            {
                double e = sgd.Point[i] + g0[i];
                sum += e * e;
            }
        }

        // sigma^2 / B = 0.002; the mean of 4000 draws of (0.002/4) chi^2_4 has relative sd sqrt(2/4/4000) ~ 1.1 %.
        Assert.InRange(sum / reps, 0.002 * 0.95, 0.002 * 1.05);
    }
}
