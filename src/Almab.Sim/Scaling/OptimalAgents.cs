namespace Almab.Sim.Scaling;

/// <summary>The optimal number of agents K*: ALMAB-DC's closed form eq. (7) and a numerical minimum of any model.</summary>
public static class OptimalAgents
{
    /// <summary>ALMAB-DC eq. (7): <c>K* = ((1 - p) / (alpha beta p))^(1/(1+beta))</c>; needs p, alpha, beta &gt; 0.</summary>
    public static double ClosedForm(double serialFraction, double alpha, double beta)
    {
        ScalingLaws.CheckFraction(serialFraction);
        ScalingLaws.CheckOverhead(alpha, beta);
        if (serialFraction == 0 || alpha == 0 || beta == 0)
        {
            throw new ArgumentException("eq. (7) needs p > 0, alpha > 0 and beta > 0 (otherwise K* is unbounded)");
        }

        return Math.Pow((1.0 - serialFraction) / (alpha * beta * serialFraction), 1.0 / (1.0 + beta));
    }

    /// <summary>
    /// Minimizes <see cref="WallClockModel.RelativeTime"/> over K in [1, maxWorkers]: the best integer K by scanning,
    /// and the continuous minimizer by golden-section search on log K around it. When the minimum sits at
    /// <paramref name="maxWorkers"/> the model has no interior optimum in range and <c>Interior</c> is false.
    /// </summary>
    public static OptimalAgentsResult Numerical(WallClockModel model, int maxWorkers = 4096)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (maxWorkers < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(maxWorkers), maxWorkers, "maxWorkers must be at least 2");
        }

        int bestK = 1;
        double bestT = model.RelativeTime(1);
        for (int k = 2; k <= maxWorkers; k++)
        {
            double t = model.RelativeTime(k);
            if (t < bestT)
            {
                bestT = t;
                bestK = k;
            }
        }

        double lo = Math.Log(Math.Max(1, bestK - 1));
        double hi = Math.Log(Math.Min(maxWorkers, bestK + 1));
        double continuous = GoldenSection(u => model.RelativeTime(Math.Exp(u)), lo, hi);
        bool interior = bestK < maxWorkers && continuous < maxWorkers * (1 - 1e-9);
        return new OptimalAgentsResult(continuous, bestK, bestT, interior, model.Assumption);
    }

    private static double GoldenSection(Func<double, double> f, double a, double b)
    {
        double invPhi = (Math.Sqrt(5) - 1) / 2;
        double c = b - invPhi * (b - a);
        double d = a + invPhi * (b - a);
        double fc = f(c), fd = f(d);
        for (int i = 0; i < 200 && b - a > 1e-13; i++)
        {
            if (fc <= fd)
            {
                b = d; d = c; fd = fc;
                c = b - invPhi * (b - a); fc = f(c);
            }
            else
            {
                a = c; c = d; fc = fd;
                d = a + invPhi * (b - a); fd = f(d);
            }
        }

        return Math.Exp(0.5 * (a + b));
    }
}
