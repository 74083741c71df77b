using System.Runtime.Intrinsics;

namespace Almab.Algorithms.Allocation;

/// <summary>
/// ATA-Empirical (ATA paper, section 5): ATA with the data-dependent lower bound of eq. (8),
/// s_{i,k} = mu_{i,k} [1 - 4 e xi (sqrt(ln(2k^2) / K_{i,k}) + ln(2k^2) / K_{i,k})]_+, where
/// xi = (1 + sqrt(4 eta^2 + 5)) / 2 and eta &gt;= max_i sigma_i / mu_i (Lemma 6.2, delta = 1 / k^2).
/// </summary>
public sealed class AtaEmpiricalPolicy : LowerConfidenceAllocationPolicy
{
    private readonly double _fourEXi;

    /// <summary>
    /// Creates ATA-Empirical for <paramref name="workers"/> workers with <paramref name="eta"/> &gt;= 0, an upper
    /// bound on the coefficient of variation max_i sigma_i / mu_i (eq. (6)); section 7 uses eta = 1.
    /// </summary>
    public AtaEmpiricalPolicy(int workers, double eta)
        : base(workers)
    {
        if (!(eta >= 0.0) || double.IsPositiveInfinity(eta))
        {
            throw new ArgumentOutOfRangeException(nameof(eta), eta, "eta (a bound on sigma_i / mu_i) must be finite and >= 0.");
        }

        Eta = eta;
        Xi = XiFor(eta);
        _fourEXi = 4.0 * Math.E * Xi;
    }

    /// <summary>The coefficient-of-variation bound eta (dimensionless).</summary>
    public double Eta { get; }

    /// <summary>xi = (1 + sqrt(4 eta^2 + 5)) / 2 (eq. (8); the Lemma D.3 bound ||X||_psi1 &lt;= xi mu).</summary>
    public double Xi { get; }

    /// <summary>xi = (1 + sqrt(4 eta^2 + 5)) / 2 for a given eta (eq. (8)).</summary>
    public static double XiFor(double eta) => (1.0 + Math.Sqrt(4.0 * eta * eta + 5.0)) / 2.0;

    /// <summary>
    /// C of Lemma 6.2 at delta = 1 / k^2: 4 e xi (sqrt(ln(2k^2) / K) + ln(2k^2) / K), dimensionless; the bound
    /// is mean (1 - C)_+. +infinity when <paramref name="samples"/> is 0.
    /// </summary>
    public static double RelativeWidth(double eta, long samples, long round)
    {
        if (samples < 0 || round < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(samples), $"Need samples >= 0 and round >= 1; got samples = {samples}, round = {round}.");
        }

        if (samples == 0)
        {
            return double.PositiveInfinity;
        }

        double ratio = LogTerm(round) / samples;
        return 4.0 * Math.E * XiFor(eta) * (Math.Sqrt(ratio) + ratio);
    }

    /// <inheritdoc />
    protected override double Bound(double mean, double deviation) =>
        mean * Math.Max(1.0 - (_fourEXi * deviation), 0.0);

    /// <inheritdoc />
    protected override void ComputeBounds(
        ReadOnlySpan<double> mean, ReadOnlySpan<double> inverseSqrtCount, ReadOnlySpan<double> inverseCount, double sqrtLog, double log, Span<double> bounds) =>
        ComputeBoundsWith<AtaEmpiricalLanes>(mean, inverseSqrtCount, inverseCount, sqrtLog, log, _fourEXi, bounds);

    /// <summary>Lane-wise <see cref="Bound"/>: mean max(1 - 4 e xi deviation, 0).</summary>
    private readonly struct AtaEmpiricalLanes : ILaneBound
    {
        public static Vector256<double> Lanes(Vector256<double> mean, Vector256<double> deviation, Vector256<double> coefficient) =>
            mean * Vector256.Max(Vector256<double>.One - (coefficient * deviation), Vector256<double>.Zero);

        public static Vector512<double> Lanes(Vector512<double> mean, Vector512<double> deviation, Vector512<double> coefficient) =>
            mean * Vector512.Max(Vector512<double>.One - (coefficient * deviation), Vector512<double>.Zero);
    }
}
