using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Allocation;

public sealed class ShiftedExponentialTaskTimesTests
{
    [Fact]
    public void Paper_families_have_the_stated_means()
    {
        var sqrt = ShiftedExponentialTaskTimes.SquareRoot(17);
        Assert.Equal(2 * 29 * Math.Sqrt(5), sqrt.Mean(4), 12);
        var linear = ShiftedExponentialTaskTimes.Linear(17);
        Assert.Equal(2 * 29 * 17.0, linear.Mean(16), 12);
        var exp = ShiftedExponentialTaskTimes.Exponential(20);
        Assert.Equal(40.0, exp.Mean(19), 12);
        Assert.Equal(0.0, exp.Shift(19));
    }

    [Fact]
    public void Orlicz_norm_matches_closed_forms_and_the_papers_bound()
    {
        // Exp(b): E exp(X/C) = 1 / (1 - b/C) = 2 at C = 2b.
        Assert.Equal(80.0, ShiftedExponentialTaskTimes.Exponential(20).OrliczNorm(19), 9);

        // 29 + Exp(29): root of exp(29/C) / (1 - 29/C) = 2 (/usr/bin/python3, scipy.optimize.brentq).
        var sqrt = ShiftedExponentialTaskTimes.SquareRoot(3);
        Assert.Equal(92.08598506063008, sqrt.OrliczNorm(0), 8);

        // Section 7: alpha_i <= 2 mu_i.
        for (int i = 0; i < 3; i++)
        {
            Assert.True(sqrt.OrliczNorm(i) <= 2 * sqrt.Mean(i));
        }
    }

    [Fact]
    public void Sample_mean_and_variance_match_the_model()
    {
        var times = ShiftedExponentialTaskTimes.SquareRoot(4);
        var rng = new Seed(17).CreateRng();
        const int samples = 40_000;
        double sum = 0.0;
        double sumSq = 0.0;
        for (int u = 0; u < samples; u++)
        {
            double x = times.Sample(3, rng);
            Assert.True(x >= times.Shift(3));
            sum += x;
            sumSq += x * x;
        }

        double mean = sum / samples;
        double sd = times.StandardDeviation(3);
        Assert.InRange(mean, times.Mean(3) - 5 * sd / Math.Sqrt(samples), times.Mean(3) + 5 * sd / Math.Sqrt(samples));

        // Var of an exponential sample variance: (mu4 - sigma^4) / N with mu4 = 9 sigma^4 -> sd = sqrt(8/N) sigma^2.
        double variance = sumSq / samples - mean * mean;
        double seVar = Math.Sqrt(8.0 / samples) * sd * sd;
        Assert.InRange(variance, sd * sd - 5 * seVar, sd * sd + 5 * seVar);
    }
}
