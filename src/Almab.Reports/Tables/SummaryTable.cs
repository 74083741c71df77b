using Almab.Reports.Data;
using Almab.Reports.Statistics;

namespace Almab.Reports.Tables;

/// <summary>
/// The paper's results table (ALMAB-DC section 4, Tables 4-6) per (case, K, budget, noise): for each
/// method n, mean ± sd and median [IQR] of the final metric, mean cumulative regret, mean virtual
/// wall-clock and real compute time, and the significance of a two-sided Mann-Whitney U test of the
/// method's final metric against the reference method, corrected over the group's comparisons.
/// </summary>
/// <remarks>
/// Choices: the test uses scipy's defaults (<see cref="MannWhitneyU.Test"/>, method Auto, continuity
/// correction). The family of the correction is the group (the paper corrects "within each case"; with
/// one K, budget and noise per case these coincide). A method's mean regret is NaN when any of its
/// replicates has undefined regret, so a partial average is never shown. Groups are ordered by case
/// (ordinal), K, budget, noise; methods by first appearance in the input.
/// </remarks>
public sealed class SummaryTable
{
    private SummaryTable(string metricName, bool lowerIsBetter, string referenceMethod, PValueCorrection correction,
        IReadOnlyList<SummaryGroup> groups)
    {
        MetricName = metricName;
        LowerIsBetter = lowerIsBetter;
        ReferenceMethod = referenceMethod;
        Correction = correction;
        Groups = groups;
    }

    /// <summary>Name of the final metric (column header).</summary>
    public string MetricName { get; }

    /// <summary>Direction of the metric: true when smaller values are better.</summary>
    public bool LowerIsBetter { get; }

    /// <summary>The method every other method is tested against.</summary>
    public string ReferenceMethod { get; }

    /// <summary>Multiple-comparison correction applied within each group.</summary>
    public PValueCorrection Correction { get; }

    /// <summary>One group per (case, K, budget, noise).</summary>
    public IReadOnlyList<SummaryGroup> Groups { get; }

    /// <summary>The footnote naming the test, the correction and the marks (plain text).</summary>
    public string Footnote =>
        $"† (††): {ReferenceMethod} significantly better than this method at the 5% (1%) level; " +
        $"‡ (‡‡): this method significantly better than {ReferenceMethod}. Two-sided two-sample Mann-Whitney U test " +
        "on the final metric of the replicates (exact when a sample has at most 8 values and there are no ties, " +
        "otherwise normal approximation with tie and continuity corrections), p-values " +
        (Correction == PValueCorrection.None ? "not adjusted" : $"{Correction}-adjusted over the comparisons with the reference") +
        " within each (case, K, budget, noise) group. " +
        $"{MetricName}: {(LowerIsBetter ? "lower" : "higher")} is better; best mean in bold.";

    /// <summary>Builds the table.</summary>
    /// <param name="records">Replicate records (any order; each (case, method, K, budget, noise, replicate) at most once).</param>
    /// <param name="referenceMethod">Method the others are tested against (e.g. "ALMAB-DC (UCB)").</param>
    /// <param name="metricName">Name of the final metric, used in headers.</param>
    /// <param name="lowerIsBetter">True when smaller final metric is better (regret, drag); false for accuracy, return.</param>
    /// <param name="correction">Multiple-comparison correction (the paper: Bonferroni).</param>
    public static SummaryTable Build(IEnumerable<ReplicateRecord> records, string referenceMethod, string metricName,
        bool lowerIsBetter, PValueCorrection correction = PValueCorrection.Bonferroni)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (string.IsNullOrWhiteSpace(referenceMethod))
        {
            throw new ArgumentException("referenceMethod must name a method.", nameof(referenceMethod));
        }

        if (string.IsNullOrWhiteSpace(metricName))
        {
            throw new ArgumentException("metricName must not be empty.", nameof(metricName));
        }

        if (!Enum.IsDefined(correction))
        {
            throw new ArgumentOutOfRangeException(nameof(correction), correction, "Use None, Bonferroni or Holm.");
        }

        var cells = new Dictionary<(string Case, int K, int Budget, double Noise), Dictionary<string, List<ReplicateRecord>>>();
        var methodOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string, int, int, double, int)>();
        int index = 0;
        foreach (ReplicateRecord r in records)
        {
            Validate(r, index++);
            if (!seen.Add((r.Case, r.Method, r.Workers, r.Budget, r.Noise, r.Replicate)))
            {
                throw new ArgumentException(
                    $"Duplicate replicate {r.Replicate} of method '{r.Method}' in case '{r.Case}' (K={r.Workers}, budget={r.Budget}, noise={r.Noise}).",
                    nameof(records));
            }

            methodOrder.TryAdd(r.Method, methodOrder.Count);
            var key = (r.Case, r.Workers, r.Budget, r.Noise);
            if (!cells.TryGetValue(key, out var byMethod))
            {
                cells[key] = byMethod = new Dictionary<string, List<ReplicateRecord>>(StringComparer.Ordinal);
            }

            if (!byMethod.TryGetValue(r.Method, out var list))
            {
                byMethod[r.Method] = list = [];
            }

            list.Add(r);
        }

        var groups = cells
            .OrderBy(c => c.Key.Case, StringComparer.Ordinal).ThenBy(c => c.Key.K).ThenBy(c => c.Key.Budget).ThenBy(c => c.Key.Noise)
            .Select(c => SummaryGroupBuilder.Build(c.Key.Case, c.Key.K, c.Key.Budget, c.Key.Noise,
                c.Value.OrderBy(m => methodOrder[m.Key]).Select(m => (m.Key, (IReadOnlyList<ReplicateRecord>)m.Value.OrderBy(r => r.Replicate).ToList())).ToList(),
                referenceMethod, lowerIsBetter, correction))
            .ToList();
        return new SummaryTable(metricName, lowerIsBetter, referenceMethod, correction, groups);
    }

    private static void Validate(ReplicateRecord r, int index)
    {
        if (r is null)
        {
            throw new ArgumentException($"records[{index}] is null.", "records");
        }

        if (string.IsNullOrWhiteSpace(r.Case) || string.IsNullOrWhiteSpace(r.Method))
        {
            throw new ArgumentException($"records[{index}] has an empty Case or Method.", "records");
        }

        if (!double.IsFinite(r.FinalMetric) || !double.IsFinite(r.Noise) || !double.IsFinite(r.VirtualSeconds) ||
            !double.IsFinite(r.ComputeSeconds) || double.IsInfinity(r.CumulativeRegret))
        {
            throw new ArgumentException(
                $"records[{index}] ({r.Case}, {r.Method}, replicate {r.Replicate}) has a non-finite value: FinalMetric={r.FinalMetric}, " +
                $"Noise={r.Noise}, VirtualSeconds={r.VirtualSeconds}, ComputeSeconds={r.ComputeSeconds}, CumulativeRegret={r.CumulativeRegret} (only regret may be NaN).",
                "records");
        }
    }
}
