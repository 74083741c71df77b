using System.Globalization;

namespace Almab.Reports.Tables;

/// <summary>
/// Number formatting shared by the text renderers (invariant culture). The metric columns of a group
/// share one number of decimals, chosen so the smallest positive sd shows two significant digits (as
/// the paper's "0.9310 ± 0.0036"); other columns show three significant digits.
/// </summary>
internal static class TableNumberFormat
{
    private const int MaxDecimals = 8;

    /// <summary>Decimals for the metric columns of a group.</summary>
    public static int MetricDecimals(SummaryGroup group)
    {
        double minSd = double.PositiveInfinity, maxAbs = 0;
        foreach (SummaryRow r in group.Rows)
        {
            if (r.StandardDeviation > 0)
            {
                minSd = Math.Min(minSd, r.StandardDeviation);
            }

            maxAbs = Math.Max(maxAbs, Math.Abs(r.Mean));
        }

        if (double.IsFinite(minSd))
        {
            return Math.Clamp(1 - (int)Math.Floor(Math.Log10(minSd)), 0, MaxDecimals);
        }

        return maxAbs > 0 ? Math.Clamp(3 - (int)Math.Floor(Math.Log10(maxAbs)), 0, MaxDecimals) : 0;
    }

    /// <summary>Fixed decimals; NaN becomes <paramref name="missing"/>.</summary>
    public static string Fixed(double v, int decimals, string missing) =>
        double.IsNaN(v) ? missing : v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Three significant digits without exponent; NaN becomes <paramref name="missing"/>.</summary>
    public static string Significant3(double v, string missing)
    {
        if (double.IsNaN(v))
        {
            return missing;
        }

        if (v == 0)
        {
            return "0";
        }

        int decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(v))), 0, MaxDecimals);
        return Fixed(v, decimals, missing);
    }

    /// <summary>Round-trip invariant representation (noise levels in headings).</summary>
    public static string Exact(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
