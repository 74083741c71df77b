namespace Almab.Reports.Figures.Builders;

/// <summary>
/// The convergence-rate model of ALMAB-DC section 4.8: gap(t) = |A - f(t)| ≈ C e^(-λ t), fitted by ordinary least
/// squares of log gap on t (log-linear regression). R² is that of the log-linear fit. Points with a gap ≤ 0 or
/// non-finite are skipped (they have no logarithm).
/// </summary>
/// <param name="Lambda">Convergence rate λ (per evaluation).</param>
/// <param name="C">Initial gap C.</param>
/// <param name="RSquared">Coefficient of determination of the log-linear fit.</param>
/// <param name="Points">Number of points used.</param>
public sealed record ExponentialGapFit(double Lambda, double C, double RSquared, int Points)
{
    /// <summary>Fits the model to a curve f(t) approaching the asymptote A from below (maximize) or above (minimize).</summary>
    public static ExponentialGapFit Fit(double[] t, double[] f, double asymptote, OptimizationGoal goal)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(f);
        if (t.Length != f.Length)
        {
            throw new ArgumentException($"t has {t.Length} values but f has {f.Length}.", nameof(f));
        }

        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < t.Length; i++)
        {
            double gap = goal == OptimizationGoal.Maximize ? asymptote - f[i] : f[i] - asymptote;
            if (gap > 0 && double.IsFinite(gap) && double.IsFinite(t[i]))
            {
                xs.Add(t[i]);
                ys.Add(Math.Log(gap));
            }
        }

        if (xs.Count < 2)
        {
            throw new ArgumentException($"An exponential gap fit needs at least two points with a positive gap to the asymptote {asymptote}; found {xs.Count}.", nameof(f));
        }

        double mx = 0, my = 0;
        for (int i = 0; i < xs.Count; i++)
        {
            mx += xs[i];
            my += ys[i];
        }

        mx /= xs.Count;
        my /= xs.Count;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < xs.Count; i++)
        {
            sxy += (xs[i] - mx) * (ys[i] - my);
            sxx += (xs[i] - mx) * (xs[i] - mx);
            syy += (ys[i] - my) * (ys[i] - my);
        }

        if (sxx == 0)
        {
            throw new ArgumentException("An exponential gap fit needs at least two distinct t values.", nameof(t));
        }

        double slope = sxy / sxx, intercept = my - slope * mx;
        double r2 = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return new ExponentialGapFit(-slope, Math.Exp(intercept), r2, xs.Count);
    }

    /// <summary>The fitted curve value at t (A ∓ C e^(-λ t)).</summary>
    public double Predict(double t, double asymptote, OptimizationGoal goal) =>
        goal == OptimizationGoal.Maximize ? asymptote - C * Math.Exp(-Lambda * t) : asymptote + C * Math.Exp(-Lambda * t);
}
