namespace Almab.Algorithms.Surrogates;

/// <summary>
/// Objective for <see cref="BoundedLbfgs"/>, split in two so that a line search pays for the gradient only
/// at the points it accepts.
/// </summary>
internal interface IBoundedObjective
{
    /// <summary>f(x); +infinity marks an infeasible point.</summary>
    double Value(ReadOnlySpan<double> x);

    /// <summary>Gradient of f at the point of the last finite <see cref="Value"/> call.</summary>
    void GradientOfLastValue(Span<double> gradient);
}
