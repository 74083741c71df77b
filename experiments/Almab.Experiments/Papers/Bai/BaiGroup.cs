namespace Almab.Experiments.Papers.Bai;

/// <summary>A number of resources L and the matchings run with it.</summary>
public sealed record BaiGroup
{
    /// <summary>L.</summary>
    public required int Resources { get; init; }

    /// <summary>Matching names (HL, HH, Mixture).</summary>
    public required IReadOnlyList<string> Matchings { get; init; }
}
