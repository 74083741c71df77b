using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Layout;

/// <summary>Maps data values of one axis to pixels (linear or log10), given limits in data units.</summary>
internal sealed class AxisMap(double min, double max, AxisScale scale, double pxFrom, double pxTo)
{
    public double Min { get; } = min;

    public double Max { get; } = max;

    public AxisScale Scale { get; } = scale;

    public double PxFrom { get; set; } = pxFrom;

    public double PxTo { get; set; } = pxTo;

    /// <summary>True when the value can be placed (finite, and positive on a log axis).</summary>
    public bool Valid(double v) => double.IsFinite(v) && (Scale == AxisScale.Linear || v > 0);

    public double ToPx(double v)
    {
        double a = T(Min), b = T(Max);
        return PxFrom + (T(v) - a) / (b - a) * (PxTo - PxFrom);
    }

    private double T(double v) => Scale == AxisScale.Log10 ? Math.Log10(v) : v;
}
