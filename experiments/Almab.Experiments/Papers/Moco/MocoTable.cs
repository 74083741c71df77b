using System.Globalization;
using System.Text;
using Almab.Experiments.Claims;
using Almab.Experiments.Reporting;
using Almab.Experiments.Store;
using Almab.Reports.Statistics;

namespace Almab.Experiments.Papers.Moco;

/// <summary>
/// The Table 1 analogue: per problem and method, HV ratio mean ± standard error with the 95 % Student-t interval, mean
/// NDS, mean real seconds per instance, and a two-sided Wilcoxon signed-rank test against D&amp;L on paired instances
/// (Holm-adjusted across the methods of the row); the paper's HV / NDS beside ours. The budget column gives each
/// method's evaluations per instance: ParEGO's is smaller by default, and <see cref="MocoBudgetTable"/> then compares
/// every method at ParEGO's budget.
/// </summary>
public static class MocoTable
{
    /// <summary>Per-instance final values of one (problem, method): HV ratio, NDS, real seconds, keyed by instance.</summary>
    public static SortedDictionary<int, (double Hv, double Nds, double Seconds)> Finals(IEnumerable<ReplicateResult> results, string problem, string method)
    {
        var d = new SortedDictionary<int, (double, double, double)>();
        foreach (var r in results.Where(r => r.Cell.CaseId == problem && r.Cell.Method == method))
        {
            d[r.Cell.Replicate] = (r.FinalMetric, r.Evaluations[^1].Observed, r.ComputeSeconds);
        }

        return d;
    }

    /// <summary>Paired values of two methods on the instances both finished.</summary>
    public static (double[] X, double[] Y) Paired(IReadOnlyList<ReplicateResult> results, string problem, string a, string b)
    {
        var fa = Finals(results, problem, a);
        var fb = Finals(results, problem, b);
        var keys = fa.Keys.Where(fb.ContainsKey).ToArray();
        return (keys.Select(k => fa[k].Hv).ToArray(), keys.Select(k => fb[k].Hv).ToArray());
    }

    /// <summary>Wilcoxon signed-rank p-value of x vs y (paired); NaN when every difference is zero or fewer than two pairs.</summary>
    public static double WilcoxonP(double[] x, double[] y, Alternative alternative)
    {
        if (x.Length < 2 || x.Zip(y).All(t => t.First == t.Second))
        {
            return double.NaN;
        }

        return WilcoxonSignedRank.Test(x, y, alternative).PValue;
    }

    public static string Markdown(IReadOnlyList<ReplicateResult> results, IReadOnlyList<string> problems, IReadOnlyList<string> methods, MocoPaperValues paper)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| problem | method | budget | instances | HV ratio mean ± SE | 95 % t CI | NDS | real s / instance | Wilcoxon vs dl (Holm) | paper HV | paper NDS |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (string problem in problems)
        {
            var others = methods.Where(m => m != "dl").ToList();
            var raw = others.Select(m =>
            {
                if (!methods.Contains("dl"))
                {
                    return double.NaN;
                }

                var (x, y) = Paired(results, problem, m, "dl");
                return WilcoxonP(x, y, Alternative.TwoSided);
            }).ToArray();
            var adjusted = HolmIgnoringNaN(raw);
            foreach (string method in methods)
            {
                var f = Finals(results, problem, method);
                if (f.Count == 0)
                {
                    continue;
                }

                var hv = f.Values.Select(v => v.Hv).ToArray();
                string mean, ci;
                if (hv.Length >= 2)
                {
                    var e = IntervalEstimates.Mean(hv);
                    mean = $"{F(e.Mean)} ± {F(e.StandardError)}";
                    ci = $"[{F(e.Lower)}, {F(e.Upper)}]";
                }
                else
                {
                    mean = F(hv[0]);
                    ci = "n/a";
                }

                int idx = others.IndexOf(method);
                string p = idx < 0 ? "—" : double.IsNaN(adjusted[idx]) ? "n/a" : ReportText.P(adjusted[idx]);
                var pv = paper.Get(problem, method);
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {problem} | {method} | {Budget(results, problem, method)} | {f.Count} | {mean} | {ci} | {f.Values.Average(v => v.Nds):F1} | {f.Values.Average(v => v.Seconds):F3} | {p} | {(pv is null ? "—" : F(pv.Value.Hv))} | {(pv is null ? "—" : pv.Value.Nds.ToString(CultureInfo.InvariantCulture))} |"));
            }
        }

        return sb.ToString();
    }

    /// <summary>Evaluations per instance of a (problem, method), or "solver" for the specialised reference.</summary>
    public static string Budget(IEnumerable<ReplicateResult> results, string problem, string method) =>
        MocoMethods.IsSpecialised(method) ? "solver"
            : results.FirstOrDefault(r => r.Cell.CaseId == problem && r.Cell.Method == method)?.Cell.Budget.ToString(CultureInfo.InvariantCulture) ?? "—";

    /// <summary>Holm adjustment over the finite p-values; NaN entries stay NaN and are not counted.</summary>
    public static double[] HolmIgnoringNaN(IReadOnlyList<double> p)
    {
        var idx = Enumerable.Range(0, p.Count).Where(i => !double.IsNaN(p[i])).ToArray();
        var result = Enumerable.Repeat(double.NaN, p.Count).ToArray();
        if (idx.Length == 0)
        {
            return result;
        }

        var adj = PValueAdjustment.Adjust(idx.Select(i => p[i]).ToArray(), PValueCorrection.Holm);
        for (int k = 0; k < idx.Length; k++)
        {
            result[idx[k]] = adj[k];
        }

        return result;
    }

    public static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}
