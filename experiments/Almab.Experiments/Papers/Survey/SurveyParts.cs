using Almab.Experiments.Papers.Survey.Parts;

namespace Almab.Experiments.Papers.Survey;

/// <summary>The survey's parts in help order: the one place a part is registered.</summary>
public static class SurveyParts
{
    /// <summary>Every part.</summary>
    public static IReadOnlyList<SurveyPart> All { get; } =
    [
        new BatchPart(),
        new DriftPart(),
        new FederatedPart(),
        new FaultPart(),
        new ContextualPart(),
        new ScalePart(),
        new HyperbandPart(),
        new GpUcbPart(),
    ];
}
