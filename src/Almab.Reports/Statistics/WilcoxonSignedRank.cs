namespace Almab.Reports.Statistics;

/// <summary>
/// Wilcoxon signed-rank test for paired samples (or differences), following <c>scipy.stats.wilcoxon</c>
/// (scipy 1.10): zero methods wilcox/pratt/zsplit, optional continuity correction, exact or normal
/// approximation with tie correction.
/// </summary>
/// <remarks>
/// Choice where scipy 1.10 is questionable: <see cref="TestMethod.Auto"/> is exact only when n &lt;= 50
/// and there are neither zero differences nor tied |differences| (scipy 1.10 also went exact with
/// ties, truncating R+ to an integer; later scipy versions and R switch to the approximation, as we
/// do). A forced <see cref="TestMethod.Exact"/> falls back to the approximation when there are zeros
/// (as scipy) and, with ties, truncates R+ like scipy 1.10.
/// </remarks>
public static class WilcoxonSignedRank
{
    /// <summary>Largest sample size for which <see cref="TestMethod.Auto"/> uses the exact distribution.</summary>
    public const int AutoExactMaxN = 50;

    /// <summary>Tests whether the differences x - y are symmetric about zero.</summary>
    /// <param name="x">First measurements.</param>
    /// <param name="y">Second measurements, paired with x (same length).</param>
    /// <param name="alternative">"Greater" means x - y tends to be positive.</param>
    /// <param name="zeroMethod">Treatment of zero differences.</param>
    /// <param name="correction">Continuity correction of the normal approximation (scipy's default: off).</param>
    /// <param name="method">Exact, asymptotic or automatic.</param>
    public static WilcoxonResult Test(
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        Alternative alternative = Alternative.TwoSided,
        ZeroMethod zeroMethod = ZeroMethod.Wilcox,
        bool correction = false,
        TestMethod method = TestMethod.Auto)
    {
        Ranking.RequireFinite(x, nameof(x));
        Ranking.RequireFinite(y, nameof(y));
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"Paired samples must have the same length (x has {x.Count}, y has {y.Count}).");
        }

        var d = new double[x.Count];
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = x[i] - y[i];
        }

        return TestDifferences(d, alternative, zeroMethod, correction, method);
    }

    /// <summary>Tests whether the differences are symmetric about zero (one-sample form).</summary>
    /// <param name="differences">Paired differences (at least one).</param>
    /// <param name="alternative">"Greater" means the differences tend to be positive.</param>
    /// <param name="zeroMethod">Treatment of zero differences.</param>
    /// <param name="correction">Continuity correction of the normal approximation.</param>
    /// <param name="method">Exact, asymptotic or automatic.</param>
    public static WilcoxonResult TestDifferences(
        IReadOnlyList<double> differences,
        Alternative alternative = Alternative.TwoSided,
        ZeroMethod zeroMethod = ZeroMethod.Wilcox,
        bool correction = false,
        TestMethod method = TestMethod.Auto)
    {
        Ranking.RequireFinite(differences, nameof(differences));
        if (differences.Count == 0)
        {
            throw new ArgumentException("The Wilcoxon signed-rank test needs at least one difference.", nameof(differences));
        }

        if (!Enum.IsDefined(alternative) || !Enum.IsDefined(zeroMethod) || !Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(alternative), $"Unknown option: alternative {alternative}, zeroMethod {zeroMethod}, method {method}.");
        }

        int nZero = 0;
        for (int i = 0; i < differences.Count; i++)
        {
            nZero += differences[i] == 0 ? 1 : 0;
        }

        var abs = new double[differences.Count];
        for (int i = 0; i < abs.Length; i++)
        {
            abs[i] = Math.Abs(differences[i]);
        }

        Ranking.MidRanks(abs, out double allTies);
        if (method == TestMethod.Auto)
        {
            bool ties = allTies - (nZero * (double)nZero * nZero - nZero) > 0;
            method = differences.Count <= AutoExactMaxN && nZero == 0 && !ties ? TestMethod.Exact : TestMethod.Asymptotic;
        }
        else if (method == TestMethod.Exact && nZero > 0)
        {
            method = TestMethod.Asymptotic;
        }

        if (method == TestMethod.Asymptotic && zeroMethod != ZeroMethod.ZSplit && nZero == differences.Count)
        {
            throw new ArgumentException($"Zero method {zeroMethod} does not work when every difference is zero.", nameof(differences));
        }

        // The ranked set: without zeros for "wilcox" in the approximation, else all differences.
        bool dropZeros = method == TestMethod.Asymptotic && zeroMethod == ZeroMethod.Wilcox;
        var d = new List<double>(differences.Count);
        for (int i = 0; i < differences.Count; i++)
        {
            if (!(dropZeros && differences[i] == 0))
            {
                d.Add(differences[i]);
            }
        }

        int count = d.Count;
        var absD = new double[count];
        for (int i = 0; i < count; i++)
        {
            absD[i] = Math.Abs(d[i]);
        }

        double[] r = Ranking.MidRanks(absD, out _);
        double rPlus = 0, rMinus = 0, rZero = 0;
        var nonZeroRanks = new List<double>(count);
        for (int i = 0; i < count; i++)
        {
            if (d[i] > 0)
            {
                rPlus += r[i];
            }
            else if (d[i] < 0)
            {
                rMinus += r[i];
            }
            else
            {
                rZero += r[i];
            }

            if (zeroMethod != ZeroMethod.Pratt || d[i] != 0)
            {
                nonZeroRanks.Add(r[i]);
            }
        }

        if (zeroMethod == ZeroMethod.ZSplit)
        {
            rPlus += rZero / 2.0;
            rMinus += rZero / 2.0;
        }

        double t = alternative == Alternative.TwoSided ? Math.Min(rPlus, rMinus) : rPlus;
        double p = method == TestMethod.Exact
            ? ExactP(count, (long)Math.Truncate(rPlus), alternative)
            : ApproxP(count, nZero, t, nonZeroRanks, zeroMethod, correction, alternative);
        return new WilcoxonResult(t, p, method);
    }

    private static double ApproxP(
        int count, int nZero, double t, List<double> ranks, ZeroMethod zeroMethod, bool correction, Alternative alternative)
    {
        double mn = count * (count + 1.0) * 0.25;
        double se = count * (count + 1.0) * (2.0 * count + 1.0);
        if (zeroMethod == ZeroMethod.Pratt)
        {
            mn -= nZero * (nZero + 1.0) * 0.25;
            se -= nZero * (nZero + 1.0) * (2.0 * nZero + 1.0);
        }

        // scipy's find_repeats: only values occurring more than once contribute t (t^2 - 1).
        Ranking.MidRanks(ranks.ToArray(), out double tieTerm);
        se -= 0.5 * tieTerm;
        se = Math.Sqrt(se / 24.0);

        double cc = !correction ? 0.0 : alternative switch
        {
            Alternative.TwoSided => 0.5 * Math.Sign(t - mn),
            Alternative.Less => -0.5,
            _ => 0.5,
        };
        double z = (t - mn - cc) / se;
        double p = alternative switch
        {
            Alternative.TwoSided => 2.0 * Ranking.NormalSf(Math.Abs(z)),
            Alternative.Greater => Ranking.NormalSf(z),
            _ => Ranking.NormalSf(-z),
        };
        return p;
    }

    private static double ExactP(int n, long rPlus, Alternative alternative)
    {
        double[] pmf = SignedRankDistribution.Pmf(n);
        long max = pmf.Length - 1;
        double lower = 0, upper = 0;
        for (long k = 0; k <= max; k++)
        {
            lower += k <= rPlus ? pmf[k] : 0.0;
            upper += k >= rPlus ? pmf[k] : 0.0;
        }

        double p = alternative switch
        {
            Alternative.Greater => upper,
            Alternative.Less => lower,
            _ => rPlus == max / 2 ? 1.0 : 2.0 * Math.Min(lower, upper),
        };
        return Math.Clamp(p, 0.0, 1.0);
    }
}
