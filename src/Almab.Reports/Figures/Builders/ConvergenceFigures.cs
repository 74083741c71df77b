namespace Almab.Reports.Figures.Builders;

/// <summary>
/// Best-so-far convergence curves (ALMAB-DC figures 3-5, 7, 11b, 12b): one line per method with a mean ± sd or
/// median/IQR band over replicates, against evaluation index or against virtual wall-clock time.
/// </summary>
public static class ConvergenceFigures
{
    /// <summary>
    /// Best-so-far against evaluations. values[m][r][i] is the i-th observed value of method m in replicate r
    /// (raw or already best-so-far: the running best of a running best is itself).
    /// </summary>
    public static ChartGrid BestSoFar(IReadOnlyList<string> methods, double[][][] values, OptimizationGoal goal, BandKind band, string yLabel, FigureOptions? options = null)
    {
        options ??= new FigureOptions();
        ChartGrid grid = options.Grid(1);
        PlotBestSoFar(grid.AddChart(), methods, values, goal, band, yLabel);
        return grid;
    }

    /// <summary>Fills <paramref name="axes"/> (a chart) with best-so-far curves against evaluation index (see <see cref="BestSoFar"/>).</summary>
    public static Chart PlotBestSoFar(Chart axes, IReadOnlyList<string> methods, double[][][] values, OptimizationGoal goal, BandKind band, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(axes);
        BuilderChecks.SameCount(methods, values, nameof(values));
        int n = 0, reps = 0;
        for (int m = 0; m < methods.Count; m++)
        {
            BuilderChecks.NotEmpty(values[m], nameof(values), methods[m]);
            var best = new double[values[m].Length][];
            for (int r = 0; r < best.Length; r++)
            {
                best[r] = CurveStatistics.BestSoFar(values[m][r], goal);
                n = Math.Max(n, best[r].Length);
            }

            reps = Math.Max(reps, best.Length);
            CurvePlot.Add(axes, methods[m], m, CurveStatistics.Indices(n), best, band);
        }

        axes.Labels("Evaluations", yLabel);
        axes.Title ??= $"Best so far ({CurvePlot.BandNote(band, reps)})";
        return axes;
    }

    /// <summary>
    /// Best-so-far against virtual wall-clock: finishTimes[m][r][i] is when evaluation i of replicate r finished
    /// (virtual seconds) and values[m][r][i] its value. Each replicate's running best (in finish order) is sampled
    /// as a step function on <paramref name="gridPoints"/> evenly spaced times from 0 to the latest finish.
    /// </summary>
    public static ChartGrid BestSoFarOverTime(IReadOnlyList<string> methods, double[][][] finishTimes, double[][][] values, OptimizationGoal goal, BandKind band, string yLabel, string xLabel = "Virtual wall-clock (s)", int gridPoints = 200, FigureOptions? options = null)
    {
        options ??= new FigureOptions();
        ChartGrid grid = options.Grid(1);
        PlotBestSoFarOverTime(grid.AddChart(), methods, finishTimes, values, goal, band, yLabel, xLabel, gridPoints);
        return grid;
    }

    /// <summary>Fills <paramref name="axes"/> (a chart) with best-so-far curves against time (see <see cref="BestSoFarOverTime"/>).</summary>
    public static Chart PlotBestSoFarOverTime(Chart axes, IReadOnlyList<string> methods, double[][][] finishTimes, double[][][] values, OptimizationGoal goal, BandKind band, string yLabel, string xLabel = "Virtual wall-clock (s)", int gridPoints = 200)
    {
        ArgumentNullException.ThrowIfNull(axes);
        BuilderChecks.SameCount(methods, values, nameof(values));
        BuilderChecks.SameCount(methods, finishTimes, nameof(finishTimes));
        ArgumentOutOfRangeException.ThrowIfLessThan(gridPoints, 2);
        double tMax = 0;
        foreach (double[][] method in finishTimes)
        {
            foreach (double[] rep in method)
            {
                foreach (double t in rep)
                {
                    if (double.IsFinite(t))
                    {
                        tMax = Math.Max(tMax, t);
                    }
                }
            }
        }

        var grid = new double[gridPoints];
        for (int g = 0; g < gridPoints; g++)
        {
            grid[g] = tMax * g / (gridPoints - 1);
        }

        int reps = 0;
        for (int m = 0; m < methods.Count; m++)
        {
            BuilderChecks.NotEmpty(values[m], nameof(values), methods[m]);
            if (finishTimes[m].Length != values[m].Length)
            {
                throw new ArgumentException($"'{methods[m]}' has {finishTimes[m].Length} replicates of finish times but {values[m].Length} of values.", nameof(finishTimes));
            }

            var curves = new double[values[m].Length][];
            for (int r = 0; r < curves.Length; r++)
            {
                double[] t = (double[])finishTimes[m][r].Clone(), v = (double[])values[m][r].Clone();
                if (t.Length != v.Length)
                {
                    throw new ArgumentException($"'{methods[m]}' replicate {r}: {t.Length} finish times but {v.Length} values.", nameof(finishTimes));
                }

                Array.Sort(t, v);
                curves[r] = CurveStatistics.ResampleStep(t, CurveStatistics.BestSoFar(v, goal), grid);
            }

            reps = Math.Max(reps, curves.Length);
            CurvePlot.Add(axes, methods[m], m, grid, curves, band, step: true);
        }

        axes.Labels(xLabel, yLabel);
        axes.Title ??= $"Best so far over time ({CurvePlot.BandNote(band, reps)})";
        return axes;
    }
}
