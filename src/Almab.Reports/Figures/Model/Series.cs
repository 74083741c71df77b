using Almab.Reports.Figures.Colors;

namespace Almab.Reports.Figures.Model;

/// <summary>Base of everything drawn from data inside an <see cref="Axes"/>.</summary>
public abstract class Series
{
    /// <summary>Legend entry; null keeps the series out of the legend.</summary>
    public string? Label { get; set; }

    /// <summary>Colour; null picks the next Okabe-Ito colour by series order.</summary>
    public Rgba? Color { get; set; }

    /// <summary>Checks that paired arrays have equal lengths and finite x values.</summary>
    internal static void CheckPaired(double[] x, double[] y, string xName, string yName)
    {
        ArgumentNullException.ThrowIfNull(x, xName);
        ArgumentNullException.ThrowIfNull(y, yName);
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"{xName} has {x.Length} values but {yName} has {y.Length}.", yName);
        }
    }
}
