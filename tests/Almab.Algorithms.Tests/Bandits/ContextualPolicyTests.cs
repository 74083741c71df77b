using Almab.Algorithms.Bandits;
using Almab.Algorithms.Randomness;
using MathNet.Numerics.LinearAlgebra;

namespace Almab.Algorithms.Tests.Bandits;

/// <summary>LinUCB and linear TS against the ridge solution (numpy fixture and MathNet) and on a linear instance.</summary>
public sealed class ContextualPolicyTests
{
    [Fact]
    public void LinUcb_theta_and_index_match_numpy_ridge_solution()
    {
        var f = SurveyFixture.Root.GetProperty("linucb");
        var xs = f.GetProperty("X").EnumerateArray().Select(SurveyFixture.Doubles).ToArray();
        var y = SurveyFixture.Doubles(f.GetProperty("y"));
        var policy = new LinUcbPolicy(2, 4, alpha: f.GetProperty("alpha").GetDouble(), lambda: f.GetProperty("lambda").GetDouble());
        for (int i = 0; i < xs.Length; i++)
        {
            policy.Update(1, xs[i], y[i]);
        }

        var theta = SurveyFixture.Doubles(f.GetProperty("theta"));
        for (int j = 0; j < 4; j++)
        {
            Assert.Equal(theta[j], policy.Theta(1)[j], 1e-10);
            Assert.Equal(0.0, policy.Theta(0)[j]);
        }

        Assert.Equal(f.GetProperty("index").GetDouble(), policy.Index(1, SurveyFixture.Doubles(f.GetProperty("x"))), 1e-10);
    }

    [Fact]
    public void LinUcb_index_of_an_unpulled_arm_is_alpha_norm_over_sqrt_lambda()
    {
        var policy = new LinUcbPolicy(3, 2, alpha: 2.0, lambda: 4.0);
        double[] x = [3.0, 4.0];
        Assert.Equal(2.0 * 5.0 / 2.0, policy.Index(0, x), 1e-14);
        // One update with x itself: A = 4I + x x^T, so x^T A^-1 x = |x|^2 / (4 + |x|^2) (Sherman-Morrison) = 25 / 29.
        policy.Update(0, x, 1.0);
        var a = Matrix<double>.Build.DenseIdentity(2) * 4.0 + Matrix<double>.Build.DenseOfArray(new[,] { { 9.0, 12.0 }, { 12.0, 16.0 } });
        var t = a.Solve(Vector<double>.Build.DenseOfArray(x));
        Assert.Equal(t[0], policy.Theta(0)[0], 1e-14);
        Assert.Equal(t.DotProduct(Vector<double>.Build.DenseOfArray(x)) + 2.0 * Math.Sqrt(25.0 / 29.0), policy.Index(0, x), 1e-13);
    }

    [Fact]
    public void Bad_context_lambda_and_reward_get_clear_errors()
    {
        var lin = new LinUcbPolicy(3, 20);
        Assert.Contains("dimension 3, expected 20", Assert.Throws<ArgumentException>(() => lin.Select(new double[3])).Message);
        Assert.Contains("lambda", Assert.Throws<ArgumentOutOfRangeException>(() => new LinUcbPolicy(3, 2, lambda: 0.0)).Message);
        Assert.Contains("lambda", Assert.Throws<ArgumentOutOfRangeException>(() => new LinearThompsonPolicy(3, 2, new Seed(1), lambda: -1)).Message);
        Assert.Contains("reward", Assert.Throws<ArgumentOutOfRangeException>(() => lin.Update(0, new double[20], double.NaN)).Message);
    }

    public static TheoryData<string> Policies() => ["linucb", "lints"];

    [Theory]
    [MemberData(nameof(Policies))]
    public void Contextual_policies_learn_the_context_dependent_best_arm(string name)
    {
        // Three arms, d = 3 (bias, f1, f2): arm a's mean is w_a . x; the best arm depends on the context.
        double[][] w = [[0.5, 0.4, -0.4], [0.5, -0.4, 0.4], [0.55, 0.0, 0.0]];
        IContextualBanditPolicy policy = name == "linucb"
            ? new LinUcbPolicy(3, 3, alpha: 0.5)
            : new LinearThompsonPolicy(3, 3, new Seed(5), scale: 0.2);
        var rng = new Seed(11).CreateRng();
        var x = new double[3];
        int hits = 0;
        const int horizon = 3000, tail = 1000;
        for (int t = 0; t < horizon; t++)
        {
            x[0] = 1;
            x[1] = rng.NextDouble();
            x[2] = rng.NextDouble();
            int arm = policy.Select(x);
            int best = 0;
            for (int a = 1; a < 3; a++)
            {
                if (Dot(w[a], x) > Dot(w[best], x))
                {
                    best = a;
                }
            }

            if (t >= horizon - tail && Dot(w[best], x) - Dot(w[arm], x) < 0.02)
            {
                hits++;
            }

            policy.Update(arm, x, Dot(w[arm], x) + 0.1 * rng.NextGaussian());
        }

        Assert.True(hits > 0.9 * tail, $"{name}: near-best arm in {hits} of the last {tail} rounds");
    }

    private static double Dot(double[] a, double[] b) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
