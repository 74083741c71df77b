using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.Bai;

/// <summary>The SH-RR paper (shared/papers/002): best-arm identification with resource constraints.</summary>
public sealed class BaiPaper : IPaper
{
    /// <inheritdoc />
    public string Id => "bai";

    /// <inheritdoc />
    public string Source => "002_ce2ae355cf753ad7.txt: Best Arm Identification with Resource Constraints (SH-RR)";

    /// <inheritdoc />
    public IReadOnlyList<ICliVerb> Verbs { get; } = [new BaiVerb()];
}
