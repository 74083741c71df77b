namespace Almab.Algorithms.MultiObjective.Problems;

/// <summary>
/// A scalarizing function of the minimization objectives, normalized per objective by the [ideal, reference] box so
/// weights mean the same on every benchmark: with f̃_k = (f_k − z_k)/(r_k − z_k), weighted sum g = Σ w_k f̃_k (eq. 5),
/// Tchebycheff g = max_k w_k |f̃_k| with the ideal z as its utopian point (eq. 6). Lower is better. Weights are
/// checked (non-empty, one per objective, finite, non-negative, not all zero) and rescaled to sum to one.
/// </summary>
public sealed class Scalarization
{
    private readonly double[] _weights;
    private readonly double[] _ideal;
    private readonly double[] _inverseRange;

    public Scalarization(ScalarizationKind kind, IReadOnlyList<double> weights, MocoSpec spec)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(spec);
        Kind = kind;
        _weights = Normalize(weights, spec.ObjectiveCount);
        _ideal = spec.Ideal.ToArray();
        _inverseRange = new double[spec.ObjectiveCount];
        for (int k = 0; k < spec.ObjectiveCount; k++)
        {
            double range = spec.Reference[k] - spec.Ideal[k];
            if (!(range > 0))
            {
                throw new ArgumentException(
                    $"reference point must be worse than the ideal point in every objective: objective {k} has ideal {spec.Ideal[k]} and reference {spec.Reference[k]}");
            }

            _inverseRange[k] = 1.0 / range;
        }
    }

    public ScalarizationKind Kind { get; }

    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The scalar cost of an objective vector (lower is better).</summary>
    public double Cost(ReadOnlySpan<double> objectives)
    {
        double g = Kind == ScalarizationKind.WeightedSum ? 0.0 : double.NegativeInfinity;
        for (int k = 0; k < _weights.Length; k++)
        {
            double f = (objectives[k] - _ideal[k]) * _inverseRange[k];
            g = Kind == ScalarizationKind.WeightedSum ? g + _weights[k] * f : Math.Max(g, _weights[k] * Math.Abs(f));
        }

        return g;
    }

    /// <summary>Checks a weight vector and rescales it to the simplex.</summary>
    public static double[] Normalize(IReadOnlyList<double> weights, int objectiveCount)
    {
        if (weights.Count == 0)
        {
            throw new ArgumentException("weight vector is empty");
        }

        if (weights.Count != objectiveCount)
        {
            throw new ArgumentException($"weight vector has {weights.Count} entries but the problem has {objectiveCount} objectives");
        }

        double sum = 0;
        for (int k = 0; k < weights.Count; k++)
        {
            if (!double.IsFinite(weights[k]) || weights[k] < 0)
            {
                throw new ArgumentException($"weight {k} is {weights[k]}; weights must be finite and non-negative");
            }

            sum += weights[k];
        }

        if (!(sum > 0))
        {
            throw new ArgumentException("weight vector is all zeros; at least one weight must be positive");
        }

        var w = new double[weights.Count];
        for (int k = 0; k < w.Length; k++)
        {
            w[k] = weights[k] / sum;
        }

        return w;
    }
}
