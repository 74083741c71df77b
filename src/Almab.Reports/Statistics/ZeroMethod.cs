namespace Almab.Reports.Statistics;

/// <summary>How the Wilcoxon signed-rank test treats zero differences (scipy's <c>zero_method</c>).</summary>
public enum ZeroMethod
{
    /// <summary>Drop zero differences before ranking (Wilcox 1945; R's and scipy's default).</summary>
    Wilcox,

    /// <summary>Rank zeros with the others, then drop their ranks (Pratt 1959; normal approximation per Cureton 1967).</summary>
    Pratt,

    /// <summary>Rank zeros with the others and split their rank sum equally between the two signs.</summary>
    ZSplit,
}
