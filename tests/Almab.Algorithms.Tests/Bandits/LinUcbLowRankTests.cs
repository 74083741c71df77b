using Almab.Algorithms.Bandits;
using Almab.Algorithms.Randomness;
using MathNet.Numerics.LinearAlgebra;

namespace Almab.Algorithms.Tests.Bandits;

/// <summary>
/// LinUCB's Woodbury scoring (arms with few updates, A^-1 = I / lambda - sum c c^T) and its switch to the dense
/// inverse, against a direct solve of the ridge system, and the ties between never-updated arms in either form.
/// </summary>
public sealed class LinUcbLowRankTests
{
    [Theory]
    [InlineData(6, 0.5)]
    [InlineData(20, 1.0)]
    [InlineData(5, 3.0)]
    public void Index_matches_a_direct_ridge_solve_before_and_after_the_switch_to_the_dense_inverse(int d, double lambda)
    {
        // Arm 3's group goes from the prior through every low-rank rank to dense storage as arm 3 gets 0..d+2 updates.
        const double alpha = 1.3;
        var policy = new LinUcbPolicy(24, d, alpha, lambda);
        var a = Matrix<double>.Build.DenseIdentity(d) * lambda;
        var b = Vector<double>.Build.Dense(d);
        var rng = new Rng(17);
        var x = new double[d];
        for (int n = 0; n <= d + 2; n++)
        {
            for (int probe = 0; probe < 5; probe++)
            {
                for (int j = 0; j < d; j++)
                {
                    x[j] = 2 * rng.NextDouble() - 0.7;
                }

                var xv = Vector<double>.Build.DenseOfArray(x);
                double expected = a.Solve(b).DotProduct(xv) + alpha * Math.Sqrt(xv.DotProduct(a.Solve(xv)));
                Assert.Equal(expected, policy.Index(3, x), Math.Abs(expected) * 1e-11);
            }

            for (int j = 0; j < d; j++)
            {
                x[j] = 2 * rng.NextDouble() - 0.7;
            }

            double reward = rng.NextDouble();
            policy.Update(3, x, reward);
            var xu = Vector<double>.Build.DenseOfArray(x);
            a += xu.OuterProduct(xu);
            b += reward * xu;
        }
    }

    [Fact]
    public void Never_updated_arms_tie_exactly_in_low_rank_and_dense_groups_and_the_lowest_one_is_chosen()
    {
        // Arm 0 is updated with reward 0 along one direction, so its index falls below the prior's; arms 1-7 share its
        // group (low-rank, then dense after a few updates), arms 8-23 are in prior groups. All never-updated arms
        // must score bit-equal and Select must return arm 1, the lowest of them.
        const int d = 8;
        var policy = new LinUcbPolicy(24, d, alpha: 1.0, lambda: 1.0);
        var rng = new Rng(5);
        var x = new double[d];
        for (int n = 1; n <= 2 * d; n++)
        {
            for (int j = 0; j < d; j++)
            {
                x[j] = 0.5 + 0.1 * rng.NextDouble();
            }

            policy.Update(0, x, 0.0);
            for (int j = 0; j < d; j++)
            {
                x[j] = 0.5 + 0.1 * rng.NextDouble();
            }

            double prior = policy.Index(23, x);
            for (int arm = 1; arm < 24; arm++)
            {
                Assert.Equal(prior, policy.Index(arm, x));
            }

            Assert.True(policy.Index(0, x) < prior);
            Assert.Equal(1, policy.Select(x));
        }
    }
}
