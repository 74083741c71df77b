namespace Almab.Reports.Figures.Builders;

/// <summary>Centre line and band drawn for a set of replicate curves.</summary>
public enum BandKind
{
    /// <summary>Mean line with a mean ± 1 sample standard deviation band (the papers' figures 3-8).</summary>
    MeanSd,

    /// <summary>Median line with an interquartile (25th-75th percentile) band (figures 11-12).</summary>
    MedianIqr,

    /// <summary>Mean line only.</summary>
    None,
}
