namespace Almab.Reports.Regression;

/// <summary>One quantity measured in a baseline run and a candidate run, e.g. the final metric of (case, method, K).</summary>
/// <param name="Key">What it is, printed in the report.</param>
/// <param name="LowerIsBetter">Direction of the quantity.</param>
/// <param name="Baseline">Replicate values of the baseline run.</param>
/// <param name="Candidate">Replicate values of the candidate run.</param>
public sealed record RegressionSample(string Key, bool LowerIsBetter, IReadOnlyList<double> Baseline, IReadOnlyList<double> Candidate);
