using System.Runtime.Intrinsics;

namespace Almab.Algorithms.Allocation;

/// <summary>
/// ATA, Adaptive Task Allocation (ATA paper, Algorithm 1): RAS on the lower confidence bounds
/// s_{i,k} = (mu_{i,k} - conf(i, k))_+ of eq. (7), with conf(i, k) = 4 e alpha (sqrt(ln(2k^2) / K_{i,k}) +
/// ln(2k^2) / K_{i,k}) for K_{i,k} &gt;= 1 and +infinity (bound 0) for K_{i,k} = 0.
/// </summary>
public sealed class AtaPolicy : LowerConfidenceAllocationPolicy
{
    private readonly double _fourEAlpha;

    /// <summary>
    /// Creates ATA for <paramref name="workers"/> workers with <paramref name="alpha"/> &gt; 0, an upper bound on
    /// max_i ||X_i||_psi1, the Orlicz (sub-exponential) norm of eq. (2) in seconds (Assumption 3.1). Section 7
    /// uses alpha = 4 * 29 sqrt(n) = 2 mu_n for the times 29 sqrt(i) + Exp(29 sqrt(i)).
    /// </summary>
    public AtaPolicy(int workers, double alpha)
        : base(workers)
    {
        if (!(alpha > 0.0) || double.IsPositiveInfinity(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The Orlicz-norm bound alpha must be finite and > 0 seconds.");
        }

        Alpha = alpha;
        _fourEAlpha = 4.0 * Math.E * alpha;
    }

    /// <summary>The Orlicz-norm bound alpha in seconds (Assumption 3.1).</summary>
    public double Alpha { get; }

    /// <summary>
    /// conf(i, k) of eq. (7) in seconds: 4 e alpha (sqrt(ln(2k^2) / K) + ln(2k^2) / K), the Proposition D.1
    /// (Maurer and Pontil 2021) deviation at delta = 1 / k^2; +infinity when <paramref name="samples"/> is 0.
    /// </summary>
    public static double ConfidenceWidth(double alpha, long samples, long round)
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
        return 4.0 * Math.E * alpha * (Math.Sqrt(ratio) + ratio);
    }

    /// <inheritdoc />
    protected override double Bound(double mean, double deviation) =>
        Math.Max(mean - (_fourEAlpha * deviation), 0.0);

    /// <inheritdoc />
    protected override void ComputeBounds(
        ReadOnlySpan<double> mean, ReadOnlySpan<double> inverseSqrtCount, ReadOnlySpan<double> inverseCount, double sqrtLog, double log, Span<double> bounds) =>
        ComputeBoundsWith<AtaLanes>(mean, inverseSqrtCount, inverseCount, sqrtLog, log, _fourEAlpha, bounds);

    /// <summary>Lane-wise <see cref="Bound"/>: max(mean - 4 e alpha deviation, 0).</summary>
    private readonly struct AtaLanes : ILaneBound
    {
        public static Vector256<double> Lanes(Vector256<double> mean, Vector256<double> deviation, Vector256<double> coefficient) =>
            Vector256.Max(mean - (coefficient * deviation), Vector256<double>.Zero);

        public static Vector512<double> Lanes(Vector512<double> mean, Vector512<double> deviation, Vector512<double> coefficient) =>
            Vector512.Max(mean - (coefficient * deviation), Vector512<double>.Zero);
    }
}
