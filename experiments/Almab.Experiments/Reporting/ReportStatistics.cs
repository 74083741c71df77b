using Almab.Reports.Statistics;
using Almab.Experiments.Papers.AlmabDc.Reporting;

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
        return BonferroniMannWhitney([.. others.Select(o => (reference, o))], alternative);
    }

    /// <summary>
    /// Mann–Whitney U of each pair's first sample against its second, Bonferroni-adjusted over the pairs (R's
    /// <c>p.adjust(method = "bonferroni")</c> with the family size = the number of pairs); an empty sample gives NaN.
    /// </summary>
    public static double[] BonferroniMannWhitney(IReadOnlyList<(IReadOnlyList<double> X, IReadOnlyList<double> Y)> pairs, Alternative alternative = Alternative.TwoSided)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var p = new double[pairs.Count];
        for (int i = 0; i < pairs.Count; i++)
        {
            var (x, y) = pairs[i];
            p[i] = x.Count == 0 || y.Count == 0
                ? double.NaN
                : Math.Min(1.0, MannWhitneyU.Test(x, y, alternative).PValue * pairs.Count);
        }

        return p;
    }
}
