using System.Diagnostics;
using Almab.Algorithms.Surrogates;

namespace Almab.Experiments.Papers.AlmabDc.Scaling;

/// <summary>
/// Wraps a surrogate and accumulates the wall-clock seconds of its work by kind (Appendix C study): fitting
/// (<see cref="Fit"/>, <see cref="Add"/>), predicting (<see cref="Predict"/>, <see cref="PredictCovariance"/>) and
/// fantasies (<see cref="PushFantasy"/>, <see cref="PopFantasy"/>). Behaviour is the wrapped model's, unchanged.
/// </summary>
public sealed class TimedSurrogate(ISurrogate inner) : ISurrogate
{
    private long _fit;
    private long _predict;
    private long _fantasy;

    /// <summary>Seconds spent in Fit and Add.</summary>
    public double FitSeconds => _fit / (double)Stopwatch.Frequency;

    /// <summary>Seconds spent in Predict and PredictCovariance.</summary>
    public double PredictSeconds => _predict / (double)Stopwatch.Frequency;

    /// <summary>Seconds spent pushing and popping fantasies.</summary>
    public double FantasySeconds => _fantasy / (double)Stopwatch.Frequency;

    /// <inheritdoc />
    public int Dimension => inner.Dimension;

    /// <inheritdoc />
    public int Count => inner.Count;

    /// <inheritdoc />
    public double NoiseVariance => inner.NoiseVariance;

    /// <inheritdoc />
    public void Fit(IReadOnlyList<double[]> inputs, IReadOnlyList<double> targets, bool optimizeHyperparameters)
    {
        long t = Stopwatch.GetTimestamp();
        inner.Fit(inputs, targets, optimizeHyperparameters);
        _fit += Stopwatch.GetTimestamp() - t;
    }

    /// <inheritdoc />
    public void Add(double[] input, double target)
    {
        long t = Stopwatch.GetTimestamp();
        inner.Add(input, target);
        _fit += Stopwatch.GetTimestamp() - t;
    }

    /// <inheritdoc />
    public void Predict(IReadOnlyList<double[]> points, Span<double> mean, Span<double> variance)
    {
        long t = Stopwatch.GetTimestamp();
        inner.Predict(points, mean, variance);
        _predict += Stopwatch.GetTimestamp() - t;
    }

    /// <inheritdoc />
    public void PredictCovariance(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b, double[,] covariance)
    {
        long t = Stopwatch.GetTimestamp();
        inner.PredictCovariance(a, b, covariance);
        _predict += Stopwatch.GetTimestamp() - t;
    }

    /// <inheritdoc />
    public void PushFantasy(double[] input, double target)
    {
        long t = Stopwatch.GetTimestamp();
        inner.PushFantasy(input, target);
        _fantasy += Stopwatch.GetTimestamp() - t;
    }

    /// <inheritdoc />
    public void PopFantasy()
    {
        long t = Stopwatch.GetTimestamp();
        inner.PopFantasy();
        _fantasy += Stopwatch.GetTimestamp() - t;
    }
}
