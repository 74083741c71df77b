using MathNet.Numerics.Distributions;

namespace Almab.Reports.Statistics;

/// <summary>
/// Binomial proportions: Wilson score intervals (scipy's <c>binomtest(...).proportion_ci(method="wilson")</c>) and the
/// pooled two-proportion z-test (two-sided p equals scipy's <c>chi2_contingency(table, correction=False)</c>).
/// </summary>
public static class Proportions
{
    /// <summary>Wilson score interval for x successes in n trials at the given confidence level.</summary>
    public static ProportionInterval Wilson(long successes, long trials, double level = 0.95)
    {
        Check(successes, trials, nameof(successes));
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "level must be in (0, 1)");
        }

        double n = trials, p = successes / n;
        double z = Normal.InvCDF(0, 1, 0.5 + level / 2);
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new ProportionInterval(successes, trials, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// Pooled two-proportion z-test of H0: p1 = p2 against <paramref name="alternative"/> (<see cref="Alternative.Greater"/>:
    /// p1 &gt; p2).
    /// </summary>
    public static TwoProportionResult TwoProportionZTest(long x1, long n1, long x2, long n2, Alternative alternative = Alternative.TwoSided)
    {
        Check(x1, n1, nameof(x1));
        Check(x2, n2, nameof(x2));
        double p1 = (double)x1 / n1, p2 = (double)x2 / n2;
        double pooled = (double)(x1 + x2) / (n1 + n2);
        double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
        if (!(variance > 0))
        {
            return new TwoProportionResult(p1, p2, 0, 1);
        }

        double z = (p1 - p2) / Math.Sqrt(variance);
        double p = alternative switch
        {
            Alternative.TwoSided => Math.Min(1, 2 * Ranking.NormalSf(Math.Abs(z))),
            Alternative.Greater => Ranking.NormalSf(z),
            Alternative.Less => Ranking.NormalSf(-z),
            _ => throw new ArgumentOutOfRangeException(nameof(alternative), alternative, "unknown alternative"),
        };
        return new TwoProportionResult(p1, p2, z, p);
    }

    private static void Check(long successes, long trials, string name)
    {
        if (trials < 1 || successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(name, $"need 0 <= successes <= trials and trials >= 1 (got {successes} of {trials})");
        }
    }
}
