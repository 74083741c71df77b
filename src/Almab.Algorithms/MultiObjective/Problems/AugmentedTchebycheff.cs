namespace Almab.Algorithms.MultiObjective.Problems;

/// <summary>
/// The augmented Tchebycheff scalarization of ParEGO (Knowles 2006, IEEE TEVC 10(1), eq. 2), minimization:
/// with objectives normalized to f̃_j = (f_j − lo_j)/(hi_j − lo_j),
/// f_λ(x) = max_j λ_j f̃_j(x) + ρ Σ_j λ_j f̃_j(x), ρ = 0.05 by default (Knowles' value). The small weighted-sum term
/// makes every minimizer Pareto-optimal (not merely weakly optimal) and breaks the flat ties of the pure max. A degenerate
/// range (hi_j = lo_j) is treated as 1, so the objective is merely shifted. Lower is better.
/// </summary>
public static class AugmentedTchebycheff
{
    /// <summary>Knowles' augmentation coefficient.</summary>
    public const double DefaultRho = 0.05;

    /// <summary>f_λ of <paramref name="objectives"/> under weights λ and normalization bounds [lower, upper].</summary>
    public static double Value(
        ReadOnlySpan<double> objectives, ReadOnlySpan<double> lambda, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper,
        double rho = DefaultRho)
    {
        int m = objectives.Length;
        if (lambda.Length != m || lower.Length != m || upper.Length != m)
        {
            throw new ArgumentException(
                $"augmented Tchebycheff: {m} objectives but {lambda.Length} weights and {lower.Length}/{upper.Length} bounds");
        }

        if (!(rho >= 0) || !double.IsFinite(rho))
        {
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "rho must be finite and >= 0");
        }

        double max = double.NegativeInfinity;
        double sum = 0.0;
        for (int j = 0; j < m; j++)
        {
            double range = upper[j] - lower[j];
            double f = (objectives[j] - lower[j]) / (range > 0 ? range : 1.0);
            double t = lambda[j] * f;
            max = Math.Max(max, t);
            sum += t;
        }

        return max + rho * sum;
    }
}
