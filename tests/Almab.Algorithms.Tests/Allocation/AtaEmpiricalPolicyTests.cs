using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Allocation;

public sealed class AtaEmpiricalPolicyTests
{
    [Fact]
    public void Xi_is_the_lemma_6_2_constant()
    {
        Assert.Equal(2.0, AtaEmpiricalPolicy.XiFor(1.0), 15);
        Assert.Equal((1.0 + Math.Sqrt(5.0)) / 2.0, AtaEmpiricalPolicy.XiFor(0.0), 15);

        // /usr/bin/python3: (1 + sqrt(4*0.5**2 + 5)) / 2
        Assert.Equal(1.724744871391589, new AtaEmpiricalPolicy(1, 0.5).Xi, 15);
    }

    [Fact]
    public void Lower_bound_is_equation_8()
    {
        // /usr/bin/python3: C = 4*e*2*(sqrt(log(2*100**2)/50) + log(2*100**2)/50)
        const double c = 13.985451934836929;
        Assert.Equal(c, AtaEmpiricalPolicy.RelativeWidth(1.0, samples: 50, round: 100), 9);

        // Equation (8) is mean * (1 - C)_+: with K = 50, C > 1 and the bound is 0; with K = 200,000, C < 1.
        var policy = new AtaEmpiricalPolicy(1, eta: 1.0);
        for (int u = 0; u < 50; u++)
        {
            policy.Observe(0, 3.0);
        }

        Assert.Equal(0.0, policy.LowerBound(0, 100));
        for (int u = 0; u < 199_950; u++)
        {
            policy.Observe(0, 3.0);
        }

        double relative = AtaEmpiricalPolicy.RelativeWidth(1.0, 200_000, 100);
        Assert.True(relative < 1.0);
        Assert.Equal(3.0 * (1.0 - relative), policy.LowerBound(0, 100), 9);
    }

    [Fact]
    public void Lemma_6_2_coverage_holds_for_exponential_times()
    {
        // Exp(mean 1): sigma / mu = 1 = eta. Lemma 6.2 at delta = 1/4 (k = 2): P(mu < mean (1 - C)_+) <= 1/4.
        const int replicates = 4000;
        var rng = new Seed(6).CreateRng();
        int violations = 0;
        for (int r = 0; r < replicates; r++)
        {
            var policy = new AtaEmpiricalPolicy(1, eta: 1.0);
            for (int u = 0; u < 5; u++)
            {
                policy.Observe(0, rng.NextExponential(1.0));
            }

            violations += policy.LowerBound(0, 2) > 1.0 ? 1 : 0;
        }

        double limit = 0.25 + 5.0 * Math.Sqrt(0.25 * 0.75 / replicates);
        Assert.True(violations / (double)replicates <= limit, $"violation rate {violations / (double)replicates}");
    }

    [Fact]
    public void Scale_invariance_of_the_empirical_bound()
    {
        // Eq. (8) is proportional to the empirical mean, so scaling every time by c scales every bound by c and
        // leaves the allocation unchanged (unlike ATA, whose alpha is in seconds).
        var p1 = new AtaEmpiricalPolicy(3, 1.0);
        var p2 = new AtaEmpiricalPolicy(3, 1.0);
        var rng = new Seed(9).CreateRng();
        for (int u = 0; u < 30_000; u++)
        {
            int i = u % 3;
            double x = rng.NextExponential(1.0 + i);
            p1.Observe(i, x);
            p2.Observe(i, 7.0 * x);
        }

        var a1 = new int[3];
        var a2 = new int[3];
        p1.Allocate(9, a1);
        p2.Allocate(9, a2);
        Assert.Equal(a1, a2);
        Assert.Equal(7.0 * p1.LowerBound(1, 2), p2.LowerBound(1, 2), 9);
        Assert.True(p1.LowerBound(1, 2) > 0.0);
    }

    [Fact]
    public void Invalid_eta_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AtaEmpiricalPolicy(2, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AtaEmpiricalPolicy(2, double.NaN));
    }
}
