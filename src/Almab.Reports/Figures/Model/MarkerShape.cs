namespace Almab.Reports.Figures.Model;

/// <summary>Shape drawn at each data point.</summary>
public enum MarkerShape
{
    /// <summary>No marker.</summary>
    None,

    /// <summary>Filled circle.</summary>
    Circle,

    /// <summary>Filled square.</summary>
    Square,

    /// <summary>Filled upward triangle.</summary>
    Triangle,

    /// <summary>Filled diamond.</summary>
    Diamond,
}
