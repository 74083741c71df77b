using System.Globalization;
using System.Text;
using Almab.Experiments.Claims;
using Almab.Experiments.Papers.AlmabDc.Claims;

namespace Almab.Experiments.Papers.AlmabDc.Scaling;

/// <summary>
/// The paper-internal checks of Appendix C, as verdicts in <c>appendix-c.md</c> (issue 17): Table 9's speed-ups against
/// Table 8's runtimes (claims appc-t9-*), the stated MLP serial fraction p ≈ 0.08 against the p its own S(16) = 5.74
/// implies (appc-mlp-p), the GP's implied p (appc-gp-p) and Amdahl's S(16) with p = 0.08 (amdahl-mlp). They need no
/// simulation; <see cref="PaperConsistency"/> recomputes them from the numbers in the claims file.
/// </summary>
public static class AppendixCConsistency
{
    /// <summary>The verdicts, in claims-file order.</summary>
    public static IReadOnlyList<ClaimVerdict> Verdicts()
    {
        var evaluator = new ClaimEvaluator([], _ => null);
        return [.. ClaimsCatalog.AlmabDc.Where(c => c.Id.StartsWith("appc-", StringComparison.Ordinal) || c.Id == "amdahl-mlp").Select(evaluator.Evaluate)];
    }

    /// <summary>The verdicts as a Markdown section.</summary>
    public static string Markdown()
    {
        var verdicts = Verdicts();
        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine("### Paper-internal consistency (Appendix C's own numbers against each other)");
        sb.AppendLine();
        sb.AppendLine("| claim | stated | recomputed | verdict | how |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var v in verdicts)
        {
            sb.AppendLine($"| {v.Claim.Quantity} | {v.Claim.StatedText} | {v.Value.ToString("F3", CultureInfo.InvariantCulture)} | **{v.Verdict}** | {v.Reason} |");
        }

        sb.AppendLine();
        sb.AppendLine($"{verdicts.Count(v => v.Verdict == "reproduced")} of {verdicts.Count} paper-internal checks hold.");
        return sb.ToString();
    }
}
