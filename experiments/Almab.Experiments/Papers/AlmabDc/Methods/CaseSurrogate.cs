using Almab.Algorithms.Acquisitions;
using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Surrogates;
using Almab.Algorithms.Surrogates.Kernels;
using Almab.Experiments.Papers.AlmabDc.Cases;

namespace Almab.Experiments.Papers.AlmabDc.Methods;

/// <summary>
/// Turns a case's <see cref="SurrogateSpec"/> into GP options and the case's acquisition. Length scales in case files
/// are in the native units of the parameters (dose units for case 4, field coordinates for case 5); the GP works on
/// the encoded unit cube, so they are converted with the parameter's encoding scale (<see cref="UnitsPerNative"/>).
/// </summary>
public static class CaseSurrogate
{
    /// <summary>GP options: the paper's fixed kernel when <c>fitHyperparameters</c> is false (zero mean, raw targets), else fitted.</summary>
    public static GaussianProcessOptions GpOptions(SurrogateSpec spec, SearchSpace space, Almab.Algorithms.Randomness.Seed seed)
    {
        var kernel = spec.Kernel switch
        {
            "rbf" or "squared-exponential" => KernelFamily.SquaredExponential,
            "matern12" => KernelFamily.Matern12,
            "matern32" => KernelFamily.Matern32,
            "matern52" => KernelFamily.Matern52,
            _ => throw new ArgumentException($"surrogate.kernel '{spec.Kernel}' is not one of rbf, matern12, matern32, matern52"),
        };
        var lengthScales = new double[space.Dimension];
        for (int i = 0; i < lengthScales.Length; i++)
        {
            lengthScales[i] = spec.LengthScale * UnitsPerNative(space.Parameters[i]);
        }

        var initial = new GpHyperparameters(lengthScales, spec.SignalVariance, spec.NoiseSd * spec.NoiseSd);
        return spec.FitHyperparameters
            // Refits start from the current hyperparameters (warm start) plus one random restart, without the final
            // tight polish: the surrogate is refitted every 10 observations, so a warm start is nearly always at the optimum,
            // and 4 restarts or a 1e-13 polish would only cost time (the polish alone was about a third of the fit).
            ? new GaussianProcessOptions { Kernel = kernel, InitialHyperparameters = initial, Seed = seed, Restarts = 1, Polish = false }
            : new GaussianProcessOptions { Kernel = kernel, InitialHyperparameters = initial, Mean = GpMean.Zero, Standardize = false, Seed = seed };
    }

    /// <summary>
    /// The acquisition the case prescribes: integrated-posterior-variance reduction over the whole grid for case 5
    /// (section 3.10), GP-UCB with the case's beta otherwise (section 3.9 and cases 1-3).
    /// </summary>
    public static IAcquisition Acquisition(MethodContext context)
    {
        if (context.Objective is SpatialFieldObjective field)
        {
            var reference = new List<double[]>();
            foreach (var configuration in SpaceEnumerationOf(field.Space))
            {
                reference.Add(field.Space.Encode(configuration));
            }

            return new IntegratedVarianceReduction(reference);
        }

        return new UpperConfidenceBound(context.Case.Surrogate.Beta);
    }

    /// <summary>Encoded units per native unit of a parameter: 1/(L step) for a uniform grid of L levels, 1/(high - low) for a linear float.</summary>
    public static double UnitsPerNative(Parameter parameter)
    {
        switch (parameter.Kind)
        {
            case ParameterKind.Grid when parameter.Levels.Length > 1:
                double step = (parameter.Levels[^1] - parameter.Levels[0]) / (parameter.Levels.Length - 1);
                return 1.0 / (parameter.Levels.Length * step);
            case ParameterKind.Float when !parameter.Log:
            case ParameterKind.Integer when !parameter.Log:
                return 1.0 / (parameter.High - parameter.Low);
            default:
                return 1.0; // log-scale and categorical parameters: the case's length scale is taken in encoded units
        }
    }

    private static IEnumerable<Configuration> SpaceEnumerationOf(SearchSpace space)
    {
        var a = space.Parameters[0].Levels;
        var b = space.Parameters[1].Levels;
        foreach (double x in a)
        {
            foreach (double y in b)
            {
                yield return new Configuration([x, y]);
            }
        }
    }
}
