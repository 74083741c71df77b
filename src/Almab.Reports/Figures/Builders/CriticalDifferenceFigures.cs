using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Builders;

/// <summary>Critical-difference diagram (Demšar 2006) from mean ranks and a CD value, e.g. from Friedman + Nemenyi.</summary>
public static class CriticalDifferenceFigures
{
    /// <summary>One-panel figure; height grows with the number of methods unless given.</summary>
    public static Figure Diagram(IReadOnlyList<string> methods, double[] meanRanks, double criticalDifference, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(methods);
        options ??= new FigureOptions();
        var panel = new CriticalDifferencePanel(methods, meanRanks, criticalDifference);
        int groups = Layout.CriticalDifferenceGroups.Compute(meanRanks, criticalDifference).Count;
        int height = options.HeightPx ?? (int)(110 + groups * 9 + (methods.Count + 1) / 2 * 24 + (options.Title is null ? 0 : 30));
        var fig = new Figure(options.WidthPx ?? 760, Math.Max(120, height), options.Title);
        fig.Add(panel);
        return fig;
    }
}
