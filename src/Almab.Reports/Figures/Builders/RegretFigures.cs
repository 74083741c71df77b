namespace Almab.Reports.Figures.Builders;

/// <summary>Cumulative regret curves (ALMAB-DC figures 3 and 5, right panels; bandit papers' regret plots).</summary>
public static class RegretFigures
{
    /// <summary>
    /// Cumulative regret: regret[m][r][t] is the instantaneous regret of method m, replicate r, at round t;
    /// curves are running sums summarized by <paramref name="band"/>. With <paramref name="logRounds"/> the
    /// round axis is log10 (regret of order log T then looks straight).
    /// </summary>
    public static ChartGrid CumulativeRegret(IReadOnlyList<string> methods, double[][][] regret, BandKind band, bool logRounds = false, string xLabel = "Evaluations", FigureOptions? options = null)
    {
        options ??= new FigureOptions();
        ChartGrid grid = options.Grid(1);
        PlotCumulativeRegret(grid.AddChart(), methods, regret, band, logRounds, xLabel);
        return grid;
    }

    /// <summary>Fills <paramref name="axes"/> with cumulative regret curves (see <see cref="CumulativeRegret"/>).</summary>
    public static Chart PlotCumulativeRegret(Chart axes, IReadOnlyList<string> methods, double[][][] regret, BandKind band, bool logRounds = false, string xLabel = "Evaluations")
    {
        ArgumentNullException.ThrowIfNull(axes);
        BuilderChecks.SameCount(methods, regret, nameof(regret));
        if (logRounds)
        {
            axes.LogScaleX();
        }

        int reps = 0;
        for (int m = 0; m < methods.Count; m++)
        {
            BuilderChecks.NotEmpty(regret[m], nameof(regret), methods[m]);
            var cum = new double[regret[m].Length][];
            int n = 0;
            for (int r = 0; r < cum.Length; r++)
            {
                cum[r] = CurveStatistics.Cumulative(regret[m][r]);
                n = Math.Max(n, cum[r].Length);
            }

            reps = Math.Max(reps, cum.Length);
            CurvePlot.Add(axes, methods[m], m, CurveStatistics.Indices(n), cum, band);
        }

        axes.Labels(logRounds ? xLabel + " (log scale)" : xLabel, "Cumulative regret");
        axes.Title ??= $"Cumulative regret ({CurvePlot.BandNote(band, reps)})";
        return axes;
    }
}
