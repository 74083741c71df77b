using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster.Durations;

namespace Almab.Sim.Tests.Cluster.Durations;

/// <summary>
/// The contract every duration family runs (ARCHITECTURE.md: "duration model: sample mean within CI of Mean"):
/// sample mean and variance within 5 standard errors of the exact ones, draws inside the support, and the
/// empirical CDF within the Kolmogorov-Smirnov 0.1% critical distance of <see cref="DurationDistribution.Cdf"/>.
/// </summary>
public abstract class DurationContractTests
{
    private const int N = 200_000;

    protected abstract DurationDistribution Create();

    private double[] Draw(int n, ulong seed)
    {
        var d = Create();
        var rng = new Seed(seed).Derive("durations").CreateRng();
        var xs = new double[n];
        for (int i = 0; i < n; i++)
        {
            xs[i] = d.Sample(rng);
        }

        return xs;
    }

    [Fact]
    public void Sample_mean_is_within_five_standard_errors_of_Mean()
    {
        var d = Create();
        double[] xs = Draw(N, 11);
        double mean = xs.Average();
        double se = Math.Sqrt(d.Variance / N);
        Assert.InRange(mean, d.Mean - 5 * se, d.Mean + 5 * se);
    }

    [Fact]
    public void Sample_variance_is_within_five_standard_errors_of_Variance()
    {
        var d = Create();
        double[] xs = Draw(N, 12);
        double mean = xs.Average();
        double m2 = 0, m4 = 0;
        foreach (double x in xs)
        {
            double e = (x - mean) * (x - mean);
            m2 += e;
            m4 += e * e;
        }

        m2 /= N;
        m4 /= N;
        double se = Math.Sqrt((m4 - m2 * m2) / N);
        Assert.InRange(m2, d.Variance - 5 * se - 1e-12, d.Variance + 5 * se + 1e-12);
    }

    [Fact]
    public void Draws_are_finite_and_inside_the_support()
    {
        var d = Create();
        foreach (double x in Draw(20_000, 13))
        {
            Assert.True(double.IsFinite(x) && x >= d.Minimum, $"draw {x} below the minimum {d.Minimum}");
        }
    }

    [Fact]
    public void Empirical_cdf_passes_Kolmogorov_Smirnov_at_one_in_a_thousand()
    {
        var d = Create();
        const int n = 20_000;
        double[] xs = Draw(n, 14);
        Array.Sort(xs);
        double dMax = 0;
        for (int i = 0; i < n; i++)
        {
            double f = d.Cdf(xs[i]);
            dMax = Math.Max(dMax, Math.Max(f - (double)i / n, (i + 1.0) / n - f));
        }

        if (d.Variance == 0.0)
        {
            return; // A point mass has no continuous CDF; its support test covers it.
        }

        Assert.True(dMax < 1.95 / Math.Sqrt(n), $"KS distance {dMax}");
    }

    [Fact]
    public void Same_seed_gives_the_same_draws() => Assert.Equal(Draw(100, 15), Draw(100, 15));
}

public sealed class DeterministicDurationContract : DurationContractTests
{
    protected override DurationDistribution Create() => new DeterministicDuration(3.25);
}

public sealed class ExponentialDurationContract : DurationContractTests
{
    protected override DurationDistribution Create() => new ExponentialDuration(2.5);
}

public sealed class ShiftedExponentialDurationContract : DurationContractTests
{
    protected override DurationDistribution Create() => new ShiftedExponentialDuration(29, 29);
}

public sealed class GammaSmallShapeContract : DurationContractTests
{
    protected override DurationDistribution Create() => new GammaDuration(0.4, 3.0);
}

public sealed class GammaDurationContract : DurationContractTests
{
    protected override DurationDistribution Create() => new GammaDuration(2.5, 1.2);
}

public sealed class LogNormalDurationContract : DurationContractTests
{
    protected override DurationDistribution Create() => new LogNormalDuration(0.3, 0.8);
}

public sealed class ParetoDurationContract : DurationContractTests
{
    // alpha = 9 keeps the fourth moment finite, which the variance check's standard error needs.
    protected override DurationDistribution Create() => new ParetoDuration(2.0, 9.0);
}
