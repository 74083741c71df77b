using System.Globalization;
using System.Text;
using Almab.Experiments.Claims;
using Almab.Experiments.Reporting;
using Almab.Experiments.Store;
using Almab.Reports.Statistics;

namespace Almab.Experiments.Papers.Moco;

/// <summary>
/// The equal-budget view of the Table 1 analogue for problems where ParEGO ran with a smaller budget than the other
/// black-box methods. Anytime methods (nsga2, random: they never read the budget) are read from their stored trace at
/// exactly ParEGO's evaluation count (the checkpoint whose count equals it; the divisors of
/// <see cref="MocoMethods.ParEgoDivisors"/> make one exist), which is what a run with that budget would give. Budget-aware
/// methods (the D&amp;L family splits its budget over its weight vectors) are not truncated: they get extra runs with
/// ParEGO's budget (the <c>extra</c> results of <see cref="Markdown"/>), whose final values are used. Per method: mean ±
/// SE, 95 % t interval, and a two-sided Wilcoxon signed-rank test against ParEGO on paired instances, Holm-adjusted
/// across the methods of the problem. Without it, ParEGO's smaller budget would be compared silently with the others'.
/// </summary>
public static class MocoBudgetTable
{
    /// <summary>HV ratio and NDS of a replicate after exactly <paramref name="evaluations"/> evaluations, or null when its trace has no such checkpoint.</summary>
    public static (double Hv, double Nds)? At(ReplicateResult r, int evaluations)
    {
        foreach (var row in r.Evaluations)
        {
            if (row.Index + 1 == evaluations)
            {
                return (row.Metric, row.Observed);
            }
        }

        return null;
    }

    /// <summary>Per instance, the HV ratio and NDS of <paramref name="method"/> after <paramref name="evaluations"/> evaluations.</summary>
    public static SortedDictionary<int, (double Hv, double Nds)> Values(IEnumerable<ReplicateResult> results, string problem, string method, int evaluations)
    {
        var d = new SortedDictionary<int, (double, double)>();
        foreach (var r in results.Where(r => r.Cell.CaseId == problem && r.Cell.Method == method))
        {
            if (At(r, evaluations) is { } v)
            {
                d[r.Cell.Replicate] = v;
            }
        }

        return d;
    }

    /// <summary>ParEGO's budget on <paramref name="problem"/> in these results, or null when ParEGO did not run there.</summary>
    public static int? ParEgoBudget(IEnumerable<ReplicateResult> results, string problem) =>
        results.FirstOrDefault(r => r.Cell.CaseId == problem && r.Cell.Method == "parego")?.Cell.Budget;

    /// <summary>
    /// Per instance, the HV ratio and NDS of <paramref name="method"/> at ParEGO's budget on <paramref name="problem"/>:
    /// the final values when the method ran with that budget (in <paramref name="main"/> or <paramref name="extra"/>),
    /// otherwise its trace at that count for an anytime method; empty when neither exists.
    /// </summary>
    public static SortedDictionary<int, (double Hv, double Nds)> AtParEgoBudget(
        IReadOnlyList<ReplicateResult> main, IReadOnlyList<ReplicateResult> extra, string problem, string method)
    {
        var result = new SortedDictionary<int, (double, double)>();
        if (ParEgoBudget(main, problem) is not int budget)
        {
            return result;
        }

        var own = main.Concat(extra).Where(r => r.Cell.CaseId == problem && r.Cell.Method == method && r.Cell.Budget == budget).ToList();
        if (own.Count > 0)
        {
            foreach (var r in own)
            {
                result[r.Cell.Replicate] = (r.FinalMetric, r.Evaluations[^1].Observed);
            }

            return result;
        }

        return MocoMethods.UsesBudget(method) ? result : Values(main, problem, method, budget);
    }

    /// <summary>The markdown section; empty when ParEGO ran nowhere with a smaller budget than the others.</summary>
    public static string Markdown(
        IReadOnlyList<ReplicateResult> main, IReadOnlyList<ReplicateResult> extra, IReadOnlyList<string> problems, IReadOnlyList<string> methods)
    {
        var sb = new StringBuilder();
        foreach (string problem in problems)
        {
            if (ParEgoBudget(main, problem) is not int budget
                || !main.Any(r => r.Cell.CaseId == problem && !MocoMethods.IsSpecialised(r.Cell.Method) && r.Cell.Budget > budget))
            {
                continue;
            }

            if (sb.Length == 0)
            {
                sb.AppendLine();
                sb.AppendLine("## Equal budget: every black-box method at ParEGO's evaluation count");
                sb.AppendLine();
                sb.AppendLine("ParEGO ran with a smaller budget than the others (its GP makes each evaluation far dearer; see the protocol note). Here every black-box method is compared at ParEGO's budget: nsga2 and random (anytime) read from their traces at that count, the D&L family from extra runs given that budget. Wilcoxon signed-rank two-sided against ParEGO on paired instances, Holm-adjusted within the problem.");
                sb.AppendLine();
                sb.AppendLine("| problem | evaluations | method | instances | HV ratio mean ± SE | 95 % t CI | NDS | Wilcoxon vs parego (Holm) |");
                sb.AppendLine("|---|---|---|---|---|---|---|---|");
            }

            var blackBox = methods.Where(m => !MocoMethods.IsSpecialised(m)).ToList();
            var reference = AtParEgoBudget(main, extra, problem, "parego");
            var others = blackBox.Where(m => m != "parego").ToList();
            var raw = others.Select(m =>
            {
                var v = AtParEgoBudget(main, extra, problem, m);
                var keys = v.Keys.Where(reference.ContainsKey).ToArray();
                return MocoTable.WilcoxonP(keys.Select(k => v[k].Hv).ToArray(), keys.Select(k => reference[k].Hv).ToArray(), Alternative.TwoSided);
            }).ToArray();
            var adjusted = MocoTable.HolmIgnoringNaN(raw);
            foreach (string method in blackBox)
            {
                var v = AtParEgoBudget(main, extra, problem, method);
                if (v.Count == 0)
                {
                    continue;
                }

                var hv = v.Values.Select(t => t.Hv).ToArray();
                string mean = hv.Length >= 2 ? $"{MocoTable.F(hv.Average())} ± {MocoTable.F(IntervalEstimates.Mean(hv).StandardError)}" : MocoTable.F(hv[0]);
                string ci = hv.Length >= 2 ? $"[{MocoTable.F(IntervalEstimates.Mean(hv).Lower)}, {MocoTable.F(IntervalEstimates.Mean(hv).Upper)}]" : "n/a";
                int idx = others.IndexOf(method);
                string p = idx < 0 ? "—" : double.IsNaN(adjusted[idx]) ? "n/a" : ReportText.P(adjusted[idx]);
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {problem} | {budget} | {method} | {v.Count} | {mean} | {ci} | {v.Values.Average(t => t.Nds):F1} | {p} |"));
            }
        }

        return sb.ToString();
    }
}
