namespace Almab.Sim.Scaling;

/// <summary>Least-squares estimates of Amdahl's law parameters with asymptotic standard errors.</summary>
/// <param name="SerialFraction">Fitted p.</param>
/// <param name="SerialFractionStandardError">Standard error of p.</param>
/// <param name="Alpha">Fitted overhead coefficient (null when only p was fitted).</param>
/// <param name="AlphaStandardError">Standard error of alpha.</param>
/// <param name="Beta">Fitted overhead exponent (null when only p was fitted).</param>
/// <param name="BetaStandardError">Standard error of beta.</param>
/// <param name="ResidualSumOfSquares">Sum of squared speedup residuals at the optimum.</param>
/// <param name="DegreesOfFreedom">Points minus parameters.</param>
public sealed record AmdahlFitResult(
    double SerialFraction,
    double SerialFractionStandardError,
    double? Alpha,
    double? AlphaStandardError,
    double? Beta,
    double? BetaStandardError,
    double ResidualSumOfSquares,
    int DegreesOfFreedom)
{
    /// <summary>Speedup predicted by the fitted law at K agents.</summary>
    public double Predict(double workers)
    {
        double eta = Alpha is double a && Beta is double b ? ScalingLaws.Efficiency(workers, a, b) : 1.0;
        return ScalingLaws.AmdahlSpeedup(workers, SerialFraction, eta);
    }
}
