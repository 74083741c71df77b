namespace Almab.Experiments.Papers.AlmabDc.Metrics;

/// <summary>
/// Exact Gaussian-process conditioning on a finite set of points: the prior N(m, Sigma) over the N points is
/// updated by each noisy observation y = f(x_i) + N(0, s^2) with the rank-one formulas
/// m += Sigma[:, i] (y - m_i) / (Sigma_ii + s^2), Sigma -= Sigma[:, i] Sigma[i, :] / (Sigma_ii + s^2), in O(N^2).
/// Used for case metrics (IPV, the case-4 recommender), independently of any method's own surrogate.
/// </summary>
public sealed class FiniteGaussianPosterior
{
    private readonly double[,] _cov;
    private readonly double[] _mean;
    private readonly double[] _column;
    private readonly double _noiseVariance;
    private readonly double _priorMean;
    private readonly double[,]? _prior; // a copy of the prior covariance when resettable

    /// <summary>
    /// Creates the prior from a kernel evaluated on the points. With <paramref name="resettable"/> a copy of the prior
    /// is kept, so <see cref="Reset"/> can start over without re-evaluating the kernel or allocating.
    /// </summary>
    public FiniteGaussianPosterior(int count, Func<int, int, double> kernel, double noiseVariance, double priorMean = 0.0,
        bool resettable = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(noiseVariance);
        _cov = new double[count, count];
        _mean = new double[count];
        _column = new double[count];
        _noiseVariance = noiseVariance;
        _priorMean = priorMean;
        for (int i = 0; i < count; i++)
        {
            _mean[i] = priorMean;
            for (int j = 0; j < count; j++)
            {
                _cov[i, j] = kernel(i, j);
            }
        }

        if (resettable)
        {
            _prior = (double[,])_cov.Clone();
        }
    }

    /// <summary>Back to the prior (every observation forgotten); only for a posterior created resettable.</summary>
    public void Reset()
    {
        if (_prior is null)
        {
            throw new InvalidOperationException("this posterior was not created resettable");
        }

        Array.Copy(_prior, _cov, _prior.Length);
        Array.Fill(_mean, _priorMean);
    }

    /// <summary>Number of points.</summary>
    public int Count => _mean.Length;

    /// <summary>Posterior mean at point <paramref name="i"/>.</summary>
    public double Mean(int i) => _mean[i];

    /// <summary>Posterior variance of the latent value at point <paramref name="i"/>.</summary>
    public double Variance(int i) => _cov[i, i];

    /// <summary>Mean posterior variance over all points (IPV of ALMAB-DC section 3.10).</summary>
    public double IntegratedVariance()
    {
        double sum = 0;
        for (int i = 0; i < _mean.Length; i++)
        {
            sum += _cov[i, i];
        }

        return sum / _mean.Length;
    }

    /// <summary>Index of the largest posterior mean; ties go to the lowest index.</summary>
    public int ArgMaxMean()
    {
        int best = 0;
        for (int i = 1; i < _mean.Length; i++)
        {
            if (_mean[i] > _mean[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Conditions on y observed at point <paramref name="index"/>.</summary>
    public void Observe(int index, double y)
    {
        int n = _mean.Length;
        double denominator = _cov[index, index] + _noiseVariance;
        if (!(denominator > 0))
        {
            throw new InvalidOperationException("noise-free repeat observation of an already known point");
        }

        for (int i = 0; i < n; i++)
        {
            _column[i] = _cov[i, index];
        }

        double residual = (y - _mean[index]) / denominator;
        for (int i = 0; i < n; i++)
        {
            _mean[i] += _column[i] * residual;
            double ci = _column[i] / denominator;
            for (int j = 0; j < n; j++)
            {
                _cov[i, j] -= ci * _column[j];
            }
        }
    }
}
