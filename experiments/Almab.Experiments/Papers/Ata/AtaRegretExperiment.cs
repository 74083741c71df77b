using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;

namespace Almab.Experiments.Papers.Ata;

/// <summary>
/// ATA paper section 7.2: n = 20 workers with task times Exp(2i) (scale, i.e. mean, 2i — our reading of "Exp(2i)",
/// consistent with section 7's "scale parameter"), B = 5, cumulative proxy regret of eq. (9) for ATA (α = 2 max μ_i,
/// as in sections 7 and 7.1) and ATA-Empirical (η = 1), averaged over seeds (the paper ran five). Logarithmic growth is
/// checked by the slopes of R_k against ln k over the last two doublings of the horizon: for
/// R_k = O(log k) the slopes dR/d ln k over [T/4, T/2] and [T/2, T] are equal, while linear regret doubles the second.
/// </summary>
public static class AtaRegretExperiment
{
    /// <summary>Runs both policies; checkpoints are ~40 log-spaced rounds up to <paramref name="rounds"/>.</summary>
    public static IReadOnlyList<AtaRegretCurve> Run(int rounds, int seeds, Seed root, int threads, int workers = 20, int batch = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 100);
        var checkpoints = Checkpoints(rounds);
        var times = ShiftedExponentialTaskTimes.Exponential(workers);
        double alpha = 2 * times.Means().Max();
        string[] names = ["ATA", "ATA-E"];
        var sums = new double[names.Length, seeds, checkpoints.Length];
        Parallel.For(0, names.Length * seeds, new ParallelOptions { MaxDegreeOfParallelism = threads }, cell =>
        {
            int m = cell / seeds, s = cell % seeds;
            IAllocationPolicy policy = m == 0 ? new AtaPolicy(workers, alpha) : new AtaEmpiricalPolicy(workers, 1.0);
            var simulator = new AllocationRoundSimulator(times, batch, root.Derive("ata-regret").Derive(s));
            double cumulative = 0;
            int next = 0;
            simulator.Run(policy, rounds, (k, _, _, _, r) =>
            {
                cumulative += r;
                while (next < checkpoints.Length && checkpoints[next] == k)
                {
                    sums[m, s, next++] = cumulative;
                }
            });
        });

        var curves = new List<AtaRegretCurve>();
        for (int m = 0; m < names.Length; m++)
        {
            var mean = new double[checkpoints.Length];
            var sd = new double[checkpoints.Length];
            for (int c = 0; c < checkpoints.Length; c++)
            {
                double mu = 0;
                for (int s = 0; s < seeds; s++)
                {
                    mu += sums[m, s, c];
                }

                mu /= seeds;
                double ss = 0;
                for (int s = 0; s < seeds; s++)
                {
                    ss += (sums[m, s, c] - mu) * (sums[m, s, c] - mu);
                }

                mean[c] = mu;
                sd[c] = seeds > 1 ? Math.Sqrt(ss / (seeds - 1)) : 0;
            }

            // Growth over the last two doublings of the log-round range, [T/4, T/2] and [T/2, T] (equal lengths in ln k).
            // The exploration phase (uniform allocation while some bound is 0) lasts ~10^5 rounds, so earlier windows
            // measure exploration, not the regime the theorems describe.
            double quarter = mean[Array.IndexOf(checkpoints, rounds / 4)], middle = mean[Array.IndexOf(checkpoints, rounds / 2)];
            double early = (middle - quarter) / Math.Log(2.0), late = (mean[^1] - middle) / Math.Log(2.0);
            curves.Add(new AtaRegretCurve(names[m], checkpoints, mean, sd, early, late, late / early));
        }

        return curves;
    }

    /// <summary>Distinct rounds 1 … R spaced evenly in ln k, plus R/4 and R/2.</summary>
    public static int[] Checkpoints(int rounds)
    {
        var set = new SortedSet<int> { rounds / 4, rounds / 2 };
        for (int j = 0; j <= 40; j++)
        {
            set.Add((int)Math.Round(Math.Exp(Math.Log(rounds) * j / 40)));
        }

        return [.. set];
    }

    /// <summary>Least-squares slope of y against ln x over [from, to).</summary>
    public static double LogSlope(IReadOnlyList<int> x, IReadOnlyList<double> y, int from, int to)
    {
        double mx = 0, my = 0;
        int n = to - from;
        for (int i = from; i < to; i++)
        {
            mx += Math.Log(x[i]);
            my += y[i];
        }

        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0;
        for (int i = from; i < to; i++)
        {
            double dx = Math.Log(x[i]) - mx;
            sxy += dx * (y[i] - my);
            sxx += dx * dx;
        }

        return sxy / sxx;
    }
}
