using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.Ata;

/// <summary>ATA (shared/papers/004): adaptive task allocation, Tables 1-2 and the section 7.2 regret experiment.</summary>
public sealed class AtaPaper : IPaper
{
    /// <inheritdoc />
    public string Id => "ata";

    /// <inheritdoc />
    public string Source => "004_70493d7ca6905b74.txt: ATA, adaptive task allocation for heterogeneous stochastic workers";

    /// <inheritdoc />
    public IReadOnlyList<ICliVerb> Verbs { get; } = [new AtaVerb()];
}
