using Almab.Reports.Statistics;

namespace Almab.Reports.Regression;

/// <summary>
/// Regression mode (<c>almab compare</c>): each quantity is tested one-sided — is the candidate worse than the
/// baseline? — with the Mann–Whitney U test (scipy's method "auto": exact for small samples without ties, else the
/// tie-corrected normal approximation with continuity correction), and the p-values are Holm-adjusted over all
/// quantities so the family-wise error rate stays at the level.
/// </summary>
public static class RegressionCheck
{
    /// <summary>Tests every sample; those with an adjusted p below <paramref name="level"/> are flagged worse.</summary>
    public static IReadOnlyList<RegressionFinding> Run(IReadOnlyList<RegressionSample> samples, double level = 0.05)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "the significance level must be in (0, 1)");
        }

        var p = new double[samples.Count];
        var a12 = new double[samples.Count];
        for (int i = 0; i < samples.Count; i++)
        {
            var s = samples[i];
            // "Worse" is "greater" for lower-is-better quantities and "less" otherwise; x = candidate.
            var alternative = s.LowerIsBetter ? Alternative.Greater : Alternative.Less;
            p[i] = IsConstantAndEqual(s) ? 1.0 : MannWhitneyU.Test(s.Candidate, s.Baseline, alternative).PValue;
            double a = EffectSize.VarghaDelaneyA12(s.Candidate, s.Baseline);
            a12[i] = s.LowerIsBetter ? a : 1 - a;
        }

        var adjusted = PValueAdjustment.Adjust(p, PValueCorrection.Holm);
        var findings = new List<RegressionFinding>(samples.Count);
        for (int i = 0; i < samples.Count; i++)
        {
            findings.Add(new RegressionFinding(samples[i], Descriptive.MedianInPlace([.. samples[i].Baseline]), Descriptive.MedianInPlace([.. samples[i].Candidate]), p[i], adjusted[i], a12[i], adjusted[i] < level));
        }

        return findings;
    }

    private static bool IsConstantAndEqual(RegressionSample s)
    {
        double first = s.Baseline[0];
        return s.Baseline.All(v => v == first) && s.Candidate.All(v => v == first);
    }
}
