namespace Almab.Algorithms.Acquisitions;

/// <summary>
/// The diversity penalty of ALMAB-DC's distributed batch selection (sections 3.9 and 3.10: "Kriging believer updates
/// with a diversity penalty to ensure parallel workers cover distinct regions"). The paper gives no formula; ours
/// (protocol note): scores are first rescaled to [0, 1] by min-max over the candidate set (so the penalty is
/// independent of the acquisition's units), then each candidate loses
/// <see cref="Weight"/> exp(-d^2 / (2 <see cref="Radius"/>^2)), d its Euclidean unit-cube distance to the nearest
/// anchor (a pending or already selected point). Without anchors only the rescaling happens, so the ranking is kept.
/// </summary>
public sealed class DiversityPenalty
{
    /// <summary>Creates the penalty; <paramref name="weight"/> &gt;= 0, <paramref name="radius"/> &gt; 0 (unit-cube distance).</summary>
    public DiversityPenalty(double weight = 0.5, double radius = 0.1)
    {
        if (!(weight >= 0) || double.IsInfinity(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "weight must be finite and >= 0.");
        }

        if (!(radius > 0) || double.IsInfinity(radius))
        {
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "radius must be finite and > 0.");
        }

        Weight = weight;
        Radius = radius;
    }

    /// <summary>Largest penalty, reached at distance 0 from an anchor (scores are in [0, 1] after rescaling).</summary>
    public double Weight { get; }

    /// <summary>Length scale of the penalty in unit-cube distance.</summary>
    public double Radius { get; }

    /// <summary>Rescales <paramref name="scores"/> to [0, 1] and subtracts the penalty for closeness to <paramref name="anchors"/>.</summary>
    public void Apply(IReadOnlyList<double[]> candidates, Span<double> scores, IReadOnlyList<double[]> anchors)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(anchors);
        int n = candidates.Count;
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            lo = Math.Min(lo, scores[i]);
            hi = Math.Max(hi, scores[i]);
        }

        double range = hi - lo;
        double inv = 1.0 / (2.0 * Radius * Radius);
        for (int i = 0; i < n; i++)
        {
            double s = range > 0 ? (scores[i] - lo) / range : 1.0;
            if (anchors.Count > 0)
            {
                double nearest = double.PositiveInfinity;
                for (int a = 0; a < anchors.Count; a++)
                {
                    nearest = Math.Min(nearest, SquaredDistance(candidates[i], anchors[a]));
                }

                s -= Weight * Math.Exp(-nearest * inv);
            }

            scores[i] = s;
        }
    }

    internal static double SquaredDistance(double[] x, double[] y)
    {
        double s = 0;
        for (int k = 0; k < x.Length; k++)
        {
            double d = x[k] - y[k];
            s += d * d;
        }

        return s;
    }
}
