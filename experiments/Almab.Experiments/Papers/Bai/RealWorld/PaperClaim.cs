namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>The claim the real-world study tests.</summary>
public sealed record PaperClaim
{
    /// <summary>Claim id.</summary>
    public required string Id { get; init; }

    /// <summary>The paper's words.</summary>
    public required string Statement { get; init; }

    /// <summary>Almab's reading as a test.</summary>
    public required string Reading { get; init; }
}
