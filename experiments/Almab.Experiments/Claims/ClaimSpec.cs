using Almab.Experiments.Papers.AlmabDc.Claims;
namespace Almab.Experiments.Claims;

/// <summary>
/// One number a paper states, as recorded in <c>experiments/Almab.Experiments/Papers/*/claims/*.json</c>: where it is stated, the exact
/// quantity, and how Almab checks it (<see cref="Check"/>: median-final, mean-final, rounds-to-threshold, speedup,
/// effective-speedup, relative-change, mann-whitney, amdahl-consistency, own-model).
/// </summary>
public sealed record ClaimSpec
{
    /// <summary>Unique id, e.g. <c>c4-almab-median</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Paper file prefix (000 = ALMAB-DC).</summary>
    public required string Paper { get; init; }

    /// <summary>Section, table or figure where the number is stated.</summary>
    public required string Where { get; init; }

    /// <summary>The exact quantity, in words.</summary>
    public required string Quantity { get; init; }

    /// <summary>The stated value.</summary>
    public required double Stated { get; init; }

    /// <summary>How the claim is checked.</summary>
    public required string Check { get; init; }

    /// <summary>Case id the claim is about (null for amdahl-consistency).</summary>
    public string? Case { get; init; }

    /// <summary>Method id.</summary>
    public string? Method { get; init; }

    /// <summary>Worker count K the claim refers to.</summary>
    public int? Workers { get; init; }

    /// <summary>Threshold for rounds-to-threshold.</summary>
    public double? Threshold { get; init; }

    /// <summary>
    /// Statistic that relative-change and own-model compare: mean-final or median-final (the final metric),
    /// mean-reward (mean observed reward per pull) or makespan (virtual seconds); see <see cref="ClaimStatistics"/>.
    /// </summary>
    public string? Of { get; init; }

    /// <summary>The other method of a mann-whitney claim.</summary>
    public string? Versus { get; init; }

    /// <summary>Alternative of a mann-whitney claim: "less" (Method's final metric tends to be smaller than Versus's) or "greater".</summary>
    public string? Alternative { get; init; }

    /// <summary>Number of comparisons in the family a mann-whitney claim's p-value is Bonferroni-corrected over.</summary>
    public int? Comparisons { get; init; }

    /// <summary>Serial fraction for amdahl-consistency.</summary>
    public double? P { get; init; }

    /// <summary>Why the claim cannot be reproduced exactly (own-model) or what its check depends on.</summary>
    public string? Reason { get; init; }

    /// <summary>Paper-internal checks: the paper's own numerator (e.g. Table 8's T_1, or a stated speed-up S(K)).</summary>
    public double? Numerator { get; init; }

    /// <summary>Paper-internal checks: the paper's own denominator (e.g. Table 8's T_K).</summary>
    public double? Denominator { get; init; }

    /// <summary>
    /// Decimals the paper prints the stated value with, when JSON loses trailing zeros (3.90 reads back as 3.9);
    /// null = as many as <see cref="Stated"/> shows.
    /// </summary>
    public int? Decimals { get; init; }

    /// <summary>Half the last printed digit of <see cref="Stated"/>: the rounding the paper's value may carry.</summary>
    public double RoundingHalfWidth => Decimals is int d ? 0.5 * Math.Pow(10, -d) : IntervalEstimates.RoundingHalfWidth(Stated);

    /// <summary><see cref="Stated"/> as the paper prints it (with <see cref="Decimals"/> when given, else 4 significant digits).</summary>
    public string StatedText => Decimals is int d
        ? Stated.ToString("F" + d.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)
        : Stated.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
