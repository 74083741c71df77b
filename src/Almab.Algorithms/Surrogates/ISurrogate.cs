namespace Almab.Algorithms.Surrogates;

/// <summary>
/// A probabilistic regression model over the encoded unit cube (ALMAB-DC section 2.2).
/// Inputs are unit-cube points; outputs are the minimized objective values.
/// </summary>
public interface ISurrogate
{
    /// <summary>Input dimension.</summary>
    int Dimension { get; }

    /// <summary>Number of observations conditioned on, fantasies included.</summary>
    int Count { get; }

    /// <summary>Conditions on the data from scratch; optionally re-optimizes hyperparameters.</summary>
    void Fit(IReadOnlyList<double[]> inputs, IReadOnlyList<double> targets, bool optimizeHyperparameters);

    /// <summary>Adds one observation with an O(n^2) update, hyperparameters fixed.</summary>
    void Add(double[] input, double target);

    /// <summary>
    /// Posterior mean and variance of the latent function (noise excluded) at each point.
    /// </summary>
    void Predict(IReadOnlyList<double[]> points, Span<double> mean, Span<double> variance);

    /// <summary>Variance of the Gaussian observation noise on the model's (original) output scale.</summary>
    double NoiseVariance { get; }

    /// <summary>
    /// Posterior covariance of the latent function between two point sets:
    /// <paramref name="covariance"/>[i, j] = Cov(f(a_i), f(b_j) | data). Used for joint Thompson samples
    /// and integrated posterior variance reduction.
    /// </summary>
    void PredictCovariance(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b, double[,] covariance);

    /// <summary>Adds a fantasy observation (Kriging believer); undone by <see cref="PopFantasy"/>.</summary>
    void PushFantasy(double[] input, double target);

    /// <summary>Removes the most recent fantasy.</summary>
    void PopFantasy();
}
