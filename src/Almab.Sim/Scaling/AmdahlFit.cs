namespace Almab.Sim.Scaling;

/// <summary>
/// Fits Amdahl's law to measured speedups by nonlinear least squares (Levenberg–Marquardt on the speedups
/// themselves, unweighted): either the serial fraction p alone (eta = 1, how ALMAB-DC's Figure 6 reports "fitted p"),
/// or p with the communication overhead alpha, beta of <c>eta(K) = 1/(1 + alpha K^beta)</c>.
/// Standard errors are the usual asymptotic ones, <c>sqrt(diag(s^2 (J^T J)^-1))</c> with
/// <c>s^2 = RSS / (n - m)</c> (scipy's curve_fit with absolute_sigma = False). Parameters are kept in their domains
/// (p in [0, 1], alpha, beta &gt;= 0) by projection; an estimate on a bound has a standard error that only describes
/// the unconstrained curvature.
/// </summary>
public static class AmdahlFit
{
    /// <summary>Fits the model to (K, speedup) pairs.</summary>
    /// <param name="workers">Agent counts, each at least 1.</param>
    /// <param name="speedups">Measured speedups T_1 / T_K, positive and finite.</param>
    /// <param name="withOverhead">Also fit alpha and beta (needs at least 4 distinct points).</param>
    public static AmdahlFitResult Fit(IReadOnlyList<double> workers, IReadOnlyList<double> speedups, bool withOverhead = false)
    {
        ArgumentNullException.ThrowIfNull(workers);
        ArgumentNullException.ThrowIfNull(speedups);
        if (workers.Count != speedups.Count)
        {
            throw new ArgumentException($"workers has {workers.Count} values but speedups has {speedups.Count}");
        }

        int m = withOverhead ? 3 : 1;
        if (workers.Count <= m)
        {
            throw new ArgumentException($"fitting {m} parameter(s) needs more than {m} points, got {workers.Count}");
        }

        for (int i = 0; i < workers.Count; i++)
        {
            ScalingLaws.CheckWorkers(workers[i]);
            if (!(speedups[i] > 0) || double.IsInfinity(speedups[i]))
            {
                throw new ArgumentException($"speedup at K = {workers[i]} must be positive and finite, got {speedups[i]}");
            }
        }

        var model = new AmdahlResidualModel(workers, speedups, withOverhead);
        double[] start = withOverhead ? [InitialSerialFraction(workers, speedups), 0.01, 1.0] : [InitialSerialFraction(workers, speedups)];
        var solution = LevenbergMarquardt.Minimize(model, start);
        double dof = workers.Count - m;
        double s2 = solution.ResidualSumOfSquares / dof;
        var se = new double[m];
        for (int j = 0; j < m; j++)
        {
            se[j] = Math.Sqrt(s2 * solution.InverseNormalMatrix[j, j]);
        }

        return withOverhead
            ? new AmdahlFitResult(solution.Parameters[0], se[0], solution.Parameters[1], se[1], solution.Parameters[2], se[2], solution.ResidualSumOfSquares, workers.Count - m)
            : new AmdahlFitResult(solution.Parameters[0], se[0], null, null, null, null, solution.ResidualSumOfSquares, workers.Count - m);
    }

    /// <summary>Starting p: the median of the per-point solutions of S = 1/(p + (1-p)/K), clipped to [0.001, 0.999].</summary>
    private static double InitialSerialFraction(IReadOnlyList<double> workers, IReadOnlyList<double> speedups)
    {
        var estimates = new List<double>();
        for (int i = 0; i < workers.Count; i++)
        {
            double k = workers[i];
            if (k > 1)
            {
                estimates.Add(Math.Clamp((1.0 / speedups[i] - 1.0 / k) / (1.0 - 1.0 / k), 0.001, 0.999));
            }
        }

        if (estimates.Count == 0)
        {
            return 0.1;
        }

        estimates.Sort();
        return estimates[estimates.Count / 2];
    }
}
