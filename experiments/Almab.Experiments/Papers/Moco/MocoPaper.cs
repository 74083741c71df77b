using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.Moco;

/// <summary>D&amp;L (shared/papers/003): multi-objective combinatorial optimization, the Table 1 analogue and its claims.</summary>
public sealed class MocoPaper : IPaper
{
    /// <inheritdoc />
    public string Id => "moco";

    /// <inheritdoc />
    public string Source => "003_30a6033133f9c344.txt: D&L, decomposed multi-expert bandits for multi-objective combinatorial optimization";

    /// <inheritdoc />
    public IReadOnlyList<ICliVerb> Verbs { get; } = [new MocoVerb()];
}
