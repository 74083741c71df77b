namespace Almab.Reports.Regression;

/// <summary>The test of one <see cref="RegressionSample"/>.</summary>
/// <param name="Sample">What was tested.</param>
/// <param name="BaselineMedian">Median of the baseline values.</param>
/// <param name="CandidateMedian">Median of the candidate values.</param>
/// <param name="PValue">One-sided Mann–Whitney p-value for "candidate worse than baseline".</param>
/// <param name="AdjustedPValue">Holm-adjusted over all samples of the comparison.</param>
/// <param name="A12">Vargha–Delaney A12 of candidate over baseline in the "worse" direction (0.5 = no effect, 1 = always worse).</param>
/// <param name="Worse">True when the adjusted p-value is below the level.</param>
public sealed record RegressionFinding(RegressionSample Sample, double BaselineMedian, double CandidateMedian, double PValue, double AdjustedPValue, double A12, bool Worse);
