using Almab.Experiments.Papers.AlmabDc.Claims;
namespace Almab.Experiments.Claims;

/// <summary>The outcome of checking one stated number.</summary>
/// <param name="Claim">The claim.</param>
/// <param name="Value">Almab's value (NaN when not run).</param>
/// <param name="Lower">Lower end of its 95 % confidence interval (NaN when none).</param>
/// <param name="Upper">Upper end of its 95 % confidence interval.</param>
/// <param name="Verdict">reproduced, not reproduced, not reproducible, or not run.</param>
/// <param name="Reason">Why: the interval test, the recomputation, or the missing information.</param>
public sealed record ClaimVerdict(ClaimSpec Claim, double Value, double Lower, double Upper, string Verdict, string Reason);
