using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Almab.Reports.Figures;

/// <summary>Ticks for a log10 axis whose data are plotted as log10(value): major ticks at whole decades labelled 10^k, minor ticks at 2-9 × 10^k.</summary>
internal static class LogTicks
{
    public static ITickGenerator Create() => new NumericAutomatic
    {
        MinorTickGenerator = new LogDecadeMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = Label,
    };

    /// <summary>The label of the decade tick at log10 position <paramref name="exponent"/>: plain for 10^-3..10^4, else "1e±k".</summary>
    public static string Label(double exponent)
    {
        int k = (int)Math.Round(exponent);
        return k is >= -3 and <= 4
            ? Math.Pow(10, k).ToString("0.###", CultureInfo.InvariantCulture)
            : "1e" + k.ToString(CultureInfo.InvariantCulture);
    }
}
