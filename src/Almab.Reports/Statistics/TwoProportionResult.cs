namespace Almab.Reports.Statistics;

/// <summary>Result of a pooled two-proportion z-test.</summary>
/// <param name="P1">x1 / n1.</param>
/// <param name="P2">x2 / n2.</param>
/// <param name="Z">(p1 − p2) / sqrt(p̂ (1 − p̂) (1/n1 + 1/n2)), p̂ = (x1 + x2) / (n1 + n2); 0 when p̂ is 0 or 1.</param>
/// <param name="PValue">p-value for the requested alternative (1 when both samples are all-success or all-failure).</param>
public sealed record TwoProportionResult(double P1, double P2, double Z, double PValue);
