using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.Survey;

/// <summary>The survey (shared/papers/001): parallel, federated, contextual, non-stationary, constrained and multi-fidelity bandits.</summary>
public sealed class SurveyPaper : IPaper
{
    /// <inheritdoc />
    public string Id => "survey";

    /// <inheritdoc />
    public string Source => "001_ac9acbcef69158c6.txt: Multi-armed bandits, advanced topics and engineering (survey)";

    /// <inheritdoc />
    public IReadOnlyList<ICliVerb> Verbs { get; } = [new SurveyVerb()];
}
