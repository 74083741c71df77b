using Almab.Reports.Figures.Builders;
using Almab.Reports.Figures;
using Almab.Experiments.Reporting;
using Almab.Experiments.Store;

namespace Almab.Experiments.Papers.AlmabDc.Reporting;

/// <summary>
/// Cumulative regret (ALMAB-DC figures 3 and 5, right panels; eq. 2 for the illustrative example), drawn whenever the
/// database stores regret: every method at the smallest K against evaluations, and, for a case whose metric is the
/// per-decision cumulative regret (K agents averaging one arm), the reference method at each K against decisions.
/// </summary>
public static class RegretReport
{
    /// <summary>Writes <c>regret.svg/png</c> when every replicate of the main cell stores regret; returns its index line.</summary>
    public static IEnumerable<string> Write(ReportContext report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Main.Any(r => double.IsNaN(r.CumulativeRegret) || r.Evaluations.Length == 0))
        {
            yield break;
        }

        bool perDecision = report.Metric == "cumulative-regret";
        var methods = report.Methods.Where(m => report.Cell(m, report.KMin).Count > 0).ToList();
        var ks = report.Workers.Where(k => report.Cell(report.Reference, k).Count > 0).ToList();
        bool byK = perDecision && ks.Count > 1;
        bool byMethod = methods.Count > 1 || !byK;
        var figure = new ChartGrid(byMethod && byK ? 1400 : 900, 560, $"{report.Definition.Id}: cumulative regret (mean ± 1 sd)");
        var tests = new List<string>();
        if (byMethod)
        {
            var cells = methods.Select(m => report.Cell(m, report.KMin)).ToList();
            double[][][] regret = [.. cells.Select(c => c.Select(InstantRegret).ToArray())];
            var axes = RegretFigures.PlotCumulativeRegret(figure.AddChart($"Every method, K = {report.KMin}"), methods, regret, BandKind.MeanSd);
            axes.Legend = ChartLegend.UpperLeft;
            var reference = cells[methods.IndexOf(report.Reference)].Select(r => r.CumulativeRegret).ToList();
            var others = methods.Where(m => m != report.Reference).ToList();
            var p = ReportStatistics.BonferroniMannWhitney(reference, [.. others.Select(m => cells[methods.IndexOf(m)].Select(r => r.CumulativeRegret).ToList())]);
            if (others.Count > 0)
            {
                tests.Add($"two-sided Mann–Whitney U of R_T against {report.Reference} at K = {report.KMin}, Bonferroni × {others.Count}: "
                    + string.Join(", ", others.Select((m, i) => $"{m} p = {ReportText.P(p[i])}")));
            }
        }

        if (byK)
        {
            var cells = ks.Select(k => report.Cell(report.Reference, k)).ToList();
            double[][][] regret = [.. cells.Select((c, i) => c.Select(r => PerDecision(r, ks[i], report.Definition.InitialDesign.Count)).ToArray())];
            var axes = RegretFigures.PlotCumulativeRegret(figure.AddChart($"{report.Reference}, per decision"), [.. ks.Select(k => $"K = {k}")], regret, BandKind.MeanSd, xLabel: "Decisions (rounds of K parallel pulls)");
            axes.Legend = ChartLegend.UpperLeft;
            var p = ReportStatistics.BonferroniMannWhitney(cells[0].Select(r => r.CumulativeRegret).ToList(), [.. cells.Skip(1).Select(c => c.Select(r => r.CumulativeRegret).ToList())]);
            tests.Add($"two-sided Mann–Whitney U of R_T at each K against K = {ks[0]}, Bonferroni × {ks.Count - 1}: "
                + string.Join(", ", ks.Skip(1).Select((k, i) => $"K = {k} p = {ReportText.P(p[i])}")));
        }

        string what = perDecision
            ? "cumulative regret R_T = Σ_t (μ* − mean over the K pulls of μ(a_t)) (eq. 2)"
            : "cumulative regret Σ_t (f(x_t) − f*) of the evaluated points (noise-free values)";
        yield return report.Save(figure, "regret", $"{what}, mean line and ± 1 sd band over replicates; {string.Join("; ", tests)}.");
    }

    /// <summary>
    /// Per-evaluation regret of one replicate: the increments of the stored metric when it is the cumulative regret,
    /// otherwise f(x_t) − f* with f* recovered from the stored total, f* = (Σ_t f(x_t) − R_T) / n.
    /// </summary>
    public static double[] InstantRegret(ReplicateResult replicate)
    {
        ArgumentNullException.ThrowIfNull(replicate);
        var e = replicate.Evaluations;
        var regret = new double[e.Length];
        if (replicate.MetricName == "cumulative-regret")
        {
            double previous = 0;
            for (int i = 0; i < e.Length; i++)
            {
                regret[i] = e[i].Metric - previous;
                previous = e[i].Metric;
            }

            return regret;
        }

        double sum = 0;
        foreach (var row in e)
        {
            sum += row.TrueValue;
        }

        double optimum = (sum - replicate.CumulativeRegret) / e.Length;
        for (int i = 0; i < e.Length; i++)
        {
            regret[i] = e[i].TrueValue - optimum;
        }

        return regret;
    }

    /// <summary>Regret per decision: the initial-design evaluations one by one, then each synchronous round of K evaluations summed.</summary>
    public static double[] PerDecision(ReplicateResult replicate, int workers, int initialPoints)
    {
        double[] pulls = InstantRegret(replicate);
        int initial = Math.Min(initialPoints, pulls.Length);
        var decisions = new List<double>(pulls[..initial]);
        for (int start = initial; start < pulls.Length; start += workers)
        {
            double s = 0;
            for (int i = start; i < Math.Min(start + workers, pulls.Length); i++)
            {
                s += pulls[i];
            }

            decisions.Add(s);
        }

        return [.. decisions];
    }
}
