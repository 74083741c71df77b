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
/// and two design points may coincide on a finite space (our choice: no repair, the classical design as it falls).
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
    public LatinHypercubeSearch(SearchSpace space, Seed seed, int sampleSize, IReadOnlyList<Configuration>? initialDesign = null)
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

        SampleSize = sampleSize;
    }

    /// <inheritdoc />
    public string Name => "latin-hypercube";

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
