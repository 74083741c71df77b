using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Objectives.Cases;

/// <summary>
/// The illustrative example of ALMAB-DC (section 2.6): reward r(x) = sum_i w_i exp(-(x - mu_i)^T Sigma_i^-1 (x - mu_i) / 2) + eps,
/// eps ~ N(0, sigma^2), on a search space discretized into A arms. The paper gives neither the components
/// nor the arm locations: they come from the case file (protocol note). Arms are indexed 0..A-1 by a grid
/// parameter "arm"; optimizers minimize, so the observation value is -r.
/// </summary>
public sealed class GaussianMixtureArmsObjective : IObjective
{
    private readonly double[] _means;

    /// <summary>Creates the objective.</summary>
    /// <param name="components">Mixture components; weights are normalized.</param>
    /// <param name="arms">Location of each arm (same dimension as the component means).</param>
    /// <param name="noiseSd">Observation noise sigma.</param>
    /// <param name="costSeconds">Virtual seconds per pull on a unit-speed worker.</param>
    public GaussianMixtureArmsObjective(IReadOnlyList<MixtureComponent> components, IReadOnlyList<double[]> arms, double noiseSd, double costSeconds = 1.0)
    {
        if (components.Count == 0 || arms.Count < 2)
        {
            throw new ArgumentException("need at least one mixture component and two arms");
        }

        double total = components.Sum(c => c.Weight);
        if (components.Any(c => !(c.Weight > 0) || !(c.Sd > 0) || c.Mean.Length != arms[0].Length) || arms.Any(a => a.Length != arms[0].Length))
        {
            throw new ArgumentException("mixture weights and sds must be > 0 and every mean/arm must have the same dimension");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(noiseSd);
        NoiseSd = noiseSd;
        CostSeconds = costSeconds;
        _means = new double[arms.Count];
        for (int a = 0; a < arms.Count; a++)
        {
            double r = 0;
            foreach (var c in components)
            {
                double d2 = 0;
                for (int j = 0; j < c.Mean.Length; j++)
                {
                    double d = arms[a][j] - c.Mean[j];
                    d2 += d * d;
                }

                r += c.Weight / total * Math.Exp(-0.5 * d2 / (c.Sd * c.Sd));
            }

            _means[a] = r;
        }

        Space = new SearchSpace([Parameter.Grid("arm", Enumerable.Range(0, arms.Count).Select(i => (double)i))]);
    }

    /// <inheritdoc />
    public string Name => "gaussian-mixture-arms";

    /// <inheritdoc />
    public SearchSpace Space { get; }

    /// <summary>Noise sd sigma.</summary>
    public double NoiseSd { get; }

    /// <summary>Virtual seconds per pull.</summary>
    public double CostSeconds { get; }

    /// <summary>Number of arms A.</summary>
    public int Arms => _means.Length;

    /// <summary>Expected reward of each arm.</summary>
    public IReadOnlyList<double> MeanRewards => _means;

    /// <summary>Largest expected reward.</summary>
    public double BestMeanReward => _means.Max();

    /// <inheritdoc />
    public double? OptimalValue => -BestMeanReward;

    /// <inheritdoc />
    public Observation Evaluate(Configuration configuration, double fidelity, Rng rng)
    {
        double mu = _means[(int)configuration[0]];
        return new Observation(-(mu + NoiseSd * rng.NextGaussian()), -mu, CostSeconds);
    }
}
