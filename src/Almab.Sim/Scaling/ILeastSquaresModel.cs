namespace Almab.Sim.Scaling;

/// <summary>A residual vector with its Jacobian, for <see cref="LevenbergMarquardt"/>.</summary>
internal interface ILeastSquaresModel
{
    int ParameterCount { get; }

    int PointCount { get; }

    /// <summary>Fills residuals r_i(theta) and the Jacobian dr_i/dtheta_j.</summary>
    void Evaluate(ReadOnlySpan<double> theta, Span<double> residuals, double[,] jacobian);

    /// <summary>Moves theta back into its feasible domain.</summary>
    void Project(Span<double> theta);
}
