namespace Almab.Experiments.Papers.Survey;

/// <summary>A claim checked: Almab's value with its 95 % interval, the verdict and why.</summary>
public sealed record SurveyVerdict(SurveyClaim Claim, double Value, double Lower, double Upper, string Verdict, string Reason);
