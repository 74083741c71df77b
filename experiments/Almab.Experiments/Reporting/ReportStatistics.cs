using Almab.Reports.Statistics;

namespace Almab.Experiments.Reporting;

/// <summary>The tests the report captions quote, all from <see cref="Almab.Reports.Statistics"/>.</summary>
public static class ReportStatistics
{
    /// <summary>
    /// Mann–Whitney U of <paramref name="reference"/> against each of <paramref name="others"/> (scipy's automatic exact
    /// or tie-corrected normal approximation with continuity correction), Bonferroni-adjusted over the comparisons;
    /// an empty sample gives NaN.
    /// </summary>
    public static double[] BonferroniMannWhitney(IReadOnlyList<double> reference, IReadOnlyList<IReadOnlyList<double>> others, Alternative alternative = Alternative.TwoSided)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(others);
        var p = new double[others.Count];
        for (int i = 0; i < others.Count; i++)
        {
            p[i] = reference.Count == 0 || others[i].Count == 0
                ? double.NaN
                : Math.Min(1.0, MannWhitneyU.Test(reference, others[i], alternative).PValue * others.Count);
        }

        return p;
    }
}
