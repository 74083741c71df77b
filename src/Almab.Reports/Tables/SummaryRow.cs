namespace Almab.Reports.Tables;

/// <summary>One method's line in a <see cref="SummaryGroup"/>.</summary>
/// <param name="Method">Method name.</param>
/// <param name="IsReference">True for the reference method the others are tested against.</param>
/// <param name="N">Number of replicates.</param>
/// <param name="Mean">Mean of the final metric.</param>
/// <param name="StandardDeviation">Sample standard deviation (n - 1) of the final metric; NaN for n = 1.</param>
/// <param name="Median">Median of the final metric.</param>
/// <param name="LowerQuartile">25th percentile (linear interpolation, numpy/R type 7).</param>
/// <param name="UpperQuartile">75th percentile.</param>
/// <param name="MeanCumulativeRegret">Mean cumulative regret; NaN if any replicate's regret is undefined.</param>
/// <param name="MeanVirtualSeconds">Mean simulated wall-clock time (virtual seconds).</param>
/// <param name="MeanComputeSeconds">Mean real compute time (seconds).</param>
/// <param name="PValue">Raw two-sided Mann-Whitney p-value against the reference; NaN when not tested.</param>
/// <param name="AdjustedPValue">Corrected p-value (e.g. Bonferroni within the group); NaN when not tested.</param>
/// <param name="A12">Vargha-Delaney A12 = P(this method's metric &gt; the reference's); NaN when not tested.</param>
/// <param name="Mark">Significance mark derived from the adjusted p-value and the direction of A12.</param>
/// <param name="IsBest">True when the mean is the best (by the table's direction) in the group.</param>
public sealed record SummaryRow(
    string Method,
    bool IsReference,
    int N,
    double Mean,
    double StandardDeviation,
    double Median,
    double LowerQuartile,
    double UpperQuartile,
    double MeanCumulativeRegret,
    double MeanVirtualSeconds,
    double MeanComputeSeconds,
    double PValue,
    double AdjustedPValue,
    double A12,
    SignificanceMark Mark,
    bool IsBest);
