namespace Almab.Reports.Figures.Model;

/// <summary>A semi-transparent area between Lower[i] and Upper[i] over X[i] (e.g. mean ± sd, IQR).</summary>
public sealed class BandSeries : Series
{
    /// <summary>Creates a band.</summary>
    public BandSeries(double[] x, double[] lower, double[] upper, string? label = null)
    {
        CheckPaired(x, lower, nameof(x), nameof(lower));
        CheckPaired(x, upper, nameof(x), nameof(upper));
        X = x;
        Lower = lower;
        Upper = upper;
        Label = label;
    }

    /// <summary>X values.</summary>
    public double[] X { get; }

    /// <summary>Lower edge.</summary>
    public double[] Lower { get; }

    /// <summary>Upper edge.</summary>
    public double[] Upper { get; }

    /// <summary>Fill opacity in [0, 1] (default 0.2).</summary>
    public double Opacity { get; set; } = 0.2;

    /// <summary>Draw the band as a post-step function (to pair with a step line).</summary>
    public bool Step { get; set; }
}
