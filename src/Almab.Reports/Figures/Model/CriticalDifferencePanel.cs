namespace Almab.Reports.Figures.Model;

/// <summary>
/// A critical-difference diagram (Demšar, JMLR 7, 2006, Fig. 1-2): methods placed by mean rank on an axis
/// (rank 1, the best, on the left), with thick bars joining groups whose mean ranks differ by less than the
/// critical difference (e.g. Nemenyi's CD), and the CD drawn as a scale bar above the axis.
/// </summary>
public sealed class CriticalDifferencePanel : Panel
{
    /// <summary>Creates the panel.</summary>
    /// <param name="methods">Method names.</param>
    /// <param name="meanRanks">Mean rank of each method (1 = best), in [1, number of methods].</param>
    /// <param name="criticalDifference">Critical difference of mean ranks (positive).</param>
    public CriticalDifferencePanel(IReadOnlyList<string> methods, double[] meanRanks, double criticalDifference)
    {
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(meanRanks);
        if (methods.Count < 2 || methods.Count != meanRanks.Length)
        {
            throw new ArgumentException($"A critical-difference diagram needs at least two methods and one mean rank each (got {methods.Count} methods, {meanRanks.Length} ranks).", nameof(meanRanks));
        }

        for (int i = 0; i < meanRanks.Length; i++)
        {
            if (!(meanRanks[i] >= 1 && meanRanks[i] <= methods.Count))
            {
                throw new ArgumentOutOfRangeException(nameof(meanRanks), meanRanks[i], $"Mean rank of '{methods[i]}' must be in [1, {methods.Count}].");
            }
        }

        if (!(criticalDifference > 0) || !double.IsFinite(criticalDifference))
        {
            throw new ArgumentOutOfRangeException(nameof(criticalDifference), criticalDifference, "The critical difference must be positive and finite.");
        }

        Methods = methods;
        MeanRanks = meanRanks;
        CriticalDifference = criticalDifference;
    }

    /// <summary>Method names.</summary>
    public IReadOnlyList<string> Methods { get; }

    /// <summary>Mean ranks (1 = best).</summary>
    public double[] MeanRanks { get; }

    /// <summary>Critical difference of mean ranks.</summary>
    public double CriticalDifference { get; }
}
