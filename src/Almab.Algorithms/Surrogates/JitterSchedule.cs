namespace Almab.Algorithms.Surrogates;

/// <summary>
/// Adaptive diagonal jitter for Cholesky factorisation (our choice): first no jitter at all (so results
/// equal the exact model, as scikit-learn's), then 1e-10 times the prior diagonal, growing tenfold per
/// failed attempt up to 1e-2 times the diagonal.
/// </summary>
internal static class JitterSchedule
{
    /// <summary>Number of attempts: one exact, then nine growing jitters.</summary>
    public const int Attempts = 10;

    /// <summary>Jitter of attempt <paramref name="attempt"/> for a prior diagonal <paramref name="diagonal"/>.</summary>
    public static double Jitter(int attempt, double diagonal) =>
        attempt == 0 ? 0.0 : diagonal * 1e-10 * Math.Pow(10.0, attempt - 1);
}
