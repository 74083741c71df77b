namespace Almab.Reports.Tables;

/// <summary>
/// Outcome of a method's test against the reference method after multiple-comparison correction.
/// The paper (ALMAB-DC, Tables 4-6) marks with † (††) the methods the reference beats at 5% (1%);
/// the test is two-sided, so a method that beats the reference is marked ‡ (‡‡) instead.
/// </summary>
public enum SignificanceMark
{
    /// <summary>Not tested (the reference itself, or the reference is absent from the group).</summary>
    NotTested,

    /// <summary>Adjusted p &gt;= 0.05.</summary>
    NotSignificant,

    /// <summary>† : the reference is better, adjusted p &lt; 0.05.</summary>
    ReferenceBetter05,

    /// <summary>†† : the reference is better, adjusted p &lt; 0.01.</summary>
    ReferenceBetter01,

    /// <summary>‡ : this method is better than the reference, adjusted p &lt; 0.05.</summary>
    MethodBetter05,

    /// <summary>‡‡ : this method is better than the reference, adjusted p &lt; 0.01.</summary>
    MethodBetter01,
}
