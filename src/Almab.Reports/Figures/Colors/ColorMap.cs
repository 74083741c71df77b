namespace Almab.Reports.Figures.Colors;

/// <summary>
/// Viridis (van der Walt and Smith, matplotlib 2.0) as a piecewise-linear interpolation of 33 control
/// points taken from matplotlib's table; the largest channel error against matplotlib is under 3/255.
/// </summary>
public static class ColorMap
{
    /// <summary>The viridis colour of t in [0, 1] (clamped; NaN maps to light grey).</summary>
    public static Rgba Viridis(double t)
    {
        if (double.IsNaN(t))
        {
            return new Rgba(220, 220, 220);
        }

        double[] cp = ViridisControlPoints.Rgb;
        int segments = cp.Length / 3 - 1;
        double u = Math.Clamp(t, 0, 1) * segments;
        int i = Math.Min((int)u, segments - 1);
        double f = u - i;
        int a = 3 * i, b = a + 3;
        return Rgba.FromUnit(
            cp[a] + f * (cp[b] - cp[a]),
            cp[a + 1] + f * (cp[b + 1] - cp[a + 1]),
            cp[a + 2] + f * (cp[b + 2] - cp[a + 2]));
    }
}
