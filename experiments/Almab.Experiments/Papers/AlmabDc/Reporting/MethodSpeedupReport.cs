using Almab.Reports.Figures.Builders;
using Almab.Reports.Figures;
using Almab.Experiments.Reporting;

namespace Almab.Experiments.Papers.AlmabDc.Reporting;

/// <summary>
/// Speedup against K for every method run at two or more K (ALMAB-DC figure 6 style, one curve per method): mean
/// virtual seconds per evaluation at the smallest K over that at K, with a least-squares Amdahl fit per method.
/// </summary>
public static class MethodSpeedupReport
{
    /// <summary>Writes <c>speedup-methods.svg/png</c> when at least two methods were run at ≥ 2 K values; returns its index line.</summary>
    public static IEnumerable<string> Write(ReportContext report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ks = report.Workers;
        var methods = report.Methods.Where(m => ks.Count(k => report.Cell(m, k).Count > 0) >= 2 && report.Cell(m, ks[0]).Count > 0).ToList();
        if (methods.Count < 2)
        {
            yield break;
        }

        double[] k = [.. ks.Select(x => x / (double)ks[0])];
        double[][] speedup = [.. methods.Select(m =>
        {
            double baseline = PerEvaluation(report, m, ks[0]);
            return ks.Select(x => report.Cell(m, x).Count > 0 ? baseline / PerEvaluation(report, m, x) : double.NaN).ToArray();
        })];
        if (speedup.All(s => s.Zip(speedup[0]).All(p => Math.Abs(p.First - p.Second) <= 1e-9 * Math.Abs(p.Second) || (double.IsNaN(p.First) && double.IsNaN(p.Second)))))
        {
            // Identical curves would hide each other; the reference method's speedup figure already shows them.
            yield return $"- speedup-methods (not drawn): every method has the same speedup in virtual time per evaluation ({ReportText.List(speedup[0])} at K = {ReportText.List(ks)}), the one shown in speedup.png; the simulated clock does not depend on the method here.";
            yield break;
        }

        var figure = ScalingFigures.Speedup(methods, k, speedup,
            options: new FigureOptions(1200, 620, $"{report.Definition.Id}: speedup of every method (K relative to {ks[0]})"), annotateLast: methods.Count <= 3);
        figure.Charts[0].Legend = ChartLegend.OutsideRight; // one fit and one observed entry per method
        string values = string.Join(", ", methods.Select((m, i) => $"{m} {ReportText.G(speedup[i][^1])}x"));
        yield return report.Save(figure, "speedup-methods",
            $"speedup of each method in mean virtual seconds per evaluation, K = {ReportText.List(ks)} against K = {ks[0]} (at K = {ks[^1]}: {values}), ideal S = K and a least-squares Amdahl fit per method (p in the legend); descriptive, no test.");
    }

    private static double PerEvaluation(ReportContext report, string method, int workers) =>
        report.Cell(method, workers).Average(r => r.MakespanSeconds / Math.Max(1, r.Evaluations.Length));
}
