using Almab.Algorithms.Acquisitions;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Optimizers.AlmabDc;

/// <summary>
/// What an "arm" of the ALMAB-DC bandit controller is (section 2.3: "each arm corresponds to a candidate
/// configuration, model fidelity level, or region of the parameter space"). On a finite space with at most
/// maxArms points each point is an arm (the 15 arms of section 2.6, the 33 doses of case 4, the 64 sensor sites of
/// case 5). Otherwise the arms are the Voronoi regions of maxArms centers spread over the encoded unit cube by
/// greedy farthest-point selection among 20 maxArms seeded space samples (our choice: it works in any dimension,
/// unlike a per-axis grid whose cell count explodes as bins^d).
/// </summary>
public sealed class ArmPartition
{
    private readonly double[][] _centers;

    private ArmPartition(double[][] centers, bool onePointPerArm)
    {
        _centers = centers;
        OnePointPerArm = onePointPerArm;
    }

    /// <summary>Number of arms.</summary>
    public int Arms => _centers.Length;

    /// <summary>True when every arm is a single point of a finite space.</summary>
    public bool OnePointPerArm { get; }

    /// <summary>Arm centers (the points themselves when <see cref="OnePointPerArm"/>), unit-cube coordinates.</summary>
    public IReadOnlyList<double[]> Centers => _centers;

    /// <summary>Builds the partition of <paramref name="space"/> with at most <paramref name="maxArms"/> arms.</summary>
    public static ArmPartition Create(SearchSpace space, int maxArms, Seed seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxArms, 1);
        if (space.Cardinality is long c && c <= maxArms)
        {
            return new ArmPartition([.. SpaceEnumeration.AllEncoded(space)], true);
        }

        var rng = seed.CreateRng();
        int m = 20 * maxArms;
        int d = space.Dimension;
        // The samples of Encode(Sample(rng)) (one uniform per dimension, decoded, re-encoded: Snap), row by row in one
        // array: this runs once per optimizer, i.e. per replicate, and 20 maxArms configurations and encodings were
        // most of an ALMAB-DC optimizer's construction garbage (about 30 KB of 44 KB on case 4).
        double[] samplesArray = System.Buffers.ArrayPool<double>.Shared.Rent(m * d);
        double[] nearestArray = System.Buffers.ArrayPool<double>.Shared.Rent(m);
        var samples = samplesArray.AsSpan(0, m * d);
        Span<double> unit = d <= 64 ? stackalloc double[d] : new double[d];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < d; j++)
            {
                unit[j] = rng.NextDouble();
            }

            space.Snap(unit, samples.Slice(i * d, d));
        }

        var chosen = new double[maxArms][];
        var nearest = nearestArray.AsSpan(0, m);
        nearest.Fill(double.PositiveInfinity);
        int next = 0;
        for (int a = 0; a < maxArms; a++)
        {
            chosen[a] = samples.Slice(next * d, d).ToArray();
            int far = 0;
            for (int i = 0; i < m; i++)
            {
                nearest[i] = Math.Min(nearest[i], DenseKernels.SquaredDistance(samples.Slice(i * d, d), chosen[a]));
                if (nearest[i] > nearest[far])
                {
                    far = i;
                }
            }

            next = far;
        }

        System.Buffers.ArrayPool<double>.Shared.Return(samplesArray);
        System.Buffers.ArrayPool<double>.Shared.Return(nearestArray);
        return new ArmPartition(chosen, false);
    }

    /// <summary>The arm containing unit-cube point <paramref name="unit"/>: its nearest center (ties: lowest index).</summary>
    public int ArmOf(double[] unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        int best = 0;
        double bestDistance = double.PositiveInfinity;
        for (int a = 0; a < _centers.Length; a++)
        {
            double d = DiversityPenalty.SquaredDistance(unit, _centers[a]);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = a;
            }
        }

        return best;
    }
}
