using Almab.Reports.Figures;
using Almab.Reports.Statistics;
using ScottPlot;

namespace Almab.Experiments.Papers.Bai;

/// <summary>
/// The SH-RR paper's figures rebuilt from Almab's data (PNG + SVG through <see cref="Chart"/>): Figure 2 (failure
/// probability per agent and setup, one panel per reward family and L, 95 % Wilson intervals as whiskers) and
/// Figure 1 (section 5: SH-RR's failure probability against the mean consumption d, deterministic vs Bernoulli).
/// </summary>
public static class BaiFigures
{
    private static readonly string[] Matchings = ["HL", "HH", "Mixture"];
    private static readonly string[] Models = ["deterministic", "uncorrelated", "correlated"];

    /// <summary>Figure 2 analogue into <c>dir/figure2.png|svg</c>; returns a line saying what was written.</summary>
    public static string Figure2(IReadOnlyList<BaiCellSummary> cells, string dir)
    {
        var families = cells.Select(c => c.Family).Distinct().Order(StringComparer.Ordinal).ToList();
        var levels = cells.Select(c => c.Resources).Distinct().Order().ToList();
        if (families.Count == 0)
        {
            return "figure2: no data";
        }

        var agents = BaiAgents.Names.Where(a => cells.Any(c => c.Agent == a)).ToList();
        var grid = new ChartGrid(900 * levels.Count, 430 * families.Count,
            "Failure probability (95 % Wilson), SH-RR paper Figure 2 analogue: columns L = " + string.Join(", ", levels), columns: levels.Count);
        foreach (var family in families)
        {
            foreach (int l in levels)
            {
                var chart = grid.AddChart($"{family}, L = {l}").Labels(null, "P(fail)");
                var setups = (from m in Matchings from e in Models
                              where cells.Any(c => c.Family == family && c.Resources == l && c.Matching == m && c.Env == e)
                              select (m, e)).ToList();
                var groups = new List<BarGroup>();
                var whiskers = new List<(int Group, int Agent, ProportionInterval Ci)>();
                for (int g = 0; g < setups.Count; g++)
                {
                    var (m, e) = setups[g];
                    var values = new double[agents.Count];
                    for (int a = 0; a < agents.Count; a++)
                    {
                        var cell = cells.FirstOrDefault(c => c.Family == family && c.Resources == l && c.Matching == m && c.Env == e && c.Agent == agents[a]);
                        if (cell is null)
                        {
                            values[a] = double.NaN;
                            continue;
                        }

                        var ci = BaiSummary.Failure(cell);
                        values[a] = ci.Estimate;
                        whiskers.Add((g, a, ci));
                    }

                    groups.Add(new BarGroup($"{m} {e}", values, Colour(m, e), Hatched: e == "correlated"));
                }

                chart.Bars(agents.Select(BaiAgents.Label).ToList(), [.. groups]);
                // Bars(...) puts group g of category a at a - 0.4 + (g + 0.5) * 0.8 / G: draw the asymmetric Wilson whiskers there.
                double width = 0.8 / Math.Max(1, setups.Count);
                foreach (var (g, a, ci) in whiskers)
                {
                    double x = a - 0.4 + (g + 0.5) * width;
                    chart.Segment(x, ci.Lower, x, ci.Upper, ChartPalette.Black, 1f);
                }

                chart.Limits(yMin: 0, yMax: 1.05);
                chart.Legend = ChartLegend.OutsideRight;
            }
        }

        var files = grid.Save(Path.Combine(dir, "figure2"));
        return $"figure: {files.PngPath} (+ .svg)";
    }

    /// <summary>Figure 1 analogue into <c>dir/figure1.png|svg</c>.</summary>
    public static string Figure1(IReadOnlyList<BaiFigure1.Point> points, string dir)
    {
        var chart = new Chart($"SH-RR, two arms r = (0.5, 0.4), C = {BaiFigure1.Budget}: failure vs mean consumption d")
            .Labels("mean consumption d", "P(fail)");
        chart.LogScaleX();
        chart.LogScaleY();
        foreach (var (model, colour, label) in new[] { ("deterministic", ChartPalette.Blue, "deterministic d"), ("bernoulli", ChartPalette.Vermillion, "Bernoulli(d)") })
        {
            var series = points.Where(p => p.Model == model).OrderBy(p => p.D).ToList();
            double[] x = [.. series.Select(p => p.D)];
            // A zero failure count has no place on a log axis; its Wilson upper bound still shows as the band.
            double floor = 0.5 / series.Max(p => p.Failure.Trials);
            chart.Band(x, [.. series.Select(p => Math.Max(floor, p.Failure.Lower))], [.. series.Select(p => Math.Max(floor, p.Failure.Upper))], colour);
            chart.Line(x, [.. series.Select(p => Math.Max(floor, p.Failure.Estimate))], label, colour, marker: MarkerShape.FilledCircle);
        }

        var files = chart.Save(Path.Combine(dir, "figure1"), 900, 560);
        return $"figure: {files.PngPath} (+ .svg)";
    }

    private static Color Colour(string matching, string model)
    {
        Color c = matching switch { "HL" => ChartPalette.Blue, "HH" => ChartPalette.Vermillion, _ => ChartPalette.BluishGreen };
        return model switch { "deterministic" => c, "uncorrelated" => c.WithAlpha(0.6), _ => c.WithAlpha(0.35) };
    }
}
