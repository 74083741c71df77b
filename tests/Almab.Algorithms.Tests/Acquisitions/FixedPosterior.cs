using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Tests.Acquisitions;

/// <summary>A surrogate whose posterior at candidate i (looked up by its first coordinate as an index) is fixed.</summary>
internal sealed class FixedPosterior(double[] mean, double[] variance, double noiseVariance = 0.0) : ISurrogate
{
    public int Dimension => 1;

    public int Count => 0;

    public double NoiseVariance => noiseVariance;

    public void Fit(IReadOnlyList<double[]> inputs, IReadOnlyList<double> targets, bool optimizeHyperparameters) =>
        throw new NotSupportedException();

    public void Add(double[] input, double target) => throw new NotSupportedException();

    public void Predict(IReadOnlyList<double[]> points, Span<double> mean1, Span<double> variance1)
    {
        for (int i = 0; i < points.Count; i++)
        {
            int k = (int)points[i][0];
            mean1[i] = mean[k];
            variance1[i] = variance[k];
        }
    }

    public void PredictCovariance(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b, double[,] covariance) =>
        throw new NotSupportedException();

    public void PushFantasy(double[] input, double target) => throw new NotSupportedException();

    public void PopFantasy() => throw new NotSupportedException();

    public static IReadOnlyList<double[]> Indices(int n)
    {
        var list = new double[n][];
        for (int i = 0; i < n; i++)
        {
            list[i] = [i];
        }

        return list;
    }
}
