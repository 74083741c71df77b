using Almab.Reports.Statistics;

namespace Almab.Experiments.Papers.Survey;

/// <summary>
/// A method against a reference over the same replicates. The survey parts run every method of one replicate on the
/// same seed (common random numbers), so the samples are paired: the ratio of mean regrets uses the paired ratio
/// estimator and the test is the Wilcoxon signed-rank test on the per-replicate differences (not Mann–Whitney, whose
/// two samples must be independent), one-sided "the method's value is below the reference's", Bonferroni-adjusted over
/// the methods compared with the same reference.
/// </summary>
public sealed record SurveyComparison(string Method, double Ratio, double Lower, double Upper, double P)
{
    /// <summary>Compares each of <paramref name="others"/> (paired by index with <paramref name="reference"/>) with the reference.</summary>
    public static IReadOnlyList<SurveyComparison> AgainstReference(IReadOnlyList<double> reference, IReadOnlyList<(string Method, IReadOnlyList<double> Values)> others)
    {
        var raw = new double[others.Count];
        var ratios = new (double R, double Lo, double Hi)[others.Count];
        for (int i = 0; i < others.Count; i++)
        {
            var values = others[i].Values;
            if (values.Count != reference.Count)
            {
                throw new ArgumentException($"{others[i].Method}: {values.Count} replicates, the reference has {reference.Count}; paired comparisons need the same replicates");
            }

            ratios[i] = SurveyStatistics.PairedRatio(values, reference);
            bool allEqual = values.Zip(reference).All(p => p.First == p.Second);
            raw[i] = allEqual ? 1.0 : WilcoxonSignedRank.Test(reference, values, Alternative.Greater).PValue;
        }

        var adjusted = PValueAdjustment.Adjust(raw, PValueCorrection.Bonferroni);
        return [.. others.Select((o, i) => new SurveyComparison(o.Method, ratios[i].R, ratios[i].Lo, ratios[i].Hi, adjusted[i]))];
    }

    /// <summary>
    /// The verdict on "the method does better (lower) than the reference": reproduced when the ratio's CI lies below 1
    /// and the adjusted p &lt; 0.05, not reproduced when the CI lies above 1 (the reference is better), else inconclusive.
    /// </summary>
    public SurveyVerdict LowerVerdict(SurveyClaim claim, string label, string reference)
    {
        string text = $"mean ratio {Method} / {reference} {SurveyResults.G(Ratio)} [{SurveyResults.G(Lower)}, {SurveyResults.G(Upper)}], one-sided Wilcoxon signed-rank p = {SurveyResults.G(P)} (Bonferroni)";
        var (verdict, why) = Upper < 1 && P < 0.05
            ? ("reproduced", $"{Method} has lower regret than {reference}: {text}")
            : Lower > 1
                ? ("not reproduced", $"{reference} has lower regret than {Method} on this instance: {text}")
                : ("inconclusive", $"no significant difference: {text}");
        return new SurveyVerdict(claim with { Quantity = claim.Quantity + $" [{label}]" }, Ratio, Lower, Upper, verdict, why);
    }
}
