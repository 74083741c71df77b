namespace Almab.Reports.Statistics;

/// <summary>Bootstrap confidence-interval method (as in <c>scipy.stats.bootstrap</c>).</summary>
public enum BootstrapMethod
{
    /// <summary>Percentiles alpha and 1 - alpha of the bootstrap distribution.</summary>
    Percentile,

    /// <summary>Bias-corrected and accelerated percentiles (Efron and Tibshirani 1993, section 14.3, eq. 14.10-14.15).</summary>
    BCa,
}
