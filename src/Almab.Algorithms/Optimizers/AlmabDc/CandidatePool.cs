using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.AlmabDc;

/// <summary>
/// The "Candidate Experiments" module (section 2.1): every point of a small finite space, otherwise a fresh seeded
/// pool per decision of uniform space samples plus Gaussian perturbations (in the unit cube) of the best observed
/// points. Every candidate is decoded and re-encoded, so integer, grid and categorical values are legal points.
/// </summary>
internal sealed class CandidatePool
{
    private readonly SearchSpace _space;
    private readonly AlmabDcOptions _options;
    private readonly List<double[]> _points = [];
    private readonly double[] _unit;

    public CandidatePool(SearchSpace space, AlmabDcOptions options)
    {
        _space = space;
        _options = options;
        _unit = new double[space.Dimension];
        if (space.Cardinality is long c && c <= options.MaxEnumeratedPool)
        {
            _points = SpaceEnumeration.AllEncoded(space);

            IsEnumerated = true;
        }
    }

    /// <summary>True when the pool is the whole (finite) space and never changes.</summary>
    public bool IsEnumerated { get; }

    /// <summary>Current candidates (unit-cube points).</summary>
    public IReadOnlyList<double[]> Points => _points;

    /// <summary>
    /// Redraws a sampled pool; <paramref name="best"/> are the encoded best observations for local candidates. A sampled
    /// pool's arrays are reused from one refresh to the next (no allocation per decision), so a caller that keeps a
    /// candidate must copy it.
    /// </summary>
    public void Refresh(Rng rng, IReadOnlyList<double[]> best)
    {
        if (IsEnumerated)
        {
            return;
        }

        while (_points.Count < _options.PoolSize)
        {
            _points.Add(new double[_unit.Length]);
        }

        int local = best.Count == 0 ? 0 : (int)Math.Round(_options.LocalFraction * _options.PoolSize);
        int uniform = _options.PoolSize - local;
        for (int i = 0; i < uniform; i++)
        {
            // The draws of SearchSpace.Sample: one uniform per dimension, then decode (here: snap) them.
            for (int j = 0; j < _unit.Length; j++)
            {
                _unit[j] = rng.NextDouble();
            }

            _space.Snap(_unit, _points[i]);
        }

        for (int i = 0; i < local; i++)
        {
            double[] centre = best[i % best.Count];
            for (int j = 0; j < _unit.Length; j++)
            {
                _unit[j] = Math.Clamp(centre[j] + _options.LocalScale * rng.NextGaussian(), 0.0, 1.0);
            }

            _space.Snap(_unit, _points[uniform + i]);
        }
    }

    /// <summary>A uniform random point of the space, encoded.</summary>
    public double[] Uniform(Rng rng) =>
        IsEnumerated ? _points[rng.Next(_points.Count)] : _space.Encode(_space.Sample(rng));
}
