namespace Almab.Experiments.Papers.Survey;

/// <summary>What a survey part reports: Markdown, a tidy CSV summary, verdicts and the figure series.</summary>
public sealed record SurveyPartReport(string Markdown, string Csv, IReadOnlyList<SurveyVerdict> Verdicts, IReadOnlyList<SurveySeries> Series);
