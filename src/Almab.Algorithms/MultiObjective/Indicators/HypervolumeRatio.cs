namespace Almab.Algorithms.MultiObjective.Indicators;

/// <summary>
/// Hypervolume ratio HV(P, r) / Π_k (r_k − z_k) (D&amp;L paper, appendix 10.4, eq. 9): the hypervolume divided by the
/// volume of the box between the ideal point z and the reference point r, both in minimization orientation. It lies in
/// [0, 1] when the front lies inside the box; points better than the ideal can push it above 1 (kept, not clipped).
/// </summary>
public sealed class HypervolumeRatio
{
    private readonly double[] _reference;
    private readonly double _boxVolume;

    /// <summary>Checks that the reference point is strictly worse than the ideal point in every objective.</summary>
    public HypervolumeRatio(IReadOnlyList<double> ideal, IReadOnlyList<double> reference)
    {
        ArgumentNullException.ThrowIfNull(ideal);
        ArgumentNullException.ThrowIfNull(reference);
        if (ideal.Count != reference.Count || ideal.Count == 0)
        {
            throw new ArgumentException(
                $"ideal point has {ideal.Count} objectives but the reference point has {reference.Count}; they must match and be non-empty");
        }

        _reference = new double[reference.Count];
        _boxVolume = 1.0;
        for (int k = 0; k < ideal.Count; k++)
        {
            if (!double.IsFinite(ideal[k]) || !double.IsFinite(reference[k]) || !(reference[k] > ideal[k]))
            {
                throw new ArgumentException(
                    $"reference point must be worse than the ideal point in every objective (minimization): objective {k} has ideal {ideal[k]} and reference {reference[k]}");
            }

            _reference[k] = reference[k];
            _boxVolume *= reference[k] - ideal[k];
        }
    }

    /// <summary>The reference point (minimization orientation).</summary>
    public IReadOnlyList<double> Reference => _reference;

    /// <summary>Volume of the [ideal, reference] box.</summary>
    public double BoxVolume => _boxVolume;

    /// <summary>HV ratio of <paramref name="count"/> row-major points.</summary>
    public double Compute(ReadOnlySpan<double> points, int count) =>
        Hypervolume.Compute(points, count, _reference) / _boxVolume;
}
