namespace Almab.Reports.Statistics;

/// <summary>How a rank test computes its p-value (scipy's <c>method</c> argument).</summary>
public enum TestMethod
{
    /// <summary>Exact for small samples without ties, otherwise the normal approximation (scipy's rule per test).</summary>
    Auto,

    /// <summary>The exact null distribution of the statistic (assumes no ties).</summary>
    Exact,

    /// <summary>The normal approximation with tie correction (and optional continuity correction).</summary>
    Asymptotic,
}
