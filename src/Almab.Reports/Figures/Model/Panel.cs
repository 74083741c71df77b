namespace Almab.Reports.Figures.Model;

/// <summary>One panel of a <see cref="Figure"/>: an <see cref="Axes"/> or a <see cref="CriticalDifferencePanel"/>.</summary>
public abstract class Panel
{
    /// <summary>Panel title drawn above it (e.g. "(a) Convergence"); null for none.</summary>
    public string? Title { get; set; }
}
