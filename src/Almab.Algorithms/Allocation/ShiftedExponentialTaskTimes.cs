using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Allocation;

/// <summary>
/// Per-worker task times X_i = shift_i + Exp(scale_i) in seconds (Exp with mean scale_i), the families of the ATA
/// paper's experiments: section 7 (29 sqrt(i) + Exp(29 sqrt(i))), section 7.1 (29 i + Exp(29 i)) and section 7.2
/// (Exp(2 i)). Worker w (0-based) is the paper's worker i = w + 1.
/// </summary>
public sealed class ShiftedExponentialTaskTimes
{
    private readonly double[] _shift;
    private readonly double[] _scale;

    /// <summary>Creates the model from per-worker shifts (&gt;= 0) and exponential means (&gt; 0), both in seconds.</summary>
    public ShiftedExponentialTaskTimes(ReadOnlySpan<double> shiftSeconds, ReadOnlySpan<double> scaleSeconds)
    {
        if (shiftSeconds.Length == 0 || shiftSeconds.Length != scaleSeconds.Length)
        {
            throw new ArgumentException(
                $"Need one shift and one scale per worker (>= 1 worker); got {shiftSeconds.Length} shifts and {scaleSeconds.Length} scales.",
                nameof(scaleSeconds));
        }

        for (int i = 0; i < shiftSeconds.Length; i++)
        {
            if (!(shiftSeconds[i] >= 0.0) || double.IsPositiveInfinity(shiftSeconds[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(shiftSeconds), shiftSeconds[i], $"Shift of worker {i} must be finite and >= 0.");
            }

            if (!(scaleSeconds[i] > 0.0) || double.IsPositiveInfinity(scaleSeconds[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(scaleSeconds), scaleSeconds[i], $"Scale of worker {i} must be finite and > 0.");
            }
        }

        _shift = shiftSeconds.ToArray();
        _scale = scaleSeconds.ToArray();
    }

    /// <summary>Number of workers n.</summary>
    public int Workers => _shift.Length;

    /// <summary>Section 7: X_i = c sqrt(i) + Exp(c sqrt(i)), mu_i = 2 c sqrt(i) (the paper uses c = 29).</summary>
    public static ShiftedExponentialTaskTimes SquareRoot(int workers, double c = 29.0) =>
        FromRate(workers, i => c * Math.Sqrt(i), shifted: true);

    /// <summary>Section 7.1: X_i = c i + Exp(c i), mu_i = 2 c i (the paper uses c = 29).</summary>
    public static ShiftedExponentialTaskTimes Linear(int workers, double c = 29.0) =>
        FromRate(workers, i => c * i, shifted: true);

    /// <summary>Section 7.2: X_i = Exp(c i) with scale (mean) c i, so mu_i = c i (the paper uses c = 2).</summary>
    public static ShiftedExponentialTaskTimes Exponential(int workers, double c = 2.0) =>
        FromRate(workers, i => c * i, shifted: false);

    /// <summary>Shift of worker <paramref name="worker"/> in seconds.</summary>
    public double Shift(int worker) => _shift[worker];

    /// <summary>Exponential mean (scale) of worker <paramref name="worker"/> in seconds.</summary>
    public double Scale(int worker) => _scale[worker];

    /// <summary>mu_i = shift_i + scale_i in seconds.</summary>
    public double Mean(int worker) => _shift[worker] + _scale[worker];

    /// <summary>sigma_i = scale_i in seconds.</summary>
    public double StandardDeviation(int worker) => _scale[worker];

    /// <summary>All means mu_i as a new array (seconds).</summary>
    public double[] Means()
    {
        var means = new double[Workers];
        for (int i = 0; i < Workers; i++)
        {
            means[i] = Mean(i);
        }

        return means;
    }

    /// <summary>Draws one task time of <paramref name="worker"/> in seconds from <paramref name="rng"/>.</summary>
    public double Sample(int worker, Rng rng) => _shift[worker] + rng.NextExponential(_scale[worker]);

    /// <summary>
    /// The task time in seconds that <see cref="Sample"/> returns when the stream's open uniform draw
    /// (<see cref="Rng.NextOpenDouble"/>) is <paramref name="uniform"/> in (0, 1]: the same operations, bit for bit.
    /// </summary>
    public double FromUniform(int worker, double uniform) => _shift[worker] + (-_scale[worker] * Math.Log(uniform));

    /// <summary>
    /// The Orlicz norm ||X_i||_psi1 = inf{C &gt; 0 : E exp(X_i / C) &lt;= 2} of eq. (2) in seconds. For
    /// X = a + Exp(b), E exp(X / C) = e^{a/C} / (1 - b/C) for C &gt; b, which decreases in C, so the norm is the
    /// root of e^{a/C} = 2 (1 - b/C), found by bisection (2b for a = 0; below the paper's 2 mu_i when a = b).
    /// </summary>
    public double OrliczNorm(int worker)
    {
        double a = _shift[worker];
        double b = _scale[worker];
        double lo = b;
        double hi = 4.0 * (a + b); // a/C, b/C <= 1/4 there, so E exp(X/C) <= e^{1/4} / (3/4) < 2.
        for (int it = 0; it < 200; it++)
        {
            double mid = 0.5 * (lo + hi);
            double mgf = Math.Exp(a / mid) / (1.0 - b / mid);
            if (mgf <= 2.0)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return hi;
    }

    private static ShiftedExponentialTaskTimes FromRate(int workers, Func<int, double> scaleOf, bool shifted)
    {
        if (workers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(workers), workers, "The number of workers n must be >= 1.");
        }

        var shift = new double[workers];
        var scale = new double[workers];
        for (int w = 0; w < workers; w++)
        {
            scale[w] = scaleOf(w + 1);
            shift[w] = shifted ? scale[w] : 0.0;
        }

        return new ShiftedExponentialTaskTimes(shift, scale);
    }
}
