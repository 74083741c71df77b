namespace Almab.Sim.Scaling;

/// <summary>
/// The closed-form scaling laws of ALMAB-DC section 2.4: Amdahl's speedup (eq. 4), Gustafson's scaled speedup and
/// the communication-limited parallel efficiency of section 2.4.6. <c>p</c> is always the serial fraction of the work.
/// </summary>
public static class ScalingLaws
{
    /// <summary>Amdahl's law, ALMAB-DC eq. (4): <c>S(K) = 1 / (p + (1 - p) / (eta K))</c>.</summary>
    /// <param name="workers">Number of agents K (at least 1; real-valued so curves can be drawn).</param>
    /// <param name="serialFraction">Serial fraction p in [0, 1].</param>
    /// <param name="efficiency">Parallel efficiency eta in (0, 1]; 1 gives the classical law.</param>
    public static double AmdahlSpeedup(double workers, double serialFraction, double efficiency = 1.0)
    {
        CheckWorkers(workers);
        CheckFraction(serialFraction);
        if (!(efficiency > 0 && efficiency <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(efficiency), efficiency, "efficiency must be in (0, 1]");
        }

        return 1.0 / (serialFraction + (1.0 - serialFraction) / (efficiency * workers));
    }

    /// <summary>Gustafson's law (ALMAB-DC section 2.4.2): <c>S_G(K) = p + (1 - p) K</c>, for work that grows with K.</summary>
    public static double GustafsonSpeedup(double workers, double serialFraction)
    {
        CheckWorkers(workers);
        CheckFraction(serialFraction);
        return serialFraction + (1.0 - serialFraction) * workers;
    }

    /// <summary>Parallel efficiency under communication cost, section 2.4.6: <c>eta(K) = 1 / (1 + alpha K^beta)</c>.</summary>
    public static double Efficiency(double workers, double alpha, double beta)
    {
        CheckWorkers(workers);
        CheckOverhead(alpha, beta);
        return 1.0 / (1.0 + alpha * Math.Pow(workers, beta));
    }

    internal static void CheckWorkers(double workers)
    {
        if (!(workers >= 1) || double.IsInfinity(workers))
        {
            throw new ArgumentOutOfRangeException(nameof(workers), workers, "the number of workers K must be a finite number >= 1");
        }
    }

    internal static void CheckFraction(double serialFraction)
    {
        if (!(serialFraction >= 0 && serialFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(serialFraction), serialFraction, "the serial fraction p must be in [0, 1]");
        }
    }

    internal static void CheckOverhead(double alpha, double beta)
    {
        if (!(alpha >= 0) || double.IsInfinity(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "the overhead coefficient alpha must be finite and >= 0");
        }

        if (!(beta >= 0) || double.IsInfinity(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "the overhead exponent beta must be finite and >= 0");
        }
    }
}
