using System.Globalization;
using Almab.Experiments.Claims;

namespace Almab.Experiments.Papers.AlmabDc.Claims;

/// <summary>
/// Paper-internal consistency (issue 17, item 5): numbers the paper states that must follow from other numbers it
/// states, recomputed without any simulation. "paper-ratio": the stated value against Numerator / Denominator (e.g.
/// Table 9's S(K) against Table 8's T_1 / T_K). "amdahl-serial-fraction": a stated serial fraction p against the one
/// Amdahl's law (eq. 4, eta = 1) implies for a stated speed-up S = Numerator at K = Workers:
/// p = (K / S - 1) / (K - 1). Reproduced when the recomputed value rounds to the stated one.
/// </summary>
public static class PaperConsistency
{
    /// <summary>The verdict of a paper-internal claim.</summary>
    public static ClaimVerdict Evaluate(ClaimSpec claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        double numerator = claim.Numerator ?? throw new ArgumentException($"claim {claim.Id}: {claim.Check} needs numerator");
        double value;
        string how;
        if (claim.Check == "paper-ratio")
        {
            double denominator = claim.Denominator ?? throw new ArgumentException($"claim {claim.Id}: paper-ratio needs denominator");
            value = numerator / denominator;
            how = $"the paper's own {F(numerator)} / {F(denominator)} = {value.ToString("F3", CultureInfo.InvariantCulture)}";
        }
        else
        {
            int k = claim.Workers ?? throw new ArgumentException($"claim {claim.Id}: amdahl-serial-fraction needs workers");
            value = (k / numerator - 1.0) / (k - 1.0);
            how = $"Amdahl eq. (4) solved for p from the paper's own S({k}) = {F(numerator)}: p = ({k}/S - 1)/({k} - 1) = {value.ToString("F3", CultureInfo.InvariantCulture)}";
        }

        bool same = Math.Abs(value - claim.Stated) <= claim.RoundingHalfWidth + 1e-12;
        return new ClaimVerdict(claim, value, double.NaN, double.NaN, same ? "reproduced" : "not reproduced",
            $"{how}, which {(same ? "rounds to" : "differs from")} the stated value (paper-internal check)");
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
