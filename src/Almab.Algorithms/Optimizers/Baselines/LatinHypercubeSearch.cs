using Almab.Algorithms.Objectives;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Baselines;

/// <summary>
/// Latin Hypercube Sampling (McKay, Beckman and Conover 1979; paper 000, section 3.10: "a classical space-filling
/// design"): n points in the encoded unit cube such that, in every dimension, each of the n equal strata
/// [k/n, (k+1)/n) holds exactly one point, at a uniform position inside it; the strata are matched across dimensions
/// by independent uniform permutations. The design is drawn once from the seed and handed out in order; the budget
/// is the initial design plus n. A finite parameter with c values is decoded cell-wise (value k is the cell
/// [k/c, (k+1)/c)), so each value receives the points of the strata inside its cell and perhaps of the two it shares,
/// and two design points may coincide on a finite space (default: no repair, the classical design as it falls). With
/// <c>repairCollisions</c> on a finite space, a point whose decoded value was already taken (by the initial design or
/// an earlier design point) moves to the free point of the space nearest to its unit-cube position (Euclidean distance
/// to the encoded points; ties: enumeration order): the "snapped with collisions repaired" reading of section 3.10.
/// </summary>
public sealed class LatinHypercubeSearch : IOptimizer
{
    private readonly TrialLedger _ledger;
    private readonly double[][] _unit;
    private readonly Configuration[] _design;
    private int _next;

    /// <summary>Draws an n-point Latin hypercube.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="seed">Seed of the permutations and within-stratum positions.</param>
    /// <param name="sampleSize">Number of design points n.</param>
    /// <param name="initialDesign">Points handed out before the hypercube (they extend the budget).</param>
    /// <param name="repairCollisions">On a finite space, move colliding points to the nearest free point.</param>
    public LatinHypercubeSearch(SearchSpace space, Seed seed, int sampleSize, IReadOnlyList<Configuration>? initialDesign = null,
        bool repairCollisions = false)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (sampleSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleSize), sampleSize, "latin-hypercube: sampleSize must be >= 1");
        }

        _ledger = new TrialLedger("latin-hypercube", space, initialDesign, (initialDesign?.Count ?? 0) + sampleSize);
        var rng = seed.Derive("latin-hypercube").CreateRng();
        int d = space.Dimension;
        _unit = new double[sampleSize][];
        for (int i = 0; i < sampleSize; i++)
        {
            _unit[i] = new double[d];
        }

        var permutation = new int[sampleSize];
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < sampleSize; i++)
            {
                permutation[i] = i;
            }

            for (int i = sampleSize - 1; i > 0; i--)
            {
                int k = rng.Next(i + 1);
                (permutation[i], permutation[k]) = (permutation[k], permutation[i]);
            }

            for (int i = 0; i < sampleSize; i++)
            {
                _unit[i][j] = (permutation[i] + rng.NextDouble()) / sampleSize;
            }
        }

        _design = new Configuration[sampleSize];
        for (int i = 0; i < sampleSize; i++)
        {
            _design[i] = space.Decode(_unit[i]);
        }

        if (repairCollisions)
        {
            Repair(space, initialDesign);
        }

        SampleSize = sampleSize;
    }

    /// <inheritdoc />
    public string Name => "latin-hypercube";

    private void Repair(SearchSpace space, IReadOnlyList<Configuration>? initialDesign)
    {
        if (space.Cardinality is not long cardinality || cardinality < (initialDesign?.Count ?? 0) + _design.Length)
        {
            throw new ArgumentException("latin-hypercube: repairCollisions needs a finite space with room for every design point", nameof(space));
        }

        var all = AlmabDc.SpaceEnumeration.All(space);
        var encoded = all.Select(space.Encode).ToArray();
        var taken = new HashSet<Configuration>(initialDesign ?? []);
        for (int i = 0; i < _design.Length; i++)
        {
            if (taken.Add(_design[i]))
            {
                continue;
            }

            int best = -1;
            double bestDistance = double.PositiveInfinity;
            for (int k = 0; k < all.Count; k++)
            {
                if (taken.Contains(all[k]))
                {
                    continue;
                }

                double dist = 0.0;
                for (int j = 0; j < encoded[k].Length; j++)
                {
                    double e = encoded[k][j] - _unit[i][j];
                    dist += e * e;
                }

                if (dist < bestDistance)
                {
                    bestDistance = dist;
                    best = k;
                }
            }

            _design[i] = all[best];
            taken.Add(all[best]);
        }
    }

    /// <summary>Number of hypercube points n.</summary>
    public int SampleSize { get; }

    /// <summary>The decoded design in the order it is handed out (after any initial design).</summary>
    public IReadOnlyList<Configuration> Design => _design;

    /// <summary>Trials asked and not yet told.</summary>
    public int PendingCount => _ledger.PendingCount;

    /// <summary>The design's point <paramref name="index"/> in the encoded unit cube, before decoding.</summary>
    internal ReadOnlySpan<double> UnitPoint(int index) => _unit[index];

    /// <inheritdoc />
    public IReadOnlyList<Trial> Ask(int count)
    {
        int n = _ledger.Allowance(count);
        var trials = new Trial[n];
        for (int i = 0; i < n; i++)
        {
            trials[i] = _ledger.Issue(_ledger.TryNextInitial(out var c) ? c : _design[_next++]);
        }

        return trials;
    }

    /// <inheritdoc />
    public void Tell(Trial trial, Observation observation) => _ledger.Accept(trial, observation);
}
