namespace Almab.Reports.Figures.Builders;

/// <summary>Whether smaller or larger objective values are better (decides best-so-far and gaps).</summary>
public enum OptimizationGoal
{
    /// <summary>Smaller is better (regret, drag, IPV).</summary>
    Minimize,

    /// <summary>Larger is better (accuracy, return, clinical benefit).</summary>
    Maximize,
}
