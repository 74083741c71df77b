namespace Almab.Sim.Scaling;

/// <summary>Residuals <c>S(K_i; theta) - S_i</c> of Amdahl's law with an analytic Jacobian, theta = (p[, alpha, beta]).</summary>
internal sealed class AmdahlResidualModel(IReadOnlyList<double> workers, IReadOnlyList<double> speedups, bool withOverhead)
    : ILeastSquaresModel
{
    public int ParameterCount => withOverhead ? 3 : 1;

    public int PointCount => workers.Count;

    public void Evaluate(ReadOnlySpan<double> theta, Span<double> residuals, double[,] jacobian)
    {
        double p = theta[0];
        double alpha = withOverhead ? theta[1] : 0.0;
        double beta = withOverhead ? theta[2] : 0.0;
        for (int i = 0; i < workers.Count; i++)
        {
            double k = workers[i];
            double kb = withOverhead ? Math.Pow(k, beta) : 0.0;
            double inflation = 1.0 + alpha * kb;
            double d = p + (1.0 - p) * inflation / k;
            double s = 1.0 / d;
            residuals[i] = s - speedups[i];
            double scale = -s * s;
            jacobian[i, 0] = scale * (1.0 - inflation / k);
            if (withOverhead)
            {
                jacobian[i, 1] = scale * (1.0 - p) * kb / k;
                jacobian[i, 2] = scale * (1.0 - p) * alpha * kb * Math.Log(k) / k;
            }
        }
    }

    public void Project(Span<double> theta)
    {
        theta[0] = Math.Clamp(theta[0], 0.0, 1.0);
        if (withOverhead)
        {
            theta[1] = Math.Max(theta[1], 0.0);
            theta[2] = Math.Max(theta[2], 0.0);
        }
    }
}
