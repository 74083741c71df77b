using Almab.Algorithms.Objectives;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Baselines;

/// <summary>
/// Quasi-random search: successive points of the <see cref="SobolSequence"/> in the encoded unit cube, decoded
/// into the space. Non-adaptive, like <see cref="RandomSearch"/>, but space-filling. Our choices: scrambling is a
/// seeded random digital shift (on by default, so replicates differ and the origin is not always the first point);
/// without it the plain Joe-Kuo sequence is used, first point included, and the seed is ignored.
/// </summary>
public sealed class SobolSearch : IOptimizer
{
    private readonly TrialLedger _ledger;
    private readonly SobolSequence _sequence;
    private readonly double[] _unit;

    /// <summary>Creates a Sobol search.</summary>
    /// <param name="space">The search space (at most <see cref="SobolSequence.MaxDimension"/> parameters).</param>
    /// <param name="seed">Seed of the digital shift.</param>
    /// <param name="scramble">Apply a seeded random digital shift.</param>
    /// <param name="budget">Maximum number of trials handed out, or null for no limit.</param>
    /// <param name="initialDesign">Points handed out before the sequence (count towards the budget).</param>
    public SobolSearch(SearchSpace space, Seed seed, bool scramble = true, int? budget = null, IReadOnlyList<Configuration>? initialDesign = null)
    {
        _ledger = new TrialLedger("sobol-search", space, initialDesign, budget);
        if (space.Dimension > SobolSequence.MaxDimension)
        {
            throw new ArgumentException($"sobol-search: the space has {space.Dimension} parameters, at most {SobolSequence.MaxDimension} are supported", nameof(space));
        }

        var shift = new uint[space.Dimension];
        if (scramble)
        {
            var rng = seed.Derive("sobol-digital-shift").CreateRng();
            for (int j = 0; j < shift.Length; j++)
            {
                shift[j] = (uint)(rng.NextUInt64() >> 32);
            }
        }

        _sequence = new SobolSequence(space.Dimension, shift);
        _unit = new double[space.Dimension];
        Scrambled = scramble;
    }

    /// <inheritdoc />
    public string Name => "sobol-search";

    /// <summary>True when the sequence is digitally shifted.</summary>
    public bool Scrambled { get; }

    /// <summary>Trials asked and not yet told.</summary>
    public int PendingCount => _ledger.PendingCount;

    /// <inheritdoc />
    public IReadOnlyList<Trial> Ask(int count)
    {
        int n = _ledger.Allowance(count);
        var trials = new Trial[n];
        for (int i = 0; i < n; i++)
        {
            if (!_ledger.TryNextInitial(out var c))
            {
                _sequence.Next(_unit);
                c = _ledger.Space.Decode(_unit);
            }

            trials[i] = _ledger.Issue(c);
        }

        return trials;
    }

    /// <inheritdoc />
    public void Tell(Trial trial, Observation observation) => _ledger.Accept(trial, observation);
}
