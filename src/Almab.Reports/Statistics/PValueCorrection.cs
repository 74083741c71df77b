namespace Almab.Reports.Statistics;

/// <summary>Multiple-comparison correction of a family of p-values (names as in R's <c>p.adjust</c>).</summary>
public enum PValueCorrection
{
    /// <summary>No correction.</summary>
    None,

    /// <summary>Bonferroni: min(1, m p). The paper's correction (ALMAB-DC, section 4, "within each case").</summary>
    Bonferroni,

    /// <summary>Holm's step-down method: uniformly more powerful than Bonferroni, same family-wise error control.</summary>
    Holm,
}
