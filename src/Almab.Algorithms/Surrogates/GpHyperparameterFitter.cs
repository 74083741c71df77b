using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Surrogates;

/// <summary>
/// Type-II maximum likelihood for the GP hyperparameters (ALMAB-DC section 2.2): bounded L-BFGS
/// (<see cref="BoundedLbfgs"/>) on the negative log marginal likelihood in log space, first from the initial
/// point and then from <see cref="GaussianProcessOptions.Restarts"/> uniform draws in the log box (the
/// multi-start of scikit-learn's <c>n_restarts_optimizer</c>). Protocol note (our choice): the best point
/// ever evaluated is kept, so a start that stalls still contributes its best iterate, and (unless
/// <see cref="GaussianProcessOptions.Polish"/> is off) the best optimum is polished by a final tightly converged run.
/// </summary>
internal static class GpHyperparameterFitter
{
    /// <summary>Returns the best log-hyperparameters found (length d + 2) and their log marginal likelihood.</summary>
    public static (double[] Theta, double LogLikelihood) Fit(
        GpLikelihood likelihood, GaussianProcessOptions options, ReadOnlySpan<double> initialTheta, int dimension)
    {
        int d = dimension;
        int free = options.OptimizeNoise ? d + 2 : d + 1;
        var lower = new double[free];
        var upper = new double[free];
        for (int j = 0; j < free; j++)
        {
            var (lo, hi) = j < d ? options.LengthScaleBounds : j == d ? options.SignalVarianceBounds : options.NoiseVarianceBounds;
            lower[j] = Math.Log(lo);
            upper[j] = Math.Log(hi);
        }

        var objective = new NegativeLogLikelihood(likelihood, initialTheta, free);
        var minimizer = new BoundedLbfgs(free);
        var x = new double[free];
        Rng rng = options.Seed.CreateRng();
        for (int start = 0; start <= options.Restarts; start++)
        {
            for (int j = 0; j < free; j++)
            {
                x[j] = start == 0 ? initialTheta[j] : lower[j] + (upper[j] - lower[j]) * rng.NextDouble();
            }

            minimizer.Minimize(objective, x, lower, upper, options.MaxIterations);
        }

        // Polish (our choice): one more run from the best optimum with much tighter tolerances, so that
        // the result is converged well beyond scipy's default stopping point (a few extra evaluations).
        if (options.Polish)
        {
            Array.Copy(objective.Best, x, free);
            new BoundedLbfgs(free, 10, 1e-8, 1e-13).Minimize(objective, x, lower, upper, options.MaxIterations);
        }

        return (objective.Best, -objective.BestValue);
    }

    /// <summary>-LML over the free log-hyperparameters; remembers the best point evaluated.</summary>
    private sealed class NegativeLogLikelihood(GpLikelihood likelihood, ReadOnlySpan<double> initialTheta, int free)
        : IBoundedObjective
    {
        private readonly double[] _theta = initialTheta.ToArray();
        private readonly double[] _grad = new double[initialTheta.Length];

        public double[] Best { get; } = initialTheta.ToArray();

        public double BestValue { get; private set; } = double.PositiveInfinity;

        public double Value(ReadOnlySpan<double> x)
        {
            x.Slice(0, free).CopyTo(_theta);
            double lml = likelihood.Value(_theta);
            if (!double.IsFinite(lml))
            {
                return double.PositiveInfinity;
            }

            if (-lml < BestValue)
            {
                BestValue = -lml;
                Array.Copy(_theta, Best, _theta.Length);
            }

            return -lml;
        }

        public void GradientOfLastValue(Span<double> gradient)
        {
            likelihood.GradientOfLastValue(_grad);
            for (int j = 0; j < free; j++)
            {
                gradient[j] = -_grad[j];
            }
        }
    }
}
